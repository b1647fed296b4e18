using Escale.Core.Opportunities;
using Escale.Core.Opportunities.Search;
using Escale.Web.Pages.Offres;
using Microsoft.Extensions.Primitives;

namespace Escale.Tests.Unit.Offres;

public sealed class OfferSearchParametersTests
{
    private static (bool Ok, OfferSearchParameters Parameters, string? Error) Parse(params (string Key, string Value)[] query)
    {
        var ok = OfferSearchParameters.TryParse(query.Select(q => new KeyValuePair<string, StringValues>(q.Key, q.Value)), out var parameters, out var error);
        return (ok, parameters, error);
    }

    [Fact]
    public void Parse_FrenchValues_GiveTheSearch()
    {
        var (ok, p, _) = Parse(("q", " infirmière "), ("type", "emploi"), ("contrat", "saisonnier"), ("commune", "46042"), ("rayon", "50"),
            ("teletravail", "oui"), ("salaire", "30000"), ("publiee", "7"), ("tri", "distance"), ("page", "2"));

        Assert.True(ok);
        Assert.Equal(("infirmière", OpportunityKind.Job, ContractType.Seasonal, 50, true, 30000, 7, SearchSort.Distance, 2),
            (p.Text, p.Kind, p.Contract, p.RadiusKm, p.RemoteOnly, p.SalaryAtLeast, p.PostedWithinDays, p.Sort, p.Page));
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
    [InlineData("type", "Emploi")]
    [InlineData("salaire", "31000")]
    [InlineData("teletravail", "peut-être")]
    public void Parse_MalformedValue_IsRefusedWithAFrenchMessage(string key, string value)
    {
        var (ok, _, error) = Parse((key, value));

        Assert.False(ok);
        Assert.Contains(value, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_LongText_IsTruncated()
    {
        var (ok, p, _) = Parse(("q", new string('x', 250)));

        Assert.True(ok);
        Assert.Equal(SearchIndex.MaxTextLength, p.Text!.Length);
    }

    [Theory]
    [InlineData("'; --", true)]
    [InlineData("*", true)]
    [InlineData("C++", false)]
    [InlineData("boulanger", false)]
    public void TextMatchesNothing_OnlyForPunctuation(string text, bool nothing) =>
        Assert.Equal(nothing, new OfferSearchParameters { Text = text }.TextMatchesNothing);

    [Fact]
    public void ToQueryString_RoundTripsAndKeepsThePage()
    {
        var (_, p, _) = Parse(("q", "aide à domicile"), ("contrat", "cdd"), ("commune", "Saint-Céré"), ("rayon", "10"), ("tri", "salaire"));

        var query = p.ToQueryString(page: 3);

        Assert.Equal("?q=aide%20%C3%A0%20domicile&contrat=cdd&commune=Saint-C%C3%A9r%C3%A9&rayon=10&tri=salaire&page=3", query);
        var again = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query);
        Assert.True(OfferSearchParameters.TryParse(again, out var parsed, out _));
        Assert.Equal(p with { Page = 3 }, parsed);
    }
}
