using Escale.Core.Opportunities;
using Escale.Core.Opportunities.Search;
using Escale.Web.Pages.Offres;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Escale.Tests.Unit.Offres;

public sealed class OpportunityQueryStringTests
{
    internal static readonly OpportunityQueryCatalog Catalog = new(
        [new(1, "46042", "Cahors", 44.4475, 1.4405), new(2, "46102", "Figeac", 44.6086, 2.0317)],
        [new(10, "200023737", "Grand Cahors"), new(20, "200067361", "Grand-Figeac")],
        new Dictionary<string, string> { ["M"] = "Support à l’entreprise", ["M18"] = "Systèmes d’information", ["J"] = "Santé" },
        new Dictionary<string, string> { ["M1805"] = "Études et développement informatique", ["J1506"] = "Soins infirmiers généralistes" });

    private static (bool Ok, SearchQuery Query, List<(string Parameter, string Message)> Errors) Parse(string queryString)
    {
        var values = new QueryCollection(QueryHelpers.ParseQuery(queryString));
        var ok = OpportunityQueryString.TryParse(values, Catalog, out var query, out var errors);
        return (ok, query, errors);
    }

    [Fact]
    public void TryParse_ReadsEveryFilter()
    {
        var (ok, query, errors) = Parse("?q=d%C3%A9veloppeur&type=emploi&domaine=M18&metier=M1805&contrat=CDI&intercommunalite=200023737&commune=46042&rayon=30&teletravail=1&salaire=35000&publiee=7&tri=salaire&page=3");

        Assert.True(ok);
        Assert.Empty(errors);
        Assert.Equal(new SearchQuery
        {
            Text = "développeur",
            Kind = OpportunityKind.Job,
            GrandDomain = "M", // a domain lies in the grand domain of its letter
            Domain = "M18",
            Rome = "M1805",
            Contract = ContractType.Cdi,
            IntercommunalityId = 10,
            Centre = (44.4475, 1.4405),
            RadiusKm = 30,
            RemoteOnly = true,
            SalaryAtLeast = 35000,
            PostedWithinDays = 7,
            Sort = SearchSort.Salary,
            Page = 3,
        }, query);
    }

    [Fact]
    public void TryParse_OneLetterDomainIsAGrandDomain()
    {
        var (ok, query, _) = Parse("domaine=m");

        Assert.True(ok);
        Assert.Equal("M", query.GrandDomain);
        Assert.Null(query.Domain);
    }

    [Fact]
    public void TryParse_EmptyValuesAndUnknownParametersAreIgnored()
    {
        var (ok, query, errors) = Parse("q=&type=&commune=&rayon=&teletravail=&taille=50&utm_source=x");

        Assert.True(ok);
        Assert.Empty(errors);
        Assert.Equal(new SearchQuery(), query);
    }

    [Fact]
    public void TryParse_CommuneWithoutRadiusUsesTheDefaultRadius()
    {
        var (ok, query, _) = Parse("commune=46102");

        Assert.True(ok);
        Assert.Equal((44.6086, 2.0317), query.Centre);
        Assert.Equal(OpportunityQueryString.DefaultRadiusKm, query.RadiusKm);
    }

    [Theory]
    [InlineData("type=stage", "type")]
    [InlineData("domaine=Z99", "domaine")]
    [InlineData("metier=X0000", "metier")]
    [InlineData("contrat=freelance", "contrat")]
    [InlineData("intercommunalite=123456789", "intercommunalite")]
    [InlineData("commune=75056", "commune")]
    [InlineData("commune=46042&rayon=0", "rayon")]
    [InlineData("commune=46042&rayon=201", "rayon")]
    [InlineData("commune=46042&rayon=dix", "rayon")]
    [InlineData("teletravail=peut-etre", "teletravail")]
    [InlineData("salaire=31000", "salaire")]
    [InlineData("publiee=2", "publiee")]
    [InlineData("tri=prix", "tri")]
    [InlineData("page=0", "page")]
    [InlineData("page=-1", "page")]
    [InlineData("page=99999999999", "page")]
    [InlineData("type=emploi&type=reprise", "type")]
    public void TryParse_BadValueGivesAFrenchErrorForThatParameter(string queryString, string parameter)
    {
        var (ok, _, errors) = Parse(queryString);

        Assert.False(ok);
        var error = Assert.Single(errors);
        Assert.Equal(parameter, error.Parameter);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public void TryParse_TooLongTextIsSearchedByItsBeginning()
    {
        var (ok, query, errors) = Parse("q=" + new string('a', SearchIndex.MaxTextLength + 50));

        Assert.True(ok);
        Assert.Empty(errors);
        Assert.Equal(SearchIndex.MaxTextLength, query.Text!.Length);
    }

    [Fact]
    public void TryParse_ReportsEveryBadParameterAndKeepsTheGoodOnes()
    {
        var (ok, query, errors) = Parse("type=stage&contrat=cdd&salaire=1");

        Assert.False(ok);
        Assert.Equal(["type", "salaire"], errors.Select(e => e.Parameter));
        Assert.Equal(ContractType.Cdd, query.Contract);
    }

    [Fact]
    public void TryParse_AcceptsAPlainDictionary()
    {
        var ok = OpportunityQueryString.TryParse(new Dictionary<string, string?> { ["type"] = "reprise", ["page"] = null }, Catalog, out var query, out _);

        Assert.True(ok);
        Assert.Equal(OpportunityKind.Takeover, query.Kind);
    }

    [Theory]
    [InlineData("")]
    [InlineData("q=infirmi%C3%A8re%20%26%20aide&type=sante")]
    [InlineData("type=emploi&domaine=M18&metier=M1805&contrat=saisonnier&intercommunalite=200067361&commune=46102&rayon=25&teletravail=1&salaire=20000&publiee=30&tri=distance&page=2")]
    [InlineData("domaine=J&contrat=liberal&publiee=1")]
    public void ToQueryString_IsCanonicalAndRoundTrips(string canonical)
    {
        var (ok, query, _) = Parse(canonical);
        Assert.True(ok);

        var written = OpportunityQueryString.ToQueryString(query, Catalog);

        Assert.Equal(canonical, written);
        Assert.True(OpportunityQueryString.TryParse(new QueryCollection(QueryHelpers.ParseQuery(written)), Catalog, out var again, out _));
        Assert.Equal(query, again);
    }

    [Fact]
    public void ToQueryString_SameSearchWrittenDifferentlyGivesTheSameString()
    {
        var a = OpportunityQueryString.ToQueryString(Parse("contrat=CDI&type=EMPLOI&commune=46042&tri=recentes&page=1").Query, Catalog);
        var b = OpportunityQueryString.ToQueryString(Parse("type=emploi&rayon=20&commune=46042&contrat=cdi").Query, Catalog);

        Assert.Equal("type=emploi&contrat=cdi&commune=46042&rayon=20", a);
        Assert.Equal(a, b);
    }

    [Theory]
    [InlineData("grand-domaine=J", "domaine=J")]
    [InlineData("grand-domaine=M&domaine=M18", "domaine=M18")]
    [InlineData("teletravail=oui", "teletravail=1")]
    [InlineData("teletravail=on&q=*", "teletravail=1")]
    public void ToQueryString_WritesOneFormOfWhatTheParserAccepts(string given, string written) =>
        Assert.Equal(written, OpportunityQueryString.ToQueryString(Parse(given).Query, Catalog));
}
