using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using Escale.Core.Opportunities;
using Escale.Tests.Infrastructure;

namespace Escale.Tests.Integration.Pages.Offres;

[Collection(IntegrationCollection.Name)]
public sealed class OpportunityFeedsTests(AppFixture apps)
{
    [Theory, EveryDatabase]
    public async Task Rss_IsValidXml_ListingTheMatchingOpportunitiesNewestFirst_WithAbsoluteLinks(DatabaseProvider provider)
    {
        var app = await apps.AppAsync(provider);
        var word = OpportunitySeed.UniqueWord();
        await OpportunitySeed.AddAsync(app, $"Maçon {word}", publishedAt: DateTimeOffset.UtcNow.AddHours(-2));
        await OpportunitySeed.AddAsync(app, $"Boulanger {word}", publishedAt: DateTimeOffset.UtcNow.AddHours(-1));
        await OpportunitySeed.AddAsync(app, $"Saisonnier {word}", contract: ContractType.Seasonal);
        await OpportunitySeed.AddAsync(app, $"Brouillon {word}", status: OpportunityStatus.Draft);

        var response = await app.CreateBrowserlessClient().GetAsync(new Uri($"/offres/flux.rss?q={word}&contrat=cdi", UriKind.Relative));
        var rss = XDocument.Parse(await response.Content.ReadAsStringAsync());
        var items = rss.Root!.Element("channel")!.Elements("item").ToList();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/rss+xml", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("2.0", rss.Root.Attribute("version")!.Value);
        Assert.Equal([$"Boulanger {word}", $"Maçon {word}"], items.Select(i => i.Element("title")!.Value));
        Assert.All(items, i => Assert.StartsWith("http://localhost:5080/offres/", i.Element("link")!.Value, StringComparison.Ordinal));
        Assert.Contains("CDI", rss.Root.Element("channel")!.Element("title")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rss_WithMalformedSearch_IsAFrenchProblemNotAServerError()
    {
        var client = await apps.ClientAsync(DatabaseProvider.Sqlite);

        var response = await client.GetAsync(new Uri("/offres/flux.rss?rayon=500&commune=46042", UriKind.Relative));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("entre 1 et 200", problem.GetProperty("errors").GetProperty("rayon")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory, EveryDatabase]
    public async Task CsvExport_HasTheDocumentedColumns_OnlyFilteredPublicOpportunities_AndNoSellerData(DatabaseProvider provider)
    {
        var app = await apps.AppAsync(provider);
        var word = OpportunitySeed.UniqueWord();
        var kept = await OpportunitySeed.AddAsync(app, $"Comptable, \"senior\" {word}", salaryMax: 40000);
        await OpportunitySeed.AddAsync(app, $"Expirée {word}", expiresOn: DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-2)));
        await OpportunitySeed.AddAsync(app, $"Retirée {word}", status: OpportunityStatus.Withdrawn);
        await OpportunitySeed.AddAsync(app, $"Autre commune {word}", communeInsee: "46102");

        var response = await app.CreateBrowserlessClient().GetAsync(new Uri($"/offres/export.csv?q={word}&commune=46042&rayon=5", UriKind.Relative));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.NotEqual(0xEF, bytes[0]);
        Assert.Equal("id,type,intitule,employeur,commune_insee,commune,intercommunalite_siren,code_rome,code_naf,contrat,temps_travail,salaire_min,salaire_max,teletravail,publiee_le,expire_le,url", lines[0]);
        var row = Assert.Single(lines.Skip(1));
        Assert.StartsWith($"{kept},emploi,\"Comptable, \"\"senior\"\" {word}\",Employeur de test,46042,Cahors,200023737,M1805,,cdi,temps_plein,35000,40000,aucun,", row, StringComparison.Ordinal);
        Assert.DoesNotContain("Vendeur", text, StringComparison.Ordinal);
        Assert.DoesNotContain("vendeur.secret", text, StringComparison.Ordinal);
        Assert.DoesNotContain("note interne", text, StringComparison.Ordinal);
    }

    [Theory, EveryDatabase]
    public async Task JsonExport_IsAnArrayOfTheSameFields_Filtered(DatabaseProvider provider)
    {
        var app = await apps.AppAsync(provider);
        var word = OpportunitySeed.UniqueWord();
        var kept = await OpportunitySeed.AddAsync(app, $"Reprise de boulangerie {word}", kind: OpportunityKind.Takeover);
        await OpportunitySeed.AddAsync(app, $"Emploi {word}");

        var opportunities = await app.CreateBrowserlessClient().GetFromJsonAsync<JsonElement>(new Uri($"/offres/export.json?q={word}&type=reprise", UriKind.Relative));

        var opportunity = Assert.Single(opportunities.EnumerateArray());
        Assert.Equal(kept, opportunity.GetProperty("id").GetInt32());
        Assert.Equal("reprise", opportunity.GetProperty("type").GetString());
        Assert.Equal("200023737", opportunity.GetProperty("intercommunalite_siren").GetString());
        Assert.Equal(17, opportunity.EnumerateObject().Count());
        Assert.False(opportunity.TryGetProperty("sellerName", out _));
    }

    [Fact]
    public async Task Export_WithMalformedSearch_IsABadRequest()
    {
        var client = await apps.ClientAsync(DatabaseProvider.Sqlite);

        var response = await client.GetAsync(new Uri("/offres/export.csv?salaire=12", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }
}
