using System.Net;
using Escale.Core.Opportunities;
using Escale.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Escale.Tests.Integration.Pages.Organisations;

[Collection(AccountsCollection.Name)]
public sealed class DetailTests(MailAppFixture fixture)
{
    [Theory, EveryDatabase]
    public async Task Page_ListsOnlyPublishedOpportunities_LinkingToTheirPages(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var partner = await PartnerSteps.SignedInPartnerAsync(app);
        var published = await PartnerSteps.OpportunityAsync(app, partner.OrganisationId, "Soudeur publié");
        await PartnerSteps.OpportunityAsync(app, partner.OrganisationId, "Brouillon caché", OpportunityStatus.Draft);
        var slug = await app.WithDbAsync(db => db.Organisations.Where(o => o.Id == partner.OrganisationId).Select(o => o.Slug).SingleAsync());

        var (response, page) = await app.CreateBrowserlessClient().GetPageAsync($"/organisations/{slug}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var links = page.QuerySelectorAll(".organisation-offers a").Select(a => (a.TextContent, a.GetAttribute("href"))).ToList();
        Assert.Equal([("Soudeur publié", $"/offres/{published.Id}/soudeur-publie")], links);
    }

    [Fact]
    public async Task UnknownSlug_IsNotFound()
    {
        var app = await fixture.AppAsync(DatabaseProvider.Sqlite);

        var response = await app.CreateBrowserlessClient().GetAsync(new Uri("/organisations/nexiste-pas", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
