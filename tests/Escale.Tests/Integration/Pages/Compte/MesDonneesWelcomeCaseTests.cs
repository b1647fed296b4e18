using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Escale.Core.Welcome;
using Escale.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Escale.Tests.Integration.Pages.Compte;

[Collection(AccountsCollection.Name)]
public sealed class MesDonneesWelcomeCaseTests(MailAppFixture fixture)
{
    private static readonly JsonSerializerOptions Plain = new() { ReferenceHandler = System.Text.Json.Serialization.ReferenceHandler.IgnoreCycles };

    /// <summary>Something of every kind a case holds about its household, written by the household, its referent and a partner.</summary>
    private static async Task<SpaceWelcomeSteps.Household> HouseholdWithAFullCaseAsync(EscaleAppFactory app)
    {
        var household = await SpaceWelcomeSteps.HouseholdAsync(app);
        var (_, partnerOrganisation) = await PartnerSteps.PartnerAsync(app);
        await SpaceWelcomeSteps.ReferralAsync(app, household, partnerOrganisation, SharedFields.Name | SharedFields.Phone, "Claire Martin, infirmière, arrive de Lyon.");
        await app.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var id = household.CaseId;
            db.CaseMessages.Add(new CaseMessage { CaseId = id, FromHousehold = true, AuthorUserId = household.User.Id, AuthorName = "Claire et Marc Martin", Body = "Message de Claire Martin", At = now });
            db.CaseNotes.Add(new CaseNote { CaseId = id, AuthorName = "Sophie", Text = "Claire Martin hésite entre Figeac et Cahors.", At = now });
            db.CaseTasks.Add(new CaseTask { CaseId = id, Title = "Rappeler Claire Martin", DueOn = DateOnly.FromDateTime(now.UtcDateTime), CreatedAt = now });
            db.CaseDocuments.Add(new CaseDocument { CaseId = id, FileName = "cv-claire-martin.pdf", ContentType = "application/pdf", SizeBytes = 9, Content = "%PDF-1.7\n"u8.ToArray(), FromHousehold = true, UploadedAt = now });
            db.CaseAccesses.Add(new CaseAccess { CaseId = id, UserId = household.Referent.Id, ActorName = "Sophie Referente", OrganisationName = "Accueil", Action = CaseAccessAction.Viewed, At = now });
            db.CaseQuestionnaires.Add(new CaseQuestionnaire { CaseId = id, TokenHash = Guid.NewGuid().ToString("N"), SentAt = now, AnsweredAt = now, StillLivingHere = true, WhatHelped = "Sophie, pour Claire Martin", WhatWasMissing = "Une crèche près de chez les Martin", Recommendation = 9 });
            var welcomeCase = await db.Cases.SingleAsync(c => c.Id == id);
            welcomeCase.Record(CaseEventKind.DocumentAdded, new CaseActor(household.User.Id, "Claire et Marc Martin"), now, "cv-claire-martin.pdf");
            return await db.SaveChangesAsync();
        });
        return household;
    }

    [Theory, EveryDatabase]
    public async Task Export_ContainsTheWelcomeCase(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var household = await HouseholdWithAFullCaseAsync(app);

        var response = await household.Client.GetAsync(new Uri("/compte/mes-donnees/export", UriKind.Relative));
        var exported = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("DossiersAccueil")[0];

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Qualifié", exported.GetProperty("Etape").GetString());
        Assert.Equal("06 12 34 56 78", exported.GetProperty("Projet").GetProperty("Telephone").GetString());
        Assert.Equal("J1506", exported.GetProperty("Projet").GetProperty("Adultes")[0].GetProperty("CodeRome").GetString());
        Assert.Contains(exported.GetProperty("Historique").EnumerateArray(), e => e.GetProperty("Evenement").GetString() == "Étape");
        Assert.Equal("Message de Claire Martin", exported.GetProperty("Messages")[0].GetProperty("Texte").GetString());
        Assert.Equal("cv-claire-martin.pdf", exported.GetProperty("Documents")[0].GetProperty("Nom").GetString());
        Assert.Equal(9, exported.GetProperty("Documents")[0].GetProperty("Octets").GetInt64());
        Assert.Equal("Claire Martin, infirmière, arrive de Lyon.", exported.GetProperty("MisesEnRelation")[0].GetProperty("Message").GetString());
        Assert.Equal("Sophie Referente", exported.GetProperty("Acces")[0].GetProperty("Qui").GetString());
        Assert.Equal(9, exported.GetProperty("Questionnaires")[0].GetProperty("Recommandation").GetInt32());
        Assert.DoesNotContain("hésite entre Figeac", exported.GetRawText(), StringComparison.Ordinal);
    }

    [Theory, EveryDatabase]
    public async Task Erase_LeavesOnlyAnonymousFiguresOfTheCase(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var household = await HouseholdWithAFullCaseAsync(app);
        var before = await app.WithDbAsync(db => db.Cases.AsNoTracking().SingleAsync(c => c.Id == household.CaseId));

        var (_, page) = await household.Client.GetPageAsync("/compte/mes-donnees");
        var erased = await household.Client.SubmitAsync(page.QuerySelector<IHtmlFormElement>("form[action*='Erase']")!, new Dictionary<string, string> { ["Password"] = MailAppFixture.Password });

        Assert.Equal(HttpStatusCode.Redirect, erased.StatusCode);
        var after = await app.WithDbAsync(db => db.Cases.AsNoTracking().AsSplitQuery()
            .Include(c => c.Events).Include(c => c.Messages).Include(c => c.Notes).Include(c => c.Tasks).Include(c => c.Documents)
            .Include(c => c.Accesses).Include(c => c.Questionnaires).Include(c => c.Referrals).Include(c => c.Assignments)
            .SingleAsync(c => c.Id == household.CaseId));
        Assert.True(after.Anonymised);
        Assert.Null(after.HouseholdUserId);
        Assert.Null(after.HouseholdName);
        Assert.Equal(CaseStage.Closed, after.Stage);
        Assert.Equal(CaseClosedReason.AccountErased, after.ClosedReason);
        Assert.Equal(CaseStage.Qualified, after.StageBeforeClosing);
        Assert.Equal(before.CreatedAt, after.CreatedAt);
        Assert.Equal(before.IntercommunalityId, after.IntercommunalityId);
        Assert.Equal(before.Source, after.Source);
        Assert.Empty(after.Project.Adults);
        Assert.Empty(after.Messages);
        Assert.Empty(after.Notes);
        Assert.Empty(after.Documents);
        Assert.Empty(after.Accesses);
        Assert.Equal(9, Assert.Single(after.Questionnaires).Recommendation);
        var remaining = JsonSerializer.Serialize(after, Plain);
        foreach (var personal in new[] { "Martin", "Claire", "Marc", "06 12 34 56 78", "jardin", "Lyon", household.User.Email!, household.User.Id, "crèche" })
        {
            Assert.DoesNotContain(personal, remaining, StringComparison.Ordinal);
        }
    }

    [Theory, EveryDatabase]
    public async Task Export_ContainsTheSpouseProfile_AndErasureRemovesItWithItsRequests(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var household = await SpaceWelcomeSteps.HouseholdAsync(app);
        var profileId = await SpouseSteps.SharedProfileAsync(app, household, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30));
        var partner = await PartnerSteps.SignedInPartnerAsync(app);
        await SpouseSteps.AskAsync(partner, profileId, "Nous recrutons à Figeac.");

        var response = await household.Client.GetAsync(new Uri("/compte/mes-donnees/export", UriKind.Relative));
        var spouse = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("DossiersAccueil")[0].GetProperty("ProfilDuConjoint");
        var (_, page) = await household.Client.GetPageAsync("/compte/mes-donnees");
        await household.Client.SubmitAsync(page.QuerySelector<IHtmlFormElement>("form[action*='Erase']")!, new Dictionary<string, string> { ["Password"] = MailAppFixture.Password });

        Assert.Equal("J1506", spouse.GetProperty("CodeRome").GetString());
        Assert.Equal("cv.pdf", spouse.GetProperty("Cv").GetString());
        Assert.Equal("Nous recrutons à Figeac.", spouse.GetProperty("DemandesDesEmployeurs")[0].GetProperty("Message").GetString());
        var (profiles, introductions, documents) = await app.WithDbAsync(async db => (
            await db.SpouseProfiles.CountAsync(p => p.CaseId == household.CaseId),
            await db.SpouseIntroductions.CountAsync(i => i.SpouseProfileId == profileId),
            await db.CaseDocuments.CountAsync(d => d.CaseId == household.CaseId)));
        Assert.Equal(0, profiles);
        Assert.Equal(0, introductions);
        Assert.Equal(0, documents);
    }
}
