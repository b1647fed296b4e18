using System.Net;
using Escale.Core.Welcome;
using Escale.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Escale.Tests.Integration.Pages.MonEspace;

[Collection(AccountsCollection.Name)]
public sealed class ConjointTests(MailAppFixture fixture)
{
    private static DateOnly InDays(int days) => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(days);

    [Theory, EveryDatabase]
    public async Task SaveWithCv_ThenShareUntilADate_RecordsTheConsentAndTheTimeline(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var household = await SpaceWelcomeSteps.HouseholdAsync(app);

        var saved = await SpouseSteps.SaveProfileAsync(household.Client, SpouseSteps.Pdf, "C:\\Documents\\cv-claire.pdf");
        var shared = await SpouseSteps.ShareAsync(household.Client, InDays(60));
        var (_, page) = await household.Client.GetPageAsync("/mon-espace/conjoint");
        var cv = await household.Client.GetAsync(new Uri("/mon-espace/conjoint/cv", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, shared.StatusCode);
        var (profile, events, cvName) = await app.WithDbAsync(async db =>
        {
            var p = await db.SpouseProfiles.SingleAsync(x => x.CaseId == household.CaseId);
            return (p, await db.CaseEvents.CountAsync(e => e.CaseId == household.CaseId && e.Kind == CaseEventKind.SpouseProfileShared),
                await db.CaseDocuments.Where(d => d.Id == p.CvDocumentId).Select(d => d.FileName).SingleAsync());
        });
        Assert.Equal("J1506", profile.RomeCode);
        Assert.Equal(["fr", "en"], profile.Languages);
        Assert.Equal(InDays(60), profile.SharedUntil);
        Assert.NotNull(profile.SharingConsentedAt);
        Assert.Equal(1, events);
        Assert.Equal("cv-claire.pdf", cvName);
        Assert.StartsWith("Partagé jusqu’au", page.Text("#partage-etat"), StringComparison.Ordinal);
        Assert.Equal(SpouseSteps.Pdf, await cv.Content.ReadAsByteArrayAsync());
        Assert.Contains("no-store", cv.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
    }

    [Theory, EveryDatabase]
    public async Task Share_WithoutTheConsentBox_IsRefusedBesideTheField(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var household = await SpaceWelcomeSteps.HouseholdAsync(app);
        await SpouseSteps.SaveProfileAsync(household.Client);

        var response = await SpouseSteps.ShareAsync(household.Client, InDays(30), consent: false);
        var page = await Html.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Cochez la case pour accepter ce partage.", page.Text("#ConsentSharing-erreur"));
        Assert.Null(await app.WithDbAsync(db => db.SpouseProfiles.Where(p => p.CaseId == household.CaseId).Select(p => p.SharedUntil).SingleAsync()));
    }

    [Theory, EveryDatabase]
    public async Task Cv_ThatIsTextCalledPdf_IsRefusedBesideTheField_AndNothingIsSaved(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var household = await SpaceWelcomeSteps.HouseholdAsync(app);

        var response = await SpouseSteps.SaveProfileAsync(household.Client, "Mon CV en texte."u8.ToArray(), "cv.pdf");
        var page = await Html.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(DocumentTypes.CvUnknownTypeMessage, page.Text("#Cv-erreur"));
        Assert.Equal("Cv-erreur", page.QuerySelector("#Cv")!.GetAttribute("aria-describedby")!.Split(' ')[^1]);
        Assert.Equal(SpouseSteps.Presentation, page.QuerySelector("#Input_Presentation")!.TextContent);
        Assert.Equal(0, await app.WithDbAsync(db => db.SpouseProfiles.CountAsync(p => p.CaseId == household.CaseId)));
        Assert.Equal(0, await app.WithDbAsync(db => db.CaseDocuments.CountAsync(d => d.CaseId == household.CaseId)));
    }

    [Theory, EveryDatabase]
    public async Task Cv_ThatIsAnImage_IsRefused(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var household = await SpaceWelcomeSteps.HouseholdAsync(app);
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52];

        var page = await Html.ParseAsync(await SpouseSteps.SaveProfileAsync(household.Client, png, "cv.pdf"));

        Assert.Equal(DocumentTypes.CvUnknownTypeMessage, page.Text("#Cv-erreur"));
    }

    [Theory, EveryDatabase]
    public async Task Cv_OverTheLimit_IsRefused(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var household = await SpaceWelcomeSteps.HouseholdAsync(app);
        var content = new byte[DocumentTypes.CvMaxBytes + 1];
        "%PDF-1.7\n"u8.CopyTo(content);

        var page = await Html.ParseAsync(await SpouseSteps.SaveProfileAsync(household.Client, content, "gros.pdf"));

        Assert.Equal(DocumentTypes.CvTooLargeMessage, page.Text("#Cv-erreur"));
        Assert.Equal(0, await app.WithDbAsync(db => db.SpouseProfiles.CountAsync(p => p.CaseId == household.CaseId)));
    }

    [Theory, EveryDatabase]
    public async Task Matches_UseTheSpouseProfile_AndShowTheEmployersRequests(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var household = await SpaceWelcomeSteps.HouseholdAsync(app);
        var partner = await PartnerSteps.SignedInPartnerAsync(app);
        // Marc (adult 1) keeps a remote engineer's job in the project; his spouse profile looks for nursing work.
        await SpouseSteps.SaveProfileAsync(household.Client, adultIndex: "1");
        await SpouseSteps.ShareAsync(household.Client, InDays(30));
        var profileId = await app.WithDbAsync(db => db.SpouseProfiles.Where(p => p.CaseId == household.CaseId).Select(p => p.Id).SingleAsync());
        var title = "Infirmier de nuit " + Guid.NewGuid().ToString("N")[..8];
        await SpaceWelcomeSteps.JobAsync(app, partner.OrganisationId, title, "J1506");
        await SpouseSteps.AskAsync(partner, profileId);

        var (_, page) = await household.Client.GetPageAsync("/mon-espace");

        var marc = page.QuerySelectorAll("#propositions-section h3").First(h => h.TextContent.Contains("Marc", StringComparison.Ordinal));
        var matches = marc.NextElementSibling!;
        Assert.Contains(title, matches.TextContent, StringComparison.Ordinal);
        Assert.Contains("selon son profil de conjoint", matches.TextContent, StringComparison.Ordinal);
        Assert.Contains("Attend votre réponse", page.Text("#demandes-employeurs"), StringComparison.Ordinal);
    }
}
