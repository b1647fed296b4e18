using System.Net;
using Escale.Tests.Infrastructure;

namespace Escale.Tests.Integration.Pages.Intercommunalites;

[Collection(IntegrationCollection.Name)]
public sealed class IndexTests(AppFixture apps)
{
    [Theory, EveryDatabase]
    public async Task Get_ListsEveryIntercommunalityWithItsCommunesAndPopulation(DatabaseProvider provider)
    {
        var client = await apps.ClientAsync(provider);

        var (response, page) = await client.GetPageAsync("/intercommunalites");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = page.QuerySelectorAll("#liste-intercommunalites tbody tr");
        Assert.Equal(10, rows.Length);
        var cahors = rows.Single(r => r.QuerySelector("a")!.TextContent == "CA du Grand Cahors");
        Assert.Equal("/intercommunalites/ca-du-grand-cahors", cahors.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("Communauté d’agglomération", cahors.QuerySelectorAll("td")[0].TextContent);
        Assert.Equal("36", cahors.QuerySelectorAll("td")[1].TextContent);
        Assert.Null(cahors.QuerySelector(".note"));
    }

    [Fact]
    public async Task Get_IntercommunalityPartlyOutside_SaysSo()
    {
        var client = await apps.ClientAsync(DatabaseProvider.Sqlite);

        var (_, page) = await client.GetPageAsync("/intercommunalites");

        var aveyron = page.QuerySelectorAll("#liste-intercommunalites tbody tr")
            .Single(r => r.QuerySelector("a")!.TextContent == "CC Ouest Aveyron Communauté");
        Assert.Equal("En partie hors du territoire : 2 de ses 29 communes en font partie (siège dans le département 12).", aveyron.Text(".note"));
    }
}
