using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Escale.Core.Welcome;
using Escale.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Escale.Tests.Integration.Pages.EspacePartenaire.Orientations;

[Collection(AccountsCollection.Name)]
public sealed class DetailTests(MailAppFixture fixture)
{
    [Theory, EveryDatabase]
    public async Task Partner_SeesOnlyTheConsentedFields_AndTheHouseholdSeesThatItLooked(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var household = await SpaceWelcomeSteps.HouseholdAsync(app);
        var partner = await PartnerSteps.SignedInPartnerAsync(app);
        var id = await SpaceWelcomeSteps.ReferralAsync(app, household, partner.OrganisationId,
            SharedFields.Name | SharedFields.Occupation | SharedFields.Household, consentedAndSent: true);

        var (listResponse, list) = await partner.Client.GetPageAsync("/espace-partenaire/orientations");
        var (response, page) = await partner.Client.GetPageAsync($"/espace-partenaire/orientations/{id}");
        var html = page.QuerySelector("main")!.InnerHtml;
        var (_, accesses) = await household.Client.GetPageAsync("/mon-espace/acces");

        Assert.Equal(HttpStatusCode.OK, listResponse.StatusCode);
        Assert.NotNull(list.QuerySelector($"#orientations a[href='/espace-partenaire/orientations/{id}']"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Claire Martin", "Infirmière", "2 adultes, 2 enfants (6 et 11 ans)"], page.QuerySelectorAll("#partage dd").Select(dd => dd.TextContent));
        Assert.Contains("Claire cherche un poste d’infirmière en CDI.", page.Text("#message"), StringComparison.Ordinal);
        Assert.DoesNotContain("06 12 34 56 78", html, StringComparison.Ordinal);
        Assert.DoesNotContain(household.User.Email!, html, StringComparison.Ordinal);
        Assert.DoesNotContain("jardin", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Marc", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Ingénieur", html, StringComparison.Ordinal);
        var partnerName = await app.WithDbAsync(db => db.Organisations.Where(o => o.Id == partner.OrganisationId).Select(o => o.Name).SingleAsync());
        Assert.Contains($"({partnerName}) a consulté votre dossier", accesses.Text("#acces"), StringComparison.Ordinal);
    }

    [Theory, EveryDatabase]
    public async Task AnotherOrganisationsMember_Gets404_AndADraftIsNeverShown(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var household = await SpaceWelcomeSteps.HouseholdAsync(app);
        var partner = await PartnerSteps.SignedInPartnerAsync(app);
        var stranger = await PartnerSteps.SignedInPartnerAsync(app);
        var sent = await SpaceWelcomeSteps.ReferralAsync(app, household, partner.OrganisationId, SharedFields.Name, consentedAndSent: true);
        var draft = await SpaceWelcomeSteps.ReferralAsync(app, household, partner.OrganisationId, SharedFields.Name);

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync(new Uri($"/espace-partenaire/orientations/{sent}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.Client.GetAsync(new Uri($"/espace-partenaire/orientations/{draft}", UriKind.Relative))).StatusCode);
        var (_, strangerList) = await stranger.Client.GetPageAsync("/espace-partenaire/orientations");
        Assert.NotNull(strangerList.QuerySelector("#aucune-orientation"));
    }

    [Theory, EveryDatabase]
    public async Task Partner_AcknowledgesThenDeclinesWithAReason_EachOnTheCaseAndToTheReferent(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var household = await SpaceWelcomeSteps.HouseholdAsync(app);
        var partner = await PartnerSteps.SignedInPartnerAsync(app);
        var id = await SpaceWelcomeSteps.ReferralAsync(app, household, partner.OrganisationId, SharedFields.Name, consentedAndSent: true);

        var (_, page) = await partner.Client.GetPageAsync($"/espace-partenaire/orientations/{id}");
        var acknowledged = await partner.Client.SubmitAsync(page.QuerySelector<IHtmlFormElement>("form[action$='/Acknowledge']")!, new Dictionary<string, string>());
        await fixture.Mail.WaitForMessageAsync(household.Referent.Email!, where: m => (m.Subject ?? "").Contains("prise en compte", StringComparison.Ordinal));
        var (_, again) = await partner.Client.GetPageAsync($"/espace-partenaire/orientations/{id}");
        var declineForm = again.QuerySelector<IHtmlFormElement>("form[action$='/Decline']")!;
        var withoutReason = await Html.ParseAsync(await partner.Client.SubmitAsync(declineForm, new Dictionary<string, string> { ["Reason"] = "" }));
        await partner.Client.SubmitAsync(declineForm, new Dictionary<string, string> { ["Reason"] = "Le poste vient d’être pourvu." });
        var declined = await fixture.Mail.WaitForMessageAsync(household.Referent.Email!, where: m => (m.Subject ?? "").Contains("déclinée", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Redirect, acknowledged.StatusCode);
        Assert.Contains("Dites pourquoi vous déclinez", withoutReason.Text("[data-valmsg-for=Reason]"), StringComparison.Ordinal);
        Assert.Contains("Le poste vient d’être pourvu.", declined.TextBody ?? "", StringComparison.Ordinal);
        var (referral, kinds) = await app.WithDbAsync(async db => (
            await db.CaseReferrals.SingleAsync(r => r.Id == id),
            await db.CaseEvents.Where(e => e.CaseId == household.CaseId && e.Kind >= CaseEventKind.ReferralAcknowledged && e.Kind <= CaseEventKind.ReferralDeclined)
                .Select(e => e.Kind).ToListAsync()));
        Assert.Equal(ReferralStatus.Declined, referral.Status);
        Assert.Equal("Le poste vient d’être pourvu.", referral.DeclineReason);
        Assert.Equal([CaseEventKind.ReferralAcknowledged, CaseEventKind.ReferralDeclined], kinds.Order());
    }
}
