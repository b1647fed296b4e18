using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Escale.Core.Identity;
using Escale.Core.Opportunities;
using Escale.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Escale.Tests.Integration.Pages.Admin.Moderation;

[Collection(AccountsCollection.Name)]
public sealed class DetailTests(MailAppFixture fixture)
{
    private static async Task<HttpClient> EditorAsync(EscaleAppFactory app)
    {
        var editor = await MailAppFixture.CreateUserAsync(app, roles: Roles.Editor);
        var client = app.CreateBrowserlessClient();
        await client.SignInAsync(editor.Email!, MailAppFixture.Password);
        return client;
    }

    [Theory, EveryDatabase]
    public async Task Approve_PublishesTheOpportunity_TheSearchSeesIt_AndEmailsThePartnerInFrench(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var partner = await PartnerSteps.SignedInPartnerAsync(app);
        var word = "zq" + Guid.NewGuid().ToString("N")[..8];
        var title = "À approuver " + word;
        var opportunity = await PartnerSteps.OpportunityAsync(app, partner.OrganisationId, title, OpportunityStatus.InReview, submittedBy: partner.User.Id);
        var editor = await EditorAsync(app);

        var (_, queue) = await editor.GetPageAsync("/admin/moderation");
        var (_, page) = await editor.GetPageAsync($"/admin/moderation/{opportunity.Id}");
        var response = await editor.SubmitAsync(page.QuerySelector<IHtmlFormElement>("form[action*='Approuver']")!, new Dictionary<string, string>());

        Assert.NotNull(queue.QuerySelector($"tr[data-offer='{opportunity.Id}']"));
        Assert.Equal("Nouvelle offre : jamais publiée.", page.Text("#nature"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await app.WithDbAsync(db => db.Opportunities.SingleAsync(o => o.Id == opportunity.Id));
        Assert.Equal(OpportunityStatus.Published, saved.Status);
        Assert.NotNull(saved.PublishedAt);
        Assert.True(saved.UpdatedAt > opportunity.UpdatedAt);
        // The search reloads when the latest UpdatedAt moves: the approval stamped it without the page asking.
        var (_, search) = await app.CreateBrowserlessClient().GetPageAsync("/offres?q=" + word);
        Assert.Contains(title, search.Text("#resultats"), StringComparison.Ordinal);
        var mail = await fixture.Mail.WaitForMessageAsync(partner.User.Email!);
        Assert.Contains("est publiée", mail.Subject, StringComparison.Ordinal);
        Assert.Contains(title, mail.TextBody, StringComparison.Ordinal);
    }

    [Theory, EveryDatabase]
    public async Task Detail_ShowsEveryValueInFrenchWords_NotEnumNamesOrRawNumbers(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var partner = await PartnerSteps.SignedInPartnerAsync(app);
        var title = "En mots " + Guid.NewGuid().ToString("N")[..6];
        var expires = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(1);
        var fields = PartnerSteps.JobFields(title, expires);
        fields["Input.SalaryMin"] = "42000";
        fields["Input.SalaryMax"] = "45000";
        fields["Input.Remote"] = "Partial";
        var submitted = await partner.Client.SubmitAsync(await partner.NewOpportunityFormAsync(), fields);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var id = await app.WithDbAsync(db => db.Opportunities.Where(o => o.Title == title).Select(o => o.Id).SingleAsync());
        var editor = await EditorAsync(app);

        var (_, page) = await editor.GetPageAsync($"/admin/moderation/{id}");

        var shown = page.QuerySelectorAll(".facts dt").Zip(page.QuerySelectorAll(".facts dd"))
            .ToDictionary(p => p.First.TextContent, p => p.Second.TextContent.Replace('\u202F', ' ').Replace('\u00A0', ' '));
        Assert.Equal("CDI", shown["Contrat"]);
        Assert.Equal("Temps plein", shown["Temps de travail"]);
        Assert.Equal("Télétravail partiel", shown["Télétravail"]);
        Assert.Equal("42 000 € brut/an", shown["Salaire minimum"]);
        Assert.Equal("non", shown["Ouvert aux travailleurs handicapés"]);
        Assert.StartsWith("H2909 — ", shown["Code ROME"], StringComparison.Ordinal);
        Assert.Equal(expires.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("fr-FR")), shown["Expire le"]);
    }

    [Fact]
    public async Task Reject_WithoutNote_ShowsError_WithNote_EmailsTheReason()
    {
        var app = await fixture.AppAsync(DatabaseProvider.Sqlite);
        var partner = await PartnerSteps.SignedInPartnerAsync(app);
        var opportunity = await PartnerSteps.OpportunityAsync(app, partner.OrganisationId, "À refuser", OpportunityStatus.InReview, submittedBy: partner.User.Id);
        var editor = await EditorAsync(app);
        var (_, page) = await editor.GetPageAsync($"/admin/moderation/{opportunity.Id}");
        var form = page.QuerySelector<IHtmlFormElement>("form[action*='Refuser']")!;

        var withoutNote = await Html.ParseAsync(await editor.SubmitAsync(form, new Dictionary<string, string> { ["Note"] = " " }));
        var stillInReview = await app.WithDbAsync(db => db.Opportunities.Where(o => o.Id == opportunity.Id).Select(o => o.Status).SingleAsync());
        await editor.SubmitAsync(form, new Dictionary<string, string> { ["Note"] = "Indiquez le salaire." });

        Assert.Contains("motif", withoutNote.Text("span[data-valmsg-for='Note']"), StringComparison.Ordinal);
        Assert.Equal(OpportunityStatus.InReview, stillInReview);
        var saved = await app.WithDbAsync(db => db.Opportunities.SingleAsync(o => o.Id == opportunity.Id));
        Assert.Equal((OpportunityStatus.Rejected, "Indiquez le salaire."), (saved.Status, saved.ModerationNote));
        var mail = await fixture.Mail.WaitForMessageAsync(partner.User.Email!);
        Assert.Contains("Indiquez le salaire.", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditedAfterApproval_ShowsWhatChanged()
    {
        var app = await fixture.AppAsync(DatabaseProvider.Sqlite);
        var partner = await PartnerSteps.SignedInPartnerAsync(app);
        var opportunity = await PartnerSteps.OpportunityAsync(app, partner.OrganisationId, "Version une", OpportunityStatus.InReview, submittedBy: partner.User.Id);
        var editor = await EditorAsync(app);
        var (_, first) = await editor.GetPageAsync($"/admin/moderation/{opportunity.Id}");
        await editor.SubmitAsync(first.QuerySelector<IHtmlFormElement>("form[action*='Approuver']")!, new Dictionary<string, string>());
        var (_, edit) = await partner.Client.GetPageAsync($"/espace-partenaire/offres/{opportunity.Id}");
        var fields = PartnerSteps.JobFields("Version deux", DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(1));
        await partner.Client.SubmitAsync(edit.QuerySelector<IHtmlFormElement>("main form")!, fields);

        var (_, page) = await editor.GetPageAsync($"/admin/moderation/{opportunity.Id}");

        var titleRow = page.QuerySelectorAll(".moderation-changes tr").Single(r => r.QuerySelector("th")?.TextContent == "Intitulé");
        Assert.Equal(("Version une", "Version deux"), (titleRow.QuerySelector("del")!.TextContent, titleRow.QuerySelector("ins")!.TextContent));
    }

    [Theory, EveryDatabase]
    public async Task EditOfAPublishedOffer_WaitsInTheQueue_AndOnApprovalReplacesTheVersionOnline(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var partner = await PartnerSteps.SignedInPartnerAsync(app);
        var word = "zq" + Guid.NewGuid().ToString("N")[..8];
        var opportunity = await PartnerSteps.OpportunityAsync(app, partner.OrganisationId, "En ligne " + word, submittedBy: partner.User.Id);
        var (_, form) = await partner.Client.GetPageAsync($"/espace-partenaire/offres/{opportunity.Id}");
        await partner.Client.SubmitAsync(form.QuerySelector<IHtmlFormElement>("main form")!,
            PartnerSteps.JobFields("Nouvelle version " + word, DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(1)));
        var editor = await EditorAsync(app);

        var (_, home) = await editor.GetPageAsync("/admin");
        var (_, queue) = await editor.GetPageAsync("/admin/moderation");
        var (_, page) = await editor.GetPageAsync($"/admin/moderation/{opportunity.Id}");

        Assert.Matches(@"\(\d+\)", home.Text("#admin-a-moderer"));
        Assert.Contains("Modification d’une offre publiée", queue.QuerySelector($"tr[data-offer='{opportunity.Id}']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("la version en ligne reste visible", page.Text("#nature"), StringComparison.Ordinal);
        var titleRow = page.QuerySelectorAll(".moderation-changes tr").Single(r => r.QuerySelector("th")?.TextContent == "Intitulé");
        Assert.Equal(("En ligne " + word, "Nouvelle version " + word), (titleRow.QuerySelector("del")!.TextContent, titleRow.QuerySelector("ins")!.TextContent));

        var response = await editor.SubmitAsync(page.QuerySelector<IHtmlFormElement>("form[action*='Approuver']")!, new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await app.WithDbAsync(db => db.Opportunities.AsNoTracking().SingleAsync(o => o.Id == opportunity.Id));
        Assert.Equal((OpportunityStatus.Published, "Nouvelle version " + word), (saved.Status, saved.Title));
        Assert.False(await app.WithDbAsync(db => db.PendingEdits.AnyAsync(e => e.OpportunityId == opportunity.Id)));
        var (_, search) = await app.CreateBrowserlessClient().GetPageAsync("/offres?q=" + word);
        Assert.Contains("Nouvelle version " + word, search.Text("#resultats"), StringComparison.Ordinal);
        Assert.DoesNotContain("En ligne " + word, search.Text("#resultats"), StringComparison.Ordinal);
        var mail = await fixture.Mail.WaitForMessageAsync(partner.User.Email!);
        Assert.Contains("modification", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("est publiée", mail.Subject, StringComparison.Ordinal);
        var (_, after) = await editor.GetPageAsync("/admin/moderation");
        Assert.Null(after.QuerySelector($"tr[data-offer='{opportunity.Id}']"));
    }

    [Theory, EveryDatabase]
    public async Task EditOfTheStreetAddress_ShowsInTheChanges_AndOnApprovalReachesTheOfferPage(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var partner = await PartnerSteps.SignedInPartnerAsync(app);
        var opportunity = await PartnerSteps.OpportunityAsync(app, partner.OrganisationId, "Sans adresse", submittedBy: partner.User.Id);
        var (_, form) = await partner.Client.GetPageAsync($"/espace-partenaire/offres/{opportunity.Id}");
        var fields = PartnerSteps.JobFields("Sans adresse", DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(1));
        fields["Input.StreetAddress"] = "5 boulevard Gambetta";
        await partner.Client.SubmitAsync(form.QuerySelector<IHtmlFormElement>("main form")!, fields);
        var editor = await EditorAsync(app);

        var (_, page) = await editor.GetPageAsync($"/admin/moderation/{opportunity.Id}");
        var streetRow = page.QuerySelectorAll(".moderation-changes tr").Single(r => r.QuerySelector("th")?.TextContent == "Adresse (rue et numéro)");
        await editor.SubmitAsync(page.QuerySelector<IHtmlFormElement>("form[action*='Approuver']")!, new Dictionary<string, string>());
        var (_, online) = await app.CreateBrowserlessClient().GetPageAsync($"/offres/{opportunity.Id}/sans-adresse");

        Assert.Equal(("", "5 boulevard Gambetta"), (streetRow.QuerySelector("del")!.TextContent, streetRow.QuerySelector("ins")!.TextContent));
        Assert.Equal("5 boulevard Gambetta", online.Text("#offre-adresse"));
    }

    [Theory, EveryDatabase]
    public async Task RejectedEdit_LeavesThePublishedVersionOnline_AndTellsThePartnerWhy(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var partner = await PartnerSteps.SignedInPartnerAsync(app);
        var word = "zq" + Guid.NewGuid().ToString("N")[..8];
        var opportunity = await PartnerSteps.OpportunityAsync(app, partner.OrganisationId, "Stable " + word, submittedBy: partner.User.Id);
        var (_, form) = await partner.Client.GetPageAsync($"/espace-partenaire/offres/{opportunity.Id}");
        await partner.Client.SubmitAsync(form.QuerySelector<IHtmlFormElement>("main form")!,
            PartnerSteps.JobFields("Douteuse " + word, DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(1)));
        var editor = await EditorAsync(app);
        var (_, page) = await editor.GetPageAsync($"/admin/moderation/{opportunity.Id}");
        var reject = page.QuerySelector<IHtmlFormElement>("form[action*='Refuser']")!;

        var withoutNote = await Html.ParseAsync(await editor.SubmitAsync(reject, new Dictionary<string, string> { ["Note"] = "  " }));
        var response = await editor.SubmitAsync(reject, new Dictionary<string, string> { ["Note"] = "Le salaire annoncé est incohérent." });

        Assert.Contains("Indiquez le motif du refus", withoutNote.Text("[data-valmsg-for='Note']"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await app.WithDbAsync(db => db.Opportunities.AsNoTracking().SingleAsync(o => o.Id == opportunity.Id));
        Assert.Equal((OpportunityStatus.Published, "Stable " + word), (saved.Status, saved.Title));
        Assert.False(await app.WithDbAsync(db => db.PendingEdits.AnyAsync(e => e.OpportunityId == opportunity.Id)));
        var mail = await fixture.Mail.WaitForMessageAsync(partner.User.Email!);
        Assert.Contains("n’a pas été publiée", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("Le salaire annoncé est incohérent.", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("La version déjà publiée reste en ligne", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Partner_IsRefused_OnGetAndPost()
    {
        var app = await fixture.AppAsync(DatabaseProvider.Sqlite);
        var partner = await PartnerSteps.SignedInPartnerAsync(app);
        var opportunity = await PartnerSteps.OpportunityAsync(app, partner.OrganisationId, "Pas pour les partenaires", OpportunityStatus.InReview);
        var ownForm = await partner.NewOpportunityFormAsync();

        var get = await partner.Client.GetAsync(new Uri("/admin/moderation", UriKind.Relative));
        var post = await partner.Client.PostAsync($"/admin/moderation/{opportunity.Id}?handler=Approuver", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = ownForm.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value,
        }));

        Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(OpportunityStatus.InReview, await app.WithDbAsync(db => db.Opportunities.Where(o => o.Id == opportunity.Id).Select(o => o.Status).SingleAsync()));
    }

    [Fact]
    public async Task WelcomeReferent_IsRefused_EvenInsideTheBackOffice()
    {
        var app = await fixture.AppAsync(DatabaseProvider.Sqlite);
        var referent = await MailAppFixture.CreateUserAsync(app, roles: Roles.CommissionMember);
        var client = app.CreateBrowserlessClient();
        await client.SignInAsync(referent.Email!, MailAppFixture.Password);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(new Uri("/admin/moderation", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(new Uri("/admin/imports", UriKind.Relative))).StatusCode);
    }
}
