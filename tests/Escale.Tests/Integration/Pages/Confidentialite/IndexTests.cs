using System.Net;
using Escale.Tests.Infrastructure;

namespace Escale.Tests.Integration.Pages.Confidentialite;

[Collection(IntegrationCollection.Name)]
public sealed class IndexTests(AppFixture apps)
{
    [Theory, EveryDatabase]
    public async Task Get_ExplainsDataKeptRightsAndTheFourKindsOfCookies(DatabaseProvider provider)
    {
        var client = await apps.ClientAsync(provider);

        var (response, page) = await client.GetPageAsync("/confidentialite");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Données personnelles et cookies", page.Text("h1"));
        Assert.Contains("effacer", page.Text("#droits + p"), StringComparison.Ordinal);
        Assert.Contains("exporter", page.Text("#droits + p"), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("a[href='mailto:attractivite-departement@lot.fr']"));
        Assert.Equal(4, page.QuerySelectorAll("#liste-cookies li").Length);
        Assert.Contains("escale_campagne_premiere", page.Text("#cookies-campagne"), StringComparison.Ordinal);
    }
}
