using System.Net;
using Escale.Tests.Infrastructure;

namespace Escale.Tests.Integration.Pages.Communes;

[Collection(IntegrationCollection.Name)]
public sealed class DetailTests(AppFixture apps)
{
    [Theory, EveryDatabase]
    public async Task Get_KnownCode_ShowsFiguresHistoryMapAndNeighbours(DatabaseProvider provider)
    {
        var client = await apps.ClientAsync(provider);

        var (response, page) = await client.GetPageAsync("/communes/46042");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Cahors", page.Text("h1"));
        Assert.Contains("46000", page.Text(".facts"), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector(".facts a[href='/intercommunalites/ca-du-grand-cahors']"));
        Assert.Matches(@"^20\D050 \(2023\)$", page.Text("#population"));
        var millesimes = page.QuerySelectorAll("#historique-population tbody th").Select(th => th.TextContent).ToList();
        Assert.Equal(["2019", "2020", "2021", "2022", "2023"], millesimes);
        Assert.EndsWith("/communes/46042/cahors", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Equal("/api/v1/communes/46042/carte", page.QuerySelector("div.map")!.GetAttribute("data-geojson"));
        var neighbours = page.QuerySelectorAll("#communes-voisines li");
        Assert.Equal(8, neighbours.Length);
        Assert.All(neighbours, li => Assert.Matches(@"— \d+,\d km$", li.TextContent));
    }

    [Fact]
    public async Task Get_NeighboursAreTheMapsNeighboursInOrderOfDistance()
    {
        var client = await apps.ClientAsync(DatabaseProvider.Sqlite);

        var (_, page) = await client.GetPageAsync("/communes/46042/cahors");
        var map = await client.GetStringAsync(new Uri("/api/v1/communes/46042/carte", UriKind.Relative));

        var listed = page.QuerySelectorAll("#communes-voisines a").Select(a => a.GetAttribute("href")!.Split('/')[2]).ToList();
        using var json = System.Text.Json.JsonDocument.Parse(map);
        var mapped = json.RootElement.GetProperty("features").EnumerateArray().Skip(1)
            .Select(f => f.GetProperty("properties").GetProperty("code").GetString()!).ToList();
        Assert.Equal(mapped, listed);
        var distances = page.QuerySelectorAll("#communes-voisines li")
            .Select(li => double.Parse(li.TextContent.Split('—')[1].Replace("km", "", StringComparison.Ordinal).Trim(), System.Globalization.CultureInfo.GetCultureInfo("fr-FR")))
            .ToList();
        Assert.Equal(distances.Order(), distances);
    }

    [Theory]
    [InlineData("/communes/46999")]
    [InlineData("/communes/abcde")]
    [InlineData("/communes/4604")]
    [InlineData("/communes/46042x/cahors")]
    public async Task Get_UnknownOrMalformedCode_ShowsNotFoundPage(string url)
    {
        var client = await apps.ClientAsync(DatabaseProvider.Sqlite);

        var (response, page) = await client.GetPageAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page introuvable", page.Text("h1"));
    }

    [Fact]
    public async Task Get_InEnglish_ShowsEnglishLabelsAndNumbers()
    {
        var client = await (await apps.ClientAsync(DatabaseProvider.Sqlite)).InEnglishAsync();

        var (_, page) = await client.GetPageAsync("/communes/46042/cahors");

        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Nearby communes", page.Text("#voisines-titre"));
        Assert.StartsWith("20,050", page.Text("#population"), StringComparison.Ordinal);
        Assert.Equal("Communes", page.Text("nav a[aria-current=page]"));
    }
}
