using Escale.Core.Calls;

namespace Escale.Tests.Unit.Calls;

public sealed class JuryRankingTests
{
    private static JuryRanking.Evaluation E(int application, string juror, double score) => new(application, juror, score);

    [Fact]
    public void Normalisation_PutsAHarshAndALenientJurorOnEqualFooting()
    {
        // The harsh juror gives 1–5, the lenient one 6–10, each to their own five applications in the same order of merit.
        var evaluations = new List<JuryRanking.Evaluation>();
        for (var i = 0; i < 5; i++)
        {
            evaluations.Add(E(i, "sévère", 1 + i));
            evaluations.Add(E(10 + i, "indulgent", 6 + i));
        }

        var raw = JuryRanking.Rank([.. Enumerable.Range(0, 5), .. Enumerable.Range(10, 5)], evaluations, normalise: false, minScores: 5);
        var normalised = JuryRanking.Rank([.. Enumerable.Range(0, 5), .. Enumerable.Range(10, 5)], evaluations, normalise: true, minScores: 5);

        Assert.All(raw.Rows.Take(5), r => Assert.True(r.ApplicationId >= 10));
        Assert.Equal(["indulgent", "sévère"], normalised.NormalisedJurors.Order(StringComparer.Ordinal));
        for (var i = 0; i < 5; i++)
        {
            var harsh = normalised.Rows.Single(r => r.ApplicationId == i);
            var lenient = normalised.Rows.Single(r => r.ApplicationId == 10 + i);
            Assert.Equal(harsh.Average!.Value, lenient.Average!.Value, 9);
            Assert.Equal(harsh.Rank, lenient.Rank);
        }
    }

    [Fact]
    public void Normalisation_LeavesAJurorUnderTheMinimumAsTheyScored()
    {
        var evaluations = new List<JuryRanking.Evaluation> { E(1, "nouveau", 9), E(2, "nouveau", 3) };
        for (var i = 0; i < 5; i++)
        {
            evaluations.Add(E(10 + i, "assidu", 2 + i));
        }

        var result = JuryRanking.Rank([1, 2, 10, 11, 12, 13, 14], evaluations, normalise: true, minScores: 5);

        Assert.DoesNotContain("nouveau", result.NormalisedJurors);
        Assert.Contains("assidu", result.NormalisedJurors);
        Assert.Equal(9, result.Rows.Single(r => r.ApplicationId == 1).Average);
        Assert.Equal(3, result.Rows.Single(r => r.ApplicationId == 2).Average);
    }

    [Fact]
    public void Rank_WithoutNormalisation_AveragesTheSubmittedTotals_SharesTiedRanks_AndPutsTheUnevaluatedLast()
    {
        // A recused juror's evaluation is never passed in: the page reads only submitted, non-recused totals.
        var result = JuryRanking.Rank([1, 2, 3, 4], [E(1, "a", 9), E(1, "b", 7), E(2, "a", 7), E(3, "b", 7)], normalise: false, minScores: 5);

        var ranks = result.Rows.ToDictionary(r => r.ApplicationId, r => r.Rank);
        Assert.Equal(1, ranks[1]);
        Assert.Equal(2, ranks[2]);
        Assert.Equal(2, ranks[3]);
        Assert.Equal(4, ranks[4]);
        Assert.Equal(8, result.Rows.Single(r => r.ApplicationId == 1).Average);
        Assert.Equal(2, result.Rows.Single(r => r.ApplicationId == 1).Spread);
        Assert.Null(result.Rows.Single(r => r.ApplicationId == 4).Average);
        Assert.Equal(4, result.Rows[^1].ApplicationId);
    }

    [Fact]
    public void Rank_OfAnApplicationWithARecusal_CountsOnlyTheOthers()
    {
        var evaluations = new[] { new { Application = 1, Juror = "a", Score = 8.0, Recused = false }, new { Application = 1, Juror = "b", Score = 0.0, Recused = true } };

        var result = JuryRanking.Rank([1], [.. evaluations.Where(e => !e.Recused).Select(e => E(e.Application, e.Juror, e.Score))], normalise: false, minScores: 5);

        Assert.Equal(8, result.Rows.Single().Average);
        Assert.Equal(1, result.Rows.Single().Evaluations);
    }

    [Theory]
    [InlineData(8, 5, 6.8)]
    [InlineData(10, 10, 10)]
    [InlineData(0, 0, 0)]
    [InlineData(0, 10, 4)]
    public void WeightedTotal_WeighsEachCriterionByItsWeight(int innovation, int feasibility, double expected) =>
        Assert.Equal(expected, JuryRanking.WeightedTotal([(60, innovation), (40, feasibility)]), 9);
}
