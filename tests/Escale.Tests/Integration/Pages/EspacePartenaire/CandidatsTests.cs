using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Escale.Core.Identity;
using Escale.Core.Opportunities.Interest;
using Escale.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Escale.Tests.Integration.Pages.EspacePartenaire;

/// <summary>The people interested in an organisation's offer, followed up from the partner space, with e-mail through a real SMTP server.</summary>
[Collection(AccountsCollection.Name)]
public sealed class CandidatsTests(MailAppFixture fixture)
{
    private static async Task<int> InterestAsync(EscaleAppFactory app, int opportunityId, string name, string email, DateTimeOffset at, string? campaign = null) =>
        await app.WithDbAsync(async db =>
        {
            var interest = new OpportunityInterest
            {
                OpportunityId = opportunityId, Name = name, Email = email, Phone = "06 11 22 33 44", Message = $"Message de {name}",
                ConsentedAt = at, CreatedAt = at, Source = OpportunityInterest.OpportunitySource, CampaignCode = campaign,
            };
            db.OpportunityInterests.Add(interest);
            await db.SaveChangesAsync();
            return interest.Id;
        });

    private static string Candidate() => $"candidat-{Guid.NewGuid():N}@test.escale";

    private static async Task<IHtmlFormElement> StatusFormAsync(HttpClient client, int interestId, CandidateStatus status)
    {
        var (_, page) = await client.GetPageAsync($"/espace-partenaire/candidats/{interestId}");
        return page.QuerySelectorAll<IHtmlFormElement>("form").Single(f => f.QuerySelector($"button[name=status][value={status}]") is not null);
    }

    private static Task<HttpResponseMessage> MarkAsync(HttpClient client, IHtmlFormElement form, CandidateStatus status) =>
        client.SubmitAsync(form, new Dictionary<string, string> { ["status"] = status.ToString() });

