using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Escale.Core.Welcome;
using Escale.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Escale.Tests.Integration.Pages.MonEspace;

[Collection(AccountsCollection.Name)]
public sealed class OrientationsTests(MailAppFixture fixture)
{
    [Theory, EveryDatabase]
    public async Task Household_ReadsExactlyWhatWouldBeShared_AndItsConsentReachesTheReferent(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var household = await SpaceWelcomeSteps.HouseholdAsync(app);
        var (_, partnerOrganisation) = await PartnerSteps.PartnerAsync(app);
        var id = await SpaceWelcomeSteps.ReferralAsync(app, household, partnerOrganisation, SharedFields.Name | SharedFields.Phone | SharedFields.Household);

        var (_, page) = await household.Client.GetPageAsync("/mon-espace/orientations");
        var section = page.QuerySelector($"#orientation-{id}")!;
        var shared = section.QuerySelectorAll(".shared-fields dt").Select(dt => dt.TextContent).ToList();
        var values = section.QuerySelectorAll(".shared-fields dd").Select(dd => dd.TextContent).ToList();
        var consented = await household.Client.SubmitAsync(section.QuerySelector<IHtmlFormElement>("form")!, new Dictionary<string, string>());
        var mail = await fixture.Mail.WaitForMessageAsync(household.Referent.Email!, where: m => (m.Subject ?? "").Contains("Partage accepté", StringComparison.Ordinal));

        Assert.Equal(["Nom et prénom", "Téléphone", "Composition du foyer"], shared);
        Assert.Equal(["Claire Martin", "06 12 34 56 78", "2 adultes, 2 enfants (6 et 11 ans)"], values);
        Assert.Contains("Claire cherche un poste d’infirmière en CDI.", section.TextContent, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, consented.StatusCode);
        var (referral, events) = await app.WithDbAsync(async db => (
            await db.CaseReferrals.SingleAsync(r => r.Id == id),
            await db.CaseEvents.CountAsync(e => e.CaseId == household.CaseId && e.Kind == CaseEventKind.ReferralConsented)));
        Assert.NotNull(referral.ConsentedAt);
        Assert.Equal(ReferralStatus.Draft, referral.Status);
        Assert.Equal(1, events);
        Assert.Contains($"/admin/dossiers/{household.CaseId}", mail.TextBody ?? "", StringComparison.Ordinal);
    }

    [Theory, EveryDatabase]
    public async Task Household_RefusingCancelsTheReferral(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var household = await SpaceWelcomeSteps.HouseholdAsync(app);
        var (_, partnerOrganisation) = await PartnerSteps.PartnerAsync(app);
        var id = await SpaceWelcomeSteps.ReferralAsync(app, household, partnerOrganisation, SharedFields.Name);

        var (_, page) = await household.Client.GetPageAsync("/mon-espace/orientations");
        await household.Client.SubmitAsync(page.QuerySelector<IHtmlFormElement>($"#orientation-{id} form[action*='Refuse']")!, new Dictionary<string, string>());

        var (referral, events) = await app.WithDbAsync(async db => (
            await db.CaseReferrals.SingleAsync(r => r.Id == id),
            await db.CaseEvents.CountAsync(e => e.CaseId == household.CaseId && e.Kind == CaseEventKind.ReferralRefused)));
        Assert.Equal(ReferralStatus.Cancelled, referral.Status);
        Assert.Null(referral.ConsentedAt);
        Assert.Equal(1, events);
    }
}
