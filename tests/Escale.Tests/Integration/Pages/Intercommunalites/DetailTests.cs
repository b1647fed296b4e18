using System.Net;
using Escale.Core.Territories;
using Escale.Tests.Infrastructure;

namespace Escale.Tests.Integration.Pages.Intercommunalites;

[Collection(IntegrationCollection.Name)]
public sealed class DetailTests(AppFixture apps)
{
    [Theory, EveryDatabase]
    public async Task Get_KnownSlug_ShowsFiguresCommunesAndMap(DatabaseProvider provider)
    {
        var client = await apps.ClientAsync(provider);

        var (response, page) = await client.GetPageAsync("/intercommunalites/ca-du-grand-cahors");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("CA du Grand Cahors", page.Text("h1"));
        var communes = page.QuerySelectorAll("#communes-intercommunalite tbody a");
        Assert.Equal(36, communes.Length);
        Assert.Contains(communes, a => a.TextContent == "Cahors" && a.GetAttribute("href") == "/communes/46042/cahors");
        var map = page.QuerySelector("div.map")!;
        Assert.Equal("/api/v1/intercommunalites/200023737/carte", map.GetAttribute("data-geojson"));
        Assert.False(string.IsNullOrEmpty(map.GetAttribute("aria-label")));
        Assert.NotNull(page.QuerySelector("script[src^='/js/map.js']"));
        Assert.NotNull(page.QuerySelector("link[href='/lib/leaflet/leaflet.css']"));
    }

    [Theory, EveryDatabase]
    public async Task Get_SumsUpTheServicesOfItsCommunes(DatabaseProvider provider)
    {
        var client = await apps.ClientAsync(provider);

        var (_, page) = await client.GetPageAsync("/intercommunalites/cc-grand-figeac");

        Assert.Equal(4, page.QuerySelectorAll("#ecoles-intercommunalite li").Length);
        Assert.Matches(@"^Collège \(11 à 15 ans\) : \d+ établissements, dans \d+ de ses 86 communes$", page.QuerySelectorAll("#ecoles-intercommunalite li")[2].TextContent);
        Assert.Equal(["CH FIGEAC SITE MARTIN MALVY"], page.QuerySelectorAll("#urgences strong").Select(s => s.TextContent));
        Assert.Contains("Aucun dans l’intercommunalité", page.Text("#maternites"), StringComparison.Ordinal);
        Assert.Contains("Figeac", page.QuerySelectorAll("#gares strong").Select(s => s.TextContent));
        Assert.NotEmpty(page.QuerySelectorAll("#france-services li"));
    }

    [Theory, EveryDatabase]
    public async Task Get_ListsCommunesAlphabeticallyIgnoringAccents(DatabaseProvider provider)
    {
        var client = await apps.ClientAsync(provider);

        var (_, page) = await client.GetPageAsync("/intercommunalites/cc-grand-figeac");

        var names = page.QuerySelectorAll("#communes-intercommunalite tbody a").Select(a => a.TextContent).ToList();
        Assert.Equal(names.OrderBy(Slug.From, StringComparer.Ordinal), names);
        Assert.True(names.IndexOf("Béduer") < names.IndexOf("Brengues"));
    }

    [Fact]
    public async Task Get_UnknownSlug_ShowsNotFoundPage()
    {
        var client = await apps.ClientAsync(DatabaseProvider.Sqlite);

        var (response, page) = await client.GetPageAsync("/intercommunalites/inconnue");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page introuvable", page.Text("h1"));
    }
}
