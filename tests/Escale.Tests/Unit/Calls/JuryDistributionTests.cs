using Escale.Web.Pages.Admin.Appels.Jury;

namespace Escale.Tests.Unit.Calls;

public sealed class JuryDistributionTests
{
    private static readonly string[] Jurors = ["a", "b", "c", "d"];

    [Fact]
    public void Evenly_GivesEachApplicationNDistinctJurors_AndLoadsDifferByAtMostOne()
    {
        var added = JuryDistribution.Evenly([.. Enumerable.Range(1, 10)], Jurors, [], 3);

        Assert.Equal(30, added.Count);
        Assert.All(added.GroupBy(p => p.ApplicationId), g => Assert.Equal(3, g.Select(p => p.JurorId).Distinct().Count()));
        var loads = Jurors.Select(j => added.Count(p => p.JurorId == j)).ToList();
        Assert.True(loads.Max() - loads.Min() <= 1, string.Join(",", loads));
    }

    [Fact]
    public void Evenly_CountsExistingJurors_ReplacesARecusal_AndNeverGivesTheRecusedJurorTheSameApplication()
    {
        JuryDistribution.Existing[] existing = [new(1, "a", false), new(1, "b", true), new(2, "a", false), new(2, "c", false)];

        var added = JuryDistribution.Evenly([1, 2], Jurors, existing, 2);

        var only = Assert.Single(added);
        Assert.Equal(1, only.ApplicationId);
        Assert.NotEqual("b", only.JurorId);
        Assert.NotEqual("a", only.JurorId);
        Assert.Equal("d", only.JurorId);
    }

    [Fact]
    public void Evenly_AskingMoreJurorsThanTheCallHas_GivesEachApplicationEveryJuror()
    {
        var added = JuryDistribution.Evenly([1, 2], Jurors, [], 6);

        Assert.Equal(8, added.Count);
        Assert.Equal(added.Count, added.Distinct().Count());
    }

    [Fact]
    public void Evenly_GivesTheLightestJurorsFirst()
    {
        JuryDistribution.Existing[] existing = [new(9, "a", false), new(8, "a", false), new(7, "b", false)];

        var added = JuryDistribution.Evenly([1], Jurors, existing, 2);

        Assert.Equal(["c", "d"], added.Select(p => p.JurorId).Order(StringComparer.Ordinal));
    }
}
