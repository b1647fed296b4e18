using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Escale.Core.Opportunities;
using Escale.Tests.Infrastructure;
using Escale.Tests.Integration.Pages.Offres;

namespace Escale.Tests.Integration.Api;

[Collection(IntegrationCollection.Name)]
public sealed class OpportunitiesApiTests(AppFixture apps)
{
    [Theory, EveryDatabase]
    public async Task Opportunities_ArePagedAndFiltered_WithFacetsAndLinks(DatabaseProvider provider)
    {
        var app = await apps.AppAsync(provider);
        var word = OpportunitySeed.UniqueWord();
        for (var i = 0; i < 3; i++)
        {
            await OpportunitySeed.AddAsync(app, $"Offre {i} {word}", publishedAt: DateTimeOffset.UtcNow.AddMinutes(-i));
        }
        await OpportunitySeed.AddAsync(app, $"CDD {word}", contract: ContractType.Cdd);
        var client = app.CreateBrowserlessClient();

        var page = await client.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/offres?q={word}&contrat=cdi&taille=2&page=2", UriKind.Relative));

        Assert.Equal(3, page.GetProperty("total").GetInt32());
        Assert.Equal(2, page.GetProperty("pageCount").GetInt32());
        Assert.Equal([$"Offre 2 {word}"], page.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("intitule").GetString()));
        Assert.Equal(JsonValueKind.Null, page.GetProperty("links").GetProperty("next").ValueKind);
        Assert.Equal($"/api/v1/offres?q={word}&contrat=cdi&taille=2", page.GetProperty("links").GetProperty("prev").GetString());
        var contracts = page.GetProperty("facets").GetProperty("contrat").EnumerateArray().ToDictionary(f => f.GetProperty("value").GetString()!, f => f.GetProperty("count").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["cdi"] = 3, ["cdd"] = 1 }, contracts);
        Assert.Equal(3, page.GetProperty("facets").GetProperty("intercommunalite").EnumerateArray().Single(f => f.GetProperty("value").GetString() == "200023737").GetProperty("count").GetInt32());
    }

    [Theory, EveryDatabase]
    public async Task Opportunities_NextLink_KeepsAOneLetterDomainFilter(DatabaseProvider provider)
    {
        var app = await apps.AppAsync(provider);
        var word = OpportunityData.UniqueWord();
        await OpportunityData.AddAsync(app, $"Développeur {word}");
        await OpportunityData.AddAsync(app, $"Administrateur réseau {word}");
        await OpportunityData.AddAsync(app, $"Infirmier {word}", o => (o.RomeCode, o.RomeDomainCode, o.RomeGrandDomainCode) = ("J1506", "J15", "J"));
        var client = app.CreateBrowserlessClient();

        var first = await client.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/offres?q={word}&domaine=M&taille=1", UriKind.Relative));
        var next = first.GetProperty("links").GetProperty("next").GetString()!;
        var second = await client.GetFromJsonAsync<JsonElement>(new Uri(next, UriKind.Relative));

        Assert.Equal($"/api/v1/offres?q={word}&domaine=M&page=2&taille=1", next);
        Assert.Equal((2, 2), (first.GetProperty("total").GetInt32(), second.GetProperty("total").GetInt32()));
        Assert.DoesNotContain("Infirmier", second.GetProperty("items")[0].GetProperty("intitule").GetString(), StringComparison.Ordinal);
    }

    [Theory, EveryDatabase]
    public async Task Opportunities_TextWithoutAWord_MeansWhatItMeansOnTheSearchPage(DatabaseProvider provider)
    {
        var app = await apps.AppAsync(provider);
        await OpportunityData.AddAsync(app, $"Offre {OpportunityData.UniqueWord()}", o => o.RomeGrandDomainCode = "J");
        var client = app.CreateBrowserlessClient();

        var api = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/offres?q=*&domaine=J", UriKind.Relative));
        var apiWithoutText = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/offres?domaine=J", UriKind.Relative));
        var (_, page) = await client.GetPageAsync("/offres?q=*&grand-domaine=J");

        var total = api.GetProperty("total").GetInt32();
        Assert.True(total > 0);
        Assert.Equal(apiWithoutText.GetProperty("total").GetInt32(), total);
        Assert.Equal(total == 1 ? "1 offre" : $"{total} offres", page.Text("#resultats-titre").Replace("\u202f", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal));
        Assert.DoesNotContain("q=", api.GetProperty("links").GetProperty("self").GetString(), StringComparison.Ordinal);
    }

    [Theory, EveryDatabase]
    public async Task Opportunities_AnswerWithAStrongETag_AndNotModifiedWhenItMatches(DatabaseProvider provider)
    {
        var app = await apps.AppAsync(provider);
        var word = OpportunitySeed.UniqueWord();
        var id = await OpportunitySeed.AddAsync(app, $"Cuisinier {word}");
        var client = app.CreateBrowserlessClient();

        var first = await client.GetAsync(new Uri($"/api/v1/offres?q={word}", UriKind.Relative));
        using var conditional = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/v1/offres?q={word}", UriKind.Relative));
        conditional.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        var second = await client.SendAsync(conditional);
        await OpportunitySeed.AddAsync(app, $"Serveur {word}");
        using var afterChange = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/v1/offres?q={word}", UriKind.Relative));
        afterChange.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        var third = await client.SendAsync(afterChange);
        var detail = await client.GetAsync(new Uri($"/api/v1/offres/{id}", UriKind.Relative));
        using var detailAgain = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/v1/offres/{id}", UriKind.Relative));
        detailAgain.Headers.IfNoneMatch.Add(detail.Headers.ETag!);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.False(first.Headers.ETag!.IsWeak);
        Assert.Equal("public, max-age=60", first.Headers.CacheControl!.ToString());
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        Assert.Equal(HttpStatusCode.OK, detail.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(detailAgain)).StatusCode);
    }

    [Theory, EveryDatabase]
    public async Task Opportunity_ById_IsPublicFieldsOnly_AndUnpublishedIsANotFoundProblem(DatabaseProvider provider)
    {
        var app = await apps.AppAsync(provider);
        var word = OpportunitySeed.UniqueWord();
        var published = await OpportunitySeed.AddAsync(app, $"Publiée {word}");
        var draft = await OpportunitySeed.AddAsync(app, $"Brouillon {word}", status: OpportunityStatus.InReview);
        var client = app.CreateBrowserlessClient();

        var opportunity = await client.GetAsync(new Uri($"/api/v1/offres/{published}", UriKind.Relative));
        var hidden = await client.GetAsync(new Uri($"/api/v1/offres/{draft}", UriKind.Relative));
        var unknown = await client.GetAsync(new Uri("/api/v1/offres/999999999", UriKind.Relative));
        var body = await opportunity.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, opportunity.StatusCode);
        Assert.DoesNotContain("Vendeur", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal("application/problem+json", hidden.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Opportunities_WithBadParameters_IsAProblemListingEachParameterInFrench()
    {
        var client = await apps.ClientAsync(DatabaseProvider.Sqlite);

        var response = await client.GetAsync(new Uri("/api/v1/offres?type=stage&taille=500&publiee=3", UriKind.Relative));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var errors = problem.GetProperty("errors");
        Assert.Equal(["type", "publiee", "taille"], errors.EnumerateObject().Select(p => p.Name));
        Assert.Contains("Type d’offre inconnu", errors.GetProperty("type")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApi_IsServed_AndDescribesTheOpportunitiesAndTerritoryEndpoints()
    {
        var client = await apps.ClientAsync(DatabaseProvider.Sqlite);

        var document = await client.GetFromJsonAsync<JsonElement>(new Uri("/openapi/v1.json", UriKind.Relative));
        var paths = document.GetProperty("paths");
        var opportunities = paths.GetProperty("/api/v1/offres").GetProperty("get");

        Assert.Equal("Chercher des offres publiées", opportunities.GetProperty("summary").GetString());
        Assert.Contains(opportunities.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "contrat");
        Assert.True(opportunities.GetProperty("responses").TryGetProperty("400", out _));
        Assert.True(paths.TryGetProperty("/api/v1/offres/{id}", out _));
        Assert.True(paths.GetProperty("/api/v1/communes").GetProperty("get").TryGetProperty("summary", out _));
    }
}
