using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Escale.Core.Identity;
using Escale.Core.Opportunities;
using Escale.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Escale.Tests.Integration.Pages.EspacePartenaire;

[Collection(AccountsCollection.Name)]
public sealed class IndexTests(MailAppFixture fixture)
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task Anonymous_IsSentToSignIn()
    {
        var client = (await fixture.AppAsync(DatabaseProvider.Sqlite)).CreateBrowserlessClient();

        var response = await client.GetAsync(new Uri("/espace-partenaire", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/compte/connexion?retour=%2Fespace-partenaire", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Newcomer_IsRefused()
    {
        var app = await fixture.AppAsync(DatabaseProvider.Sqlite);
        var user = await MailAppFixture.CreateUserAsync(app, roles: Roles.Newcomer);
        var client = app.CreateBrowserlessClient();
        await client.SignInAsync(user.Email!, MailAppFixture.Password);

        var response = await client.GetAsync(new Uri("/espace-partenaire", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory, EveryDatabase]
    public async Task Dashboard_ListsOnlyMyOrganisationsOpportunities_WithStatusAndRejectionNote(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var partner = await PartnerSteps.SignedInPartnerAsync(app);
        var other = await PartnerSteps.SignedInPartnerAsync(app);
        var rejected = await PartnerSteps.OpportunityAsync(app, partner.OrganisationId, "Refusée pour test", OpportunityStatus.Rejected);
        await app.WithDbAsync(db => db.Opportunities.Where(o => o.Id == rejected.Id).ExecuteUpdateAsync(s => s.SetProperty(o => o.ModerationNote, "Salaire manquant")));
        var othersOpportunity = await PartnerSteps.OpportunityAsync(app, other.OrganisationId, "Offre d’un autre partenaire");

        var (_, page) = await partner.Client.GetPageAsync("/espace-partenaire");

        Assert.Contains("Refusée", page.Text($"tr[data-offer='{rejected.Id}'] .offer-status"), StringComparison.Ordinal);
        Assert.Contains("Salaire manquant", page.Text($"tr[data-offer='{rejected.Id}'] .offer-status"), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector($"tr[data-offer='{othersOpportunity.Id}']"));
    }

    [Theory, EveryDatabase]
    public async Task Withdraw_TakesTheOpportunityDown(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var partner = await PartnerSteps.SignedInPartnerAsync(app);
        var opportunity = await PartnerSteps.OpportunityAsync(app, partner.OrganisationId, "À retirer");
        var (_, page) = await partner.Client.GetPageAsync("/espace-partenaire");

        var response = await partner.Client.SubmitAsync(page.QuerySelector<IHtmlFormElement>($"tr[data-offer='{opportunity.Id}'] form[action*='Retirer']")!, new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await app.WithDbAsync(db => db.Opportunities.SingleAsync(o => o.Id == opportunity.Id));
        Assert.Equal(OpportunityStatus.Withdrawn, saved.Status);
        Assert.True(saved.UpdatedAt > opportunity.UpdatedAt);
    }

    [Fact]
    public async Task Renew_OpportunityCloseToExpiry_Adds60Days_AndIsNotOfferedFarFromExpiry()
    {
        var app = await fixture.AppAsync(DatabaseProvider.Sqlite);
        var partner = await PartnerSteps.SignedInPartnerAsync(app);
        var soon = await PartnerSteps.OpportunityAsync(app, partner.OrganisationId, "Expire bientôt", expires: Today.AddDays(3));
        var later = await PartnerSteps.OpportunityAsync(app, partner.OrganisationId, "Expire plus tard", expires: Today.AddDays(40));
        var (_, page) = await partner.Client.GetPageAsync("/espace-partenaire");

        await partner.Client.SubmitAsync(page.QuerySelector<IHtmlFormElement>($"tr[data-offer='{soon.Id}'] form[action*='Prolonger']")!, new Dictionary<string, string>());

        Assert.Null(page.QuerySelector($"tr[data-offer='{later.Id}'] form[action*='Prolonger']"));
        Assert.Equal(Today.AddDays(63), await app.WithDbAsync(db => db.Opportunities.Where(o => o.Id == soon.Id).Select(o => o.ExpiresOn).SingleAsync()));
    }

    [Fact]
    public async Task CreateOrganisation_WithInvalidSiretAndFtpWebsite_ShowsErrors_ThenCreatesAndMakesMeMember()
    {
        var app = await fixture.AppAsync(DatabaseProvider.Sqlite);
        var user = await MailAppFixture.CreateUserAsync(app, roles: Roles.Partner);
        var client = app.CreateBrowserlessClient();
        await client.SignInAsync(user.Email!, MailAppFixture.Password);
        var name = "Coopérative " + Guid.NewGuid().ToString("N")[..6];
        var (_, page) = await client.GetPageAsync("/espace-partenaire/organisations");
        var form = page.QuerySelector<IHtmlFormElement>("main form")!;

        var invalid = await Html.ParseAsync(await client.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.Name"] = name, ["Input.Siret"] = "73282932000075", ["Input.Website"] = "ftp://exemple.fr", ["Input.Commune"] = "Nullepart",
        }));
        var valid = await client.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.Name"] = name, ["Input.Siret"] = "732 829 320 00074", ["Input.Website"] = "https://exemple.fr", ["Input.Commune"] = "Cahors",
        });

        Assert.Contains("SIRET", invalid.Text("span[data-valmsg-for='Input.Siret']"), StringComparison.Ordinal);
        Assert.Contains("https://", invalid.Text("span[data-valmsg-for='Input.Website']"), StringComparison.Ordinal);
        Assert.Contains("Nullepart", invalid.Text("span[data-valmsg-for='Input.Commune']"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, valid.StatusCode);
        var saved = await app.WithDbAsync(db => db.Organisations.Include(o => o.Members).Include(o => o.Commune).SingleAsync(o => o.Name == name));
        Assert.Equal(("73282932000074", "46042", user.Id), (saved.Siret, saved.Commune!.InseeCode, saved.Members.Single().UserId));
    }
}
