using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using Escale.Core.Opportunities;
using Escale.Tests.Infrastructure;

namespace Escale.Tests.Integration.Pages.Offres;

[Collection(IntegrationCollection.Name)]
public sealed class CarteTests(AppFixture fixture)
{
    [Theory, EveryDatabase]
    public async Task MapData_GroupsMatchingOpportunitiesByCommune(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var word = OpportunityData.UniqueWord();
        await OpportunityData.AddAsync(app, $"Serveur {word}");
        await OpportunityData.AddAsync(app, $"Plongeur {word}");
        await OpportunityData.AddAsync(app, $"Guide {word}", commune: OpportunityData.Figeac);
        await OpportunityData.AddAsync(app, $"Cave {word}", o => (o.Kind, o.Contract) = (OpportunityKind.Takeover, null), OpportunityData.Figeac);
        var client = app.CreateBrowserlessClient();

        var response = await client.GetAsync(new Uri($"/offres/carte.json?q={word}&type=emploi", UriKind.Relative));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var (_, page) = await client.GetPageAsync($"/offres/carte?q={word}&type=emploi");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType!.MediaType);
        var features = json.RootElement.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal([("Cahors", 2), ("Figeac", 1)], features.Select(f => (f.GetProperty("properties").GetProperty("name").GetString()!, f.GetProperty("properties").GetProperty("count").GetInt32())));
        Assert.Equal("Point", features[0].GetProperty("geometry").GetProperty("type").GetString());
        Assert.Equal(2, features[0].GetProperty("properties").GetProperty("offers").GetArrayLength());
        // Without JavaScript: the same communes, counts and links to their list.
        var items = page.QuerySelectorAll("#communes-offres li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(["Cahors — 2 offres", "Figeac — 1 offre"], items);
        var link = page.QuerySelector("#communes-offres a")!.GetAttribute("href")!;
        var (_, list) = await client.GetPageAsync(link);
        Assert.Equal("2 offres", list.Text("#resultats-titre"));
    }

    [Fact]
    public async Task MapData_MalformedParameter_Is400()
    {
        var client = await fixture.ClientAsync(DatabaseProvider.Sqlite);

        var response = await client.GetAsync(new Uri("/offres/carte.json?rayon=-3&commune=46042", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Map_MalformedParameter_ShowsTheMessageBesideItsField()
    {
        var client = await fixture.ClientAsync(DatabaseProvider.Sqlite);

        var (response, page) = await client.GetPageAsync("/offres/carte?commune=46042&rayon=-3");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("Le rayon doit être un nombre entier", page.Text("#recherche-rayon-erreur"), StringComparison.Ordinal);
        Assert.Equal("Cahors", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#recherche-commune")!.Value);
    }
}
