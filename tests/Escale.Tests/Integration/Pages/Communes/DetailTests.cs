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
        var mapped = json.RootElement.GetProperty("features").EnumerateArray()
            .Where(f => f.GetProperty("properties").GetProperty("role").GetString() == "voisine")
            .Select(f => f.GetProperty("properties").GetProperty("code").GetString()!).ToList();
        Assert.Equal(mapped, listed);
        var distances = page.QuerySelectorAll("#communes-voisines li")
            .Select(li => double.Parse(li.TextContent.Split('—')[1].Replace("km", "", StringComparison.Ordinal).Trim(), System.Globalization.CultureInfo.GetCultureInfo("fr-FR")))
            .ToList();
        Assert.Equal(distances.Order(), distances);
    }

    [Theory, EveryDatabase]
    public async Task Get_Figeac_ListsItsSchoolsAndTheNearestHospitals(DatabaseProvider provider)
    {
        var client = await apps.ClientAsync(provider);

        var (_, page) = await client.GetPageAsync("/communes/46102/figeac");

        Assert.Equal("Vivre à Figeac", page.Text("#vivre-titre"));
        Assert.Equal(["Ecole maternelle publique Jean Marcenac", "Ecole maternelle publique Jean Moulin", "Ecole maternelle publique Maurice LACALMONTIE", "Ecole primaire privée Jeanne d'Arc"],
            Names(page, "#niveau-maternelle li strong"));
        Assert.Equal(["Ecole élémentaire publique", "Ecole élémentaire publique Jacques Chapou", "Ecole élémentaire publique Louis Barrié", "Ecole primaire privée Jeanne d'Arc"],
            Names(page, "#niveau-elementaire li strong"));
        Assert.Contains("Collège Marcel Masbou", Names(page, "#niveau-college li strong"));
        Assert.Contains("Collège Jeanne d'Arc", Names(page, "#niveau-college li strong"));
        Assert.Contains("Lycée général et technologique Champollion", Names(page, "#niveau-lycee li strong"));
        Assert.Contains("(privé)", page.Text("#niveau-college"), StringComparison.Ordinal);
        Assert.Equal("CH FIGEAC SITE MARTIN MALVY, Figeac — dans la commune", page.Text("#urgences"));
        Assert.Matches(@"^CH JEAN ROUGIER CAHORS, Cahors — \d+,\d km$", page.Text("#maternite"));
        Assert.Equal("Figeac", page.Text("#gare strong"));
        Assert.NotNull(page.QuerySelector("#france-services a[href^='mailto:']"));
    }

    [Theory, EveryDatabase]
    public async Task Get_CommuneWithoutSchool_ShowsTheNearestOnesWithTheirDistance(DatabaseProvider provider)
    {
        var client = await apps.ClientAsync(provider);

        var (_, page) = await client.GetPageAsync("/communes/46002/albiac");

        foreach (var level in new[] { "maternelle", "elementaire", "college", "lycee" })
        {
            Assert.Contains("Aucun établissement de ce niveau dans la commune", page.Text($"#niveau-{level}"), StringComparison.Ordinal);
            var items = page.QuerySelectorAll($"#niveau-{level} li");
            Assert.Equal(3, items.Length);
            var distances = items.Select(li => Distance(li.TextContent)).ToList();
            Assert.Equal(distances.Order(), distances);
            Assert.All(distances, d => Assert.InRange(d, 0.1, 60));
        }
        Assert.InRange(Distance(page.Text("#urgences")), 1, 80);
        Assert.InRange(Distance(page.Text("#maternite")), 1, 120);
        Assert.InRange(Distance(page.Text("#gare")), 0.1, 60);
    }

    [Fact]
    public async Task Map_HasAPointForEachServiceOfThePage()
    {
        var client = await apps.ClientAsync(DatabaseProvider.Sqlite);

        var (_, page) = await client.GetPageAsync("/communes/46002/albiac");
        var map = await client.GetStringAsync(new Uri("/api/v1/communes/46002/carte", UriKind.Relative));

        using var json = System.Text.Json.JsonDocument.Parse(map);
        var points = json.RootElement.GetProperty("features").EnumerateArray()
            .Where(f => f.GetProperty("properties").GetProperty("role").GetString() == "service")
            .Select(f => (Name: f.GetProperty("properties").GetProperty("name").GetString()!, Type: f.GetProperty("geometry").GetProperty("type").GetString()))
            .ToList();
        var listed = page.QuerySelectorAll("#vivre li strong, #vivre dd > strong, #vivre p > strong").Select(s => s.TextContent).Distinct().ToList();
        Assert.Equal(listed.Order(StringComparer.Ordinal), points.Select(p => p.Name).Distinct().Order(StringComparer.Ordinal));
        Assert.All(points, p => Assert.Equal("Point", p.Type));
    }

    private static List<string> Names(AngleSharp.Dom.IParentNode page, string selector) =>
        page.QuerySelectorAll(selector).Select(e => e.TextContent).ToList();

    private static double Distance(string text) =>
        double.Parse(text.Split('—')[^1].Replace("km", "", StringComparison.Ordinal).Trim(), System.Globalization.CultureInfo.GetCultureInfo("fr-FR"));

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