    [Theory, EveryDatabase]
    public async Task Candidates_AreListedNewestFirst_WithTheirDetails_AndCountedOnTheOffersList(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var partner = await PartnerSteps.SignedInPartnerAsync(app);
        var opportunity = await PartnerSteps.OpportunityAsync(app, partner.OrganisationId, "Soudeur");
        var now = DateTimeOffset.UtcNow;
        await InterestAsync(app, opportunity.Id, "Alice Ancienne", Candidate(), now.AddDays(-2));
        var newest = Candidate();
        await InterestAsync(app, opportunity.Id, "Bruno Récent", newest, now.AddHours(-1), campaign: "salon-2026");

        var (response, page) = await partner.Client.GetPageAsync($"/espace-partenaire/offres/{opportunity.Id}/candidats");
        var (_, dashboard) = await partner.Client.GetPageAsync("/espace-partenaire");
        var candidates = page.QuerySelectorAll(".candidate").ToList();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Bruno Récent", "Alice Ancienne"], candidates.Select(c => c.Text("h2")));
        Assert.Contains(newest, candidates[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("06 11 22 33 44", candidates[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Message de Bruno Récent", candidates[0].Text(".candidate-message"), StringComparison.Ordinal);
        Assert.Contains("salon-2026", candidates[0].TextContent, StringComparison.Ordinal);
        Assert.Equal("Nouveau", candidates[0].Text(".candidate-status"));
        Assert.Equal("2 personnes intéressées", page.Text("#nombre-candidats"));
        Assert.StartsWith("2 personnes", dashboard.Text($"tr[data-offer='{opportunity.Id}'] .offer-candidates"), StringComparison.Ordinal);
        Assert.Equal($"/espace-partenaire/offres/{opportunity.Id}/candidats",
            dashboard.QuerySelector($"tr[data-offer='{opportunity.Id}'] .offer-candidates a")!.GetAttribute("href"));
    }

    [Theory, EveryDatabase]
    public async Task NewInterest_EmailsTheOrganisationsMembers_TheWayToTheOffersCandidates(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var partner = await PartnerSteps.SignedInPartnerAsync(app);
        var opportunity = await PartnerSteps.OpportunityAsync(app, partner.OrganisationId, "Tôlier");
        var visitor = app.CreateBrowserlessClient();
        var (_, offer) = await visitor.GetPageAsync($"/offres/{opportunity.Id}/{opportunity.Slug}");

        await visitor.SubmitAsync(offer.QuerySelector<IHtmlFormElement>(".interest form")!, new Dictionary<string, string>
        {
            ["Input.Name"] = "Iris Candidate", ["Input.Email"] = Candidate(), ["Input.Consent"] = "true",
        });
        var notice = await fixture.Mail.WaitForMessageAsync(partner.User.Email!);

        Assert.Contains("Iris Candidate", notice.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/espace-partenaire/offres/{opportunity.Id}/candidats", notice.TextBody, StringComparison.Ordinal);
    }

    [Theory, EveryDatabase]
    public async Task MemberOfAnotherOrganisation_GetsNotFound_ForTheListTheCandidateAndEachAction(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var owner = await PartnerSteps.SignedInPartnerAsync(app);
        var stranger = await PartnerSteps.SignedInPartnerAsync(app);
        var opportunity = await PartnerSteps.OpportunityAsync(app, owner.OrganisationId, "Comptable");
        var email = Candidate();
        var interestId = await InterestAsync(app, opportunity.Id, "Chloé Candidate", email, DateTimeOffset.UtcNow);
        // The stranger posts with a genuine anti-forgery token of their own, taken from a page they may open.
        var ownForm = await StatusFormAsync(owner.Client, interestId, CandidateStatus.Contacted);
        var (_, strangerPage) = await stranger.Client.GetPageAsync("/espace-partenaire");
        var token = strangerPage.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;

        var list = await stranger.Client.GetAsync(new Uri($"/espace-partenaire/offres/{opportunity.Id}/candidats", UriKind.Relative));
        var detail = await stranger.Client.GetAsync(new Uri($"/espace-partenaire/candidats/{interestId}", UriKind.Relative));
        var mark = await stranger.Client.PostAsync(new Uri(Html.ActionOf(ownForm).PathAndQuery, UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["status"] = "Retained", ["__RequestVerificationToken"] = token }));
        var answer = await stranger.Client.PostAsync(new Uri($"/espace-partenaire/candidats/{interestId}/Answer", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Message"] = "Bonjour", ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.NotFound, list.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, detail.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, mark.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        var stored = await app.WithDbAsync(db => db.OpportunityInterests.AsNoTracking().Include(i => i.Steps).SingleAsync(i => i.Id == interestId));
        Assert.Equal(CandidateStatus.New, stored.Status);
        Assert.Empty(stored.Steps);
        Assert.Empty(fixture.Mail.MessagesTo(email));
    }

    [Theory, EveryDatabase]
    public async Task Administrator_SeesAndFollowsUpAnyOrganisationsCandidates_AnEditorDoesNot(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var (_, organisationId) = await PartnerSteps.PartnerAsync(app);
        var opportunity = await PartnerSteps.OpportunityAsync(app, organisationId, "Magasinier");
        var interestId = await InterestAsync(app, opportunity.Id, "Damien Candidat", Candidate(), DateTimeOffset.UtcNow);
        var administrator = await MailAppFixture.CreateUserAsync(app, roles: Roles.Administrator);
        var editor = await MailAppFixture.CreateUserAsync(app, roles: Roles.Editor);
        var adminClient = app.CreateBrowserlessClient();
        await adminClient.SignInAsync(administrator.Email!, MailAppFixture.Password);
        var editorClient = app.CreateBrowserlessClient();
        await editorClient.SignInAsync(editor.Email!, MailAppFixture.Password);

        var adminList = await adminClient.GetAsync(new Uri($"/espace-partenaire/offres/{opportunity.Id}/candidats", UriKind.Relative));
        var adminDetail = await adminClient.GetAsync(new Uri($"/espace-partenaire/candidats/{interestId}", UriKind.Relative));
        var editorDetail = await editorClient.GetAsync(new Uri($"/espace-partenaire/candidats/{interestId}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, adminList.StatusCode);
        Assert.Equal(HttpStatusCode.OK, adminDetail.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, editorDetail.StatusCode);
    }

    [Theory, EveryDatabase]
    public async Task Statuses_PostedTwice_AreRecordedOnceEach_WithHistory_AndEachIsEmailedToTheCandidate(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var partner = await PartnerSteps.SignedInPartnerAsync(app);
        var opportunity = await PartnerSteps.OpportunityAsync(app, partner.OrganisationId, "Chaudronnier");
        var email = Candidate();
        var interestId = await InterestAsync(app, opportunity.Id, "Émile Candidat", email, DateTimeOffset.UtcNow.AddDays(-1));

        var contactedForm = await StatusFormAsync(partner.Client, interestId, CandidateStatus.Contacted);
        var responses = await Task.WhenAll(MarkAsync(partner.Client, contactedForm, CandidateStatus.Contacted), MarkAsync(partner.Client, contactedForm, CandidateStatus.Contacted));
        var contacted = await fixture.Mail.WaitForMessageAsync(email);
        var retained = await MarkAsync(partner.Client, await StatusFormAsync(partner.Client, interestId, CandidateStatus.Retained), CandidateStatus.Retained);
        var retainedMail = await fixture.Mail.WaitForMessageAsync(email, where: m => (m.TextBody ?? "").Contains("retient", StringComparison.Ordinal));
        await Task.Delay(300); // time for a wrongly sent extra message to arrive
        var (_, page) = await partner.Client.GetPageAsync($"/espace-partenaire/candidats/{interestId}");

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(HttpStatusCode.Redirect, retained.StatusCode);
        Assert.Equal(2, fixture.Mail.MessagesTo(email).Count());
        Assert.Contains("Chaudronnier", contacted.Subject, StringComparison.Ordinal);
        Assert.Contains("vous a contacté·e", contacted.TextBody, StringComparison.Ordinal);
        Assert.Contains("Bonjour Émile Candidat", retainedMail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(partner.User.Email!, retainedMail.TextBody, StringComparison.Ordinal);
        var stored = await app.WithDbAsync(db => db.OpportunityInterests.AsNoTracking().Include(i => i.Steps).SingleAsync(i => i.Id == interestId));
        Assert.Equal(CandidateStatus.Retained, stored.Status);
        Assert.NotNull(stored.StatusChangedAt);
        Assert.Equal([CandidateStatus.Contacted, CandidateStatus.Retained], stored.Steps.OrderBy(s => s.At).Select(s => s.Status));
        Assert.All(stored.Steps, s => Assert.Equal(partner.User.Id, s.AuthorUserId));
        Assert.StartsWith("Retenu·e", page.Text("#statut-candidat"), StringComparison.Ordinal);
        Assert.Equal(["Marqué·e comme retenu·e", "Marqué·e comme contacté·e"], page.QuerySelectorAll("#historique li strong").Select(s => s.TextContent));
    }

    [Theory, EveryDatabase]
    public async Task Answer_PostedTwice_IsEmailedOnceWithTheEmployerAsReplyTo_AndKept(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var partner = await PartnerSteps.SignedInPartnerAsync(app);
        var opportunity = await PartnerSteps.OpportunityAsync(app, partner.OrganisationId, "Ébéniste");
        var email = Candidate();
        var interestId = await InterestAsync(app, opportunity.Id, "Fanny Candidate", email, DateTimeOffset.UtcNow);
        var (_, page) = await partner.Client.GetPageAsync($"/espace-partenaire/candidats/{interestId}");
        var form = page.QuerySelectorAll<IHtmlFormElement>("form").Single(f => f.QuerySelector("textarea[name='Input.Message']") is not null);
        var values = new Dictionary<string, string> { ["Input.Message"] = "Bonjour Fanny,\nPouvez-vous passer jeudi à l’atelier ?" };

        var responses = await Task.WhenAll(partner.Client.SubmitAsync(form, values), partner.Client.SubmitAsync(form, values));
        var answer = await fixture.Mail.WaitForMessageAsync(email);
        await Task.Delay(300);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Single(fixture.Mail.MessagesTo(email));
        Assert.Equal(partner.User.Email, Assert.Single(answer.ReplyTo.Mailboxes).Address);
        Assert.Contains("Ébéniste", answer.Subject, StringComparison.Ordinal);
        Assert.Contains("Pouvez-vous passer jeudi", answer.TextBody, StringComparison.Ordinal);
        var step = await app.WithDbAsync(db => db.CandidateSteps.AsNoTracking().SingleAsync(s => s.InterestId == interestId));
        Assert.Equal((CandidateStepKind.Answered, "Bonjour Fanny,\nPouvez-vous passer jeudi à l’atelier ?"), (step.Kind, step.Message?.ReplaceLineEndings("\n")));
    }

    [Theory, EveryDatabase]
    public async Task Answer_Empty_ShowsTheFrenchMessageBesideTheField_AndSendsNothing(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var partner = await PartnerSteps.SignedInPartnerAsync(app);
        var opportunity = await PartnerSteps.OpportunityAsync(app, partner.OrganisationId, "Plombier");
        var email = Candidate();
        var interestId = await InterestAsync(app, opportunity.Id, "Gaël Candidat", email, DateTimeOffset.UtcNow);
        var (_, page) = await partner.Client.GetPageAsync($"/espace-partenaire/candidats/{interestId}");
        var form = page.QuerySelectorAll<IHtmlFormElement>("form").Single(f => f.QuerySelector("textarea[name='Input.Message']") is not null);

        var response = await partner.Client.SubmitAsync(form, new Dictionary<string, string> { ["Input.Message"] = "   " });
        var shown = await Html.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Écrivez votre réponse.", shown.Text("[data-valmsg-for='Input.Message']"));
        Assert.Equal(0, await app.WithDbAsync(db => db.CandidateSteps.CountAsync(s => s.InterestId == interestId)));
    }

    [Theory, EveryDatabase]
    public async Task PersonalDataExport_HasTheFollowUp_AndErasureRemovesIt(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var partner = await PartnerSteps.SignedInPartnerAsync(app);
        var opportunity = await PartnerSteps.OpportunityAsync(app, partner.OrganisationId, "Menuisier");
        var candidate = await MailAppFixture.CreateUserAsync(app);
        var interestId = await InterestAsync(app, opportunity.Id, "Hugo Candidat", candidate.Email!, DateTimeOffset.UtcNow);
        await MarkAsync(partner.Client, await StatusFormAsync(partner.Client, interestId, CandidateStatus.NotRetained), CandidateStatus.NotRetained);
        var candidateClient = app.CreateBrowserlessClient();
        await candidateClient.SignInAsync(candidate.Email!, MailAppFixture.Password);

        var export = await candidateClient.GetAsync(new Uri("/compte/mes-donnees/export", UriKind.Relative));
        var interest = JsonDocument.Parse(await export.Content.ReadAsStringAsync()).RootElement.GetProperty("InteretsPourDesOffres")[0];
        var erase = (IHtmlFormElement)(await Html.ParseAsync(await candidateClient.GetAsync(new Uri("/compte/mes-donnees", UriKind.Relative)))).QuerySelector("main form")!;
        await candidateClient.SubmitAsync(erase, new Dictionary<string, string> { ["Password"] = MailAppFixture.Password });

        Assert.Equal("Menuisier", interest.GetProperty("Offre").GetString());
        Assert.Equal("Non retenu·e", interest.GetProperty("Statut").GetString());
        Assert.Equal("Marqué·e comme non retenu·e", interest.GetProperty("Suivi")[0].GetProperty("Etape").GetString());
        Assert.False(await app.WithDbAsync(db => db.OpportunityInterests.AnyAsync(i => i.Id == interestId)));
        Assert.False(await app.WithDbAsync(db => db.CandidateSteps.AnyAsync(s => s.InterestId == interestId)));
    }
}
