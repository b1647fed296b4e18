using Escale.Core.Opportunities;
using Escale.Core.Opportunities.Search;
using Escale.Core.Text;

namespace Escale.Tests.Unit.Opportunities;

public sealed class SearchIndexTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    private static SearchRow Row(int id, ContractType contract, int epci, string domain = "M18", int? salaryMax = null, int daysAgo = 3,
        string title = "Développeur web", RemoteWork remote = RemoteWork.None, double lat = 44.45, double lon = 1.44, OpportunityKind kind = OpportunityKind.Job) =>
        new(id, kind, title, "slug", "Employeur", 1, "Cahors", epci, lat, lon, domain + "05", domain, domain[..1], contract, remote, null, salaryMax,
            Now.AddDays(-daysAgo), FrenchWordForms.Normalize(title + " Employeur Cahors"));

    [Fact]
    public void Search_FacetCountsIgnoreTheirOwnFilterButNotTheOthers()
    {
        var index = new SearchIndex([
            Row(1, ContractType.Cdi, 10), Row(2, ContractType.Cdi, 10), Row(3, ContractType.Cdd, 10), Row(4, ContractType.Cdi, 20),
        ]);

        var result = index.Search(new SearchQuery { Contract = ContractType.Cdd, IntercommunalityId = 10 }, Now);

        Assert.Equal([3], result.Items.Select(r => r.Id));
        Assert.Equal([new FacetValue("Cdi", 2), new FacetValue("Cdd", 1)], result.Facets["contract"]);
        Assert.Equal([new FacetValue("10", 1)], result.Facets["intercommunality"]);
    }

    [Fact]
    public void Search_TextMatchesEveryWordWithoutAccentsOrCase()
    {
        var index = new SearchIndex([Row(1, ContractType.Cdi, 10, title: "Infirmière de bloc"), Row(2, ContractType.Cdi, 10, title: "Infirmier libéral")]);

        Assert.Equal([1], index.Search(new SearchQuery { Text = "INFIRMIERE bloc" }, Now).Items.Select(r => r.Id));
        Assert.Equal([1, 2], index.Search(new SearchQuery { Text = "infirmiers" }, Now).Items.Select(r => r.Id).Order());
        Assert.Equal([2], index.Search(new SearchQuery { Text = "Infirmier·e libéral·e" }, Now).Items.Select(r => r.Id));
        Assert.Empty(index.Search(new SearchQuery { Text = "'; DROP TABLE \"Opportunities\" -- *:(" }, Now).Items);
        Assert.Empty(index.Search(new SearchQuery { Text = new string('a', 10_000) }, Now).Items);
    }

    [Fact]
    public void Search_RadiusKeepsOpportunitiesWithinTheDistance()
    {
        var index = new SearchIndex([Row(1, ContractType.Cdi, 10, lat: 44.4475, lon: 1.4419), Row(2, ContractType.Cdi, 10, lat: 44.6086, lon: 2.0317)]);

        var near = index.Search(new SearchQuery { Centre = (44.4475, 1.4419), RadiusKm = 20, Sort = SearchSort.Distance }, Now);
        var far = index.Search(new SearchQuery { Centre = (44.4475, 1.4419), RadiusKm = 60, Sort = SearchSort.Distance }, Now);

        Assert.Equal([1], near.Items.Select(r => r.Id));
        Assert.Equal([1, 2], far.Items.Select(r => r.Id));
    }

    [Fact]
    public void Search_SalaryAndPostedFacetsAreCumulative()
    {
        var index = new SearchIndex([Row(1, ContractType.Cdi, 10, salaryMax: 28_000, daysAgo: 0), Row(2, ContractType.Cdi, 10, salaryMax: 50_000, daysAgo: 10)]);

        var result = index.Search(new SearchQuery { SalaryAtLeast = 30_000 }, Now);

        Assert.Equal([2], result.Items.Select(r => r.Id));
        Assert.Equal(2, result.Facets["salary"].Single(f => f.Value == "25000").Count);
        Assert.Equal(1, result.Facets["salary"].Single(f => f.Value == "30000").Count);
        Assert.Equal([0, 0, 1], result.Facets["posted"].Select(f => f.Count));
    }

    [Fact]
    public void Search_PagesInTheChosenOrder()
    {
        var index = new SearchIndex(Enumerable.Range(1, 45).Select(i => Row(i, ContractType.Cdi, 10, salaryMax: i * 1000, daysAgo: i % 7)).ToList());

        var page3 = index.Search(new SearchQuery { Sort = SearchSort.Salary, Page = 3, PageSize = 20 }, Now);

        Assert.Equal((45, 3, 5), (page3.Total, page3.PageCount, page3.Items.Count));
        Assert.Equal([5, 4, 3, 2, 1], page3.Items.Select(r => r.Id));
    }
}
