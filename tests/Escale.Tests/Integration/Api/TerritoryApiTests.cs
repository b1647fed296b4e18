using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Escale.Tests.Infrastructure;

namespace Escale.Tests.Integration.Api;

[Collection(IntegrationCollection.Name)]
public sealed class TerritoryApiTests(AppFixture apps)
{
    [Theory, EveryDatabase]
    public async Task Territory_GivesTheSeededLot(DatabaseProvider provider)
    {
        var client = await apps.ClientAsync(provider);

        var territory = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/territoire", UriKind.Relative));

        Assert.Equal("Lot", territory.GetProperty("name").GetString());
        Assert.Equal(312, territory.GetProperty("communes").GetInt32());
        Assert.Equal(10, territory.GetProperty("intercommunalities").GetInt32());
        Assert.Equal(176_473, territory.GetProperty("population").GetInt32());
    }

    [Theory, EveryDatabase]
    public async Task Communes_FilteredByIntercommunality_Pages(DatabaseProvider provider)
    {
        var client = await apps.ClientAsync(provider);

        var page = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/communes?intercommunalite=200023737&taille=10&page=4", UriKind.Relative));

        Assert.Equal(36, page.GetProperty("total").GetInt32());
        Assert.Equal(6, page.GetProperty("items").GetArrayLength());
    }

    [Theory]
    [InlineData("page=abc")]
    [InlineData("page=0")]
    [InlineData("taille=100000")]
    public async Task Communes_WithMalformedQuery_IsAProblemInFrench(string query)
    {
        var client = await apps.ClientAsync(DatabaseProvider.Sqlite);

        var response = await client.GetAsync(new Uri("/api/v1/communes?" + query, UriKind.Relative));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("doit être un nombre entier", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownCommune_IsANotFoundProblem()
    {
        var client = await apps.ClientAsync(DatabaseProvider.Sqlite);

        var response = await client.GetAsync(new Uri("/api/v1/communes/99999", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task UnknownApiRoute_IsAProblemNotAnHtmlPage()
    {
        var client = await apps.ClientAsync(DatabaseProvider.Sqlite);

        var response = await client.GetAsync(new Uri("/api/v1/nope", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task CommuneMap_HasTheCommuneThenItsNeighboursThenItsServices()
    {
        var client = await apps.ClientAsync(DatabaseProvider.Postgres);

        var map = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/communes/46042/carte", UriKind.Relative));
        var features = map.GetProperty("features").EnumerateArray().ToList();
        var shapes = features.TakeWhile(f => f.GetProperty("properties").GetProperty("role").GetString() != "service").ToList();
        var services = features.Skip(shapes.Count).ToList();

        Assert.Equal(9, shapes.Count);
        Assert.Equal("Cahors", shapes[0].GetProperty("properties").GetProperty("name").GetString());
        Assert.Equal("Polygon", shapes[0].GetProperty("geometry").GetProperty("type").GetString());
        Assert.All(shapes.Skip(1), f => Assert.Equal("voisine", f.GetProperty("properties").GetProperty("role").GetString()));
        Assert.Equal("/communes/46042/cahors", shapes[0].GetProperty("properties").GetProperty("href").GetString());
        Assert.All(shapes.Skip(1), f => Assert.StartsWith("/communes/", f.GetProperty("properties").GetProperty("href").GetString(), StringComparison.Ordinal));
        Assert.All(services, f => Assert.Equal(("service", "Point"), (f.GetProperty("properties").GetProperty("role").GetString(), f.GetProperty("geometry").GetProperty("type").GetString())));
        Assert.Contains(services, f => f.GetProperty("properties").GetProperty("name").GetString() == "CH JEAN ROUGIER CAHORS");
    }
}
