using System.Globalization;
using Escale.Core.Opportunities;

namespace Escale.Tests.Unit.Opportunities;

public sealed class DemoOpportunitiesTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    // Nine intercommunalities of four communes each, one town much bigger than the villages.
    private static readonly List<DemoOpportunities.Place> Places =
        [.. Enumerable.Range(0, 36).Select(i => new DemoOpportunities.Place(i + 1, (46001 + i).ToString(CultureInfo.InvariantCulture), "Commune " + i,
            i == 0 ? 20_000 : 500, (i % 9) + 1, 44.4 + (i / 100.0), 1.4 + (i / 100.0)))];

    private static readonly List<DemoOpportunities.Occupation> Occupations =
        [.. new[] { "J1506", "H2909", "M1805", "F1703", "G1602", "A1414", "D1106", "N4101", "K2204", "X9999" }
            .Select(c => new DemoOpportunities.Occupation(c, "Métier " + c, c[..3], c[..1]))];

    [Fact]
    public void Generate_SameSeed_GivesTheSameOpportunities()
    {
        var first = DemoOpportunities.Generate(Places, Occupations, 300, 7, Now);
        var second = DemoOpportunities.Generate(Places, Occupations, 300, 7, Now);
        var other = DemoOpportunities.Generate(Places, Occupations, 300, 8, Now);

        Assert.Equal(first.Select(o => (o.Title, o.CommuneId, o.SalaryMin, o.ExpiresOn)), second.Select(o => (o.Title, o.CommuneId, o.SalaryMin, o.ExpiresOn)));
        Assert.NotEqual(first.Select(o => o.Title), other.Select(o => o.Title));
    }

    [Fact]
    public void Generate_SpreadsOverEveryIntercommunalityKindAndMainDomain_WeightedByPopulation()
    {
        var opportunities = DemoOpportunities.Generate(Places, Occupations, 3000, 46, Now);

        Assert.Equal(3000, opportunities.Count);
        Assert.Equal(Enumerable.Range(1, 9), opportunities.Select(o => o.IntercommunalityId).Distinct().Order());
        Assert.Equal(Enum.GetValues<OpportunityKind>(), opportunities.Select(o => o.Kind).Distinct().Order());
        Assert.Superset(new HashSet<string> { "J", "H", "M", "F", "G", "A", "D", "N", "K" }, opportunities.Where(o => o.RomeGrandDomainCode is not null).Select(o => o.RomeGrandDomainCode!).ToHashSet());
        Assert.DoesNotContain(opportunities, o => o.RomeCode == "X9999");
        Assert.True(opportunities.Count(o => o.CommuneId == 1) > opportunities.Count(o => o.CommuneId == 2) * 10, "the town should get far more opportunities than a village");
        Assert.All(opportunities, o =>
        {
            Assert.Equal(OpportunityStatus.Published, o.Status);
            Assert.True(o.SalaryMin is null || o.SalaryMin <= o.SalaryMax);
            Assert.True(o.PriceMin is null || o.PriceMin <= o.PriceMax);
            Assert.True(o.ExpiresOn > DateOnly.FromDateTime(Now.UtcDateTime));
            Assert.NotEmpty(o.Slug);
        });
        Assert.Contains(opportunities, o => o.NafCode == "10.71C");
        Assert.Equal(opportunities.Count, opportunities.Select(o => o.SourceReference).Distinct().Count());
    }
}
