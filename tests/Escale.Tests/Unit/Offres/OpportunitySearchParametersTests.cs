using Escale.Core.Opportunities;
using Escale.Core.Opportunities.Search;
using Escale.Web.Pages.Offres;
using Microsoft.Extensions.Primitives;

namespace Escale.Tests.Unit.Offres;

/// <summary>The search form's state, read through the one parser every opportunity page and feed shares.</summary>
public sealed class OpportunitySearchParametersTests
{
    private static OpportunityQueryCatalog Catalog => OpportunityQueryStringTests.Catalog;

    private static (bool Ok, OpportunitySearchParameters Parameters, List<(string Parameter, string Message)> Errors) Parse(params (string Key, string Value)[] query)
    {
        var values = query.Select(q => new KeyValuePair<string, StringValues>(q.Key, q.Value)).ToList();
        var ok = OpportunityQueryString.TryParse(values, Catalog, out var search, out var errors);
        var commune = query.Where(q => q.Key == "commune").Select(q => q.Value).FirstOrDefault();
        return (ok, OpportunitySearchParameters.From(search, Catalog, commune), errors);
    }

    [Fact]
    public void Parse_FrenchValues_GiveTheSearch()
    {
        var (ok, p, _) = Parse(("q", " infirmière "), ("type", "emploi"), ("contrat", "saisonnier"), ("commune", "46042"), ("rayon", "50"),
            ("teletravail", "oui"), ("salaire", "30000"), ("publiee", "7"), ("tri", "distance"), ("page", "2"));

        Assert.True(ok);
        Assert.Equal(("infirmière", OpportunityKind.Job, ContractType.Seasonal, "46042", 50, true, 30000, 7, SearchSort.Distance, 2),
            (p.Text, p.Kind, p.Contract, p.Commune, p.RadiusKm, p.RemoteOnly, p.SalaryAtLeast, p.PostedWithinDays, p.Sort, p.Page));
    }

    [Fact]
    public void Parse_EmptyValues_AreIgnored()
    {
        var (ok, p, _) = Parse(("q", ""), ("type", ""), ("rayon", "20"), ("tri", "distance"));

        Assert.True(ok);
        Assert.Equal((null, null, SearchSort.Recent), (p.Text, p.Kind, p.Sort)); // no commune: no distance to sort by
    }

    [Theory]
    [InlineData("rayon", "0")]
    [InlineData("rayon", "201")]
    [InlineData("rayon", "-5")]
    [InlineData("rayon", "dix")]
    [InlineData("page", "0")]
    [InlineData("page", "1e3")]
    [InlineData("type", "stage")]
    [InlineData("salaire", "31000")]
    [InlineData("teletravail", "peut-être")]
    [InlineData("commune", "Paris")]
    public void Parse_MalformedValue_IsRefusedWithAFrenchMessageForThatParameter(string key, string value)
    {
        var (ok, _, errors) = key == "commune" ? Parse((key, value)) : Parse((key, value), ("commune", "46042"));

        Assert.False(ok);
        var error = Assert.Single(errors);
        Assert.Equal(key, error.Parameter);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public void Parse_LongText_IsTruncated()
    {
        var (ok, p, _) = Parse(("q", new string('x', 250)));

        Assert.True(ok);
        Assert.Equal(SearchIndex.MaxTextLength, p.Text!.Length);
    }

    [Theory]
    [InlineData("'; --")]
    [InlineData("*")]
    [InlineData("\"")]
    public void Parse_TextWithoutAWord_IsNoTextFilter(string text)
    {
        var (ok, p, _) = Parse(("q", text), ("type", "emploi"));

        Assert.True(ok);
        Assert.Equal((null, OpportunityKind.Job), (p.Text, p.Kind));
        Assert.Equal("?type=emploi", p.ToQueryString());
    }

    [Theory]
    [InlineData("C++")]
    [InlineData("boulanger")]
    public void Parse_TextWithAWord_IsKept(string text) =>
        Assert.Equal(text, Parse(("q", text)).Parameters.Text);

    [Fact]
    public void ToQueryString_RoundTripsAndKeepsThePage()
    {
        var (_, p, _) = Parse(("q", "aide à domicile"), ("contrat", "cdd"), ("commune", "Figeac"), ("rayon", "10"), ("tri", "salaire"));

        var query = p.ToQueryString(page: 3);

        Assert.Equal("?q=aide%20%C3%A0%20domicile&contrat=cdd&commune=Figeac&rayon=10&tri=salaire&page=3", query);
        var again = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query);
        Assert.True(OpportunityQueryString.TryParse(again, Catalog, out var parsed, out _));
        Assert.Equal(p with { Page = 3 }, OpportunitySearchParameters.From(parsed, Catalog, "Figeac"));
    }
}
