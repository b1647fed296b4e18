using System.Net;
using Escale.Tests.Infrastructure;

namespace Escale.Tests.Integration.Pages.MentionsLegales;

[Collection(IntegrationCollection.Name)]
public sealed class IndexTests(AppFixture apps)
{
    [Theory, EveryDatabase]
    public async Task Get_NamesThePublisherTheHostPlaceholderAndTheDataSources(DatabaseProvider provider)
    {
        var client = await apps.ClientAsync(provider);

        var (response, page) = await client.GetPageAsync("/mentions-legales");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Mentions légales", page.Text("h1"));
        Assert.Equal("Département du Lot — mission attractivité", page.Text("#editeur-organisation"));
        Assert.Contains("l’exploitant de la plateforme", page.Text(".placeholder"), StringComparison.Ordinal);
        var licences = page.QuerySelectorAll("#sources-donnees tbody td:last-child").Select(td => td.TextContent).ToList();
        Assert.Equal(5, licences.Count);
        Assert.All(licences, licence => Assert.Contains("Licence Ouverte", licence, StringComparison.Ordinal));
    }
}
