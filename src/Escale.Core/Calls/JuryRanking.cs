namespace Escale.Core.Calls;

/// <summary>
/// The deliberation's ranking. Each submitted evaluation is one weighted total on 0–10; recusals never count. With
/// normalisation, a juror with at least <c>minScores</c> evaluations has their totals turned into z-scores (how far above
/// or below their own average, in their own spread) and put back on the common scale (the average and spread of every
/// evaluation), so that a harsh and a lenient juror weigh the same; the others' totals stay as they are.
/// </summary>
public static class JuryRanking
{
    public readonly record struct Evaluation(int ApplicationId, string JurorId, double Score);

    public sealed record Row(int ApplicationId, double? Average, int Evaluations, double Spread, int Rank);

    public sealed record Result(IReadOnlyList<Row> Rows, IReadOnlySet<string> NormalisedJurors, double CommonMean, double CommonSpread);

    public static IReadOnlyDictionary<string, (double Mean, double StandardDeviation, int Count)> JurorStatistics(IEnumerable<Evaluation> evaluations) =>
        evaluations.GroupBy(e => e.JurorId, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => (Mean(g.Select(e => e.Score)), StandardDeviation(g.Select(e => e.Score)), g.Count()),
            StringComparer.Ordinal);

    /// <summary>Every application of <paramref name="applicationIds"/> ranked by its average, best first; those without evaluation last.</summary>
    public static Result Rank(IEnumerable<int> applicationIds, IReadOnlyCollection<Evaluation> evaluations, bool normalise, int minScores)
    {
        var commonMean = Mean(evaluations.Select(e => e.Score));
        var commonSpread = StandardDeviation(evaluations.Select(e => e.Score));
        var normalised = new HashSet<string>(StringComparer.Ordinal);
        var scale = new Dictionary<string, (double Mean, double Sd)>(StringComparer.Ordinal);
        if (normalise)
        {
            foreach (var (juror, stats) in JurorStatistics(evaluations))
            {
                if (stats.Count >= Math.Max(2, minScores) && stats.StandardDeviation > 0)
                {
                    normalised.Add(juror);
                    scale[juror] = (stats.Mean, stats.StandardDeviation);
                }
            }
        }

        var byApplication = evaluations
            .GroupBy(e => e.ApplicationId)
            .ToDictionary(g => g.Key, g => g.Select(e => scale.TryGetValue(e.JurorId, out var s)
                ? Math.Clamp(commonMean + (e.Score - s.Mean) / s.Sd * commonSpread, 0, CallCriterion.MaxScore)
                : e.Score).ToList());

        var rows = applicationIds.Distinct()
            .Select(id => byApplication.TryGetValue(id, out var scores)
                ? (Id: id, Average: (double?)scores.Average(), Count: scores.Count, Spread: scores.Max() - scores.Min())
                : (Id: id, Average: null, Count: 0, Spread: 0))
            .OrderByDescending(r => r.Average ?? double.MinValue).ThenByDescending(r => r.Count).ThenBy(r => r.Id)
            .ToList();

        var result = new List<Row>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            // Equal averages share a rank (1, 2, 2, 4).
            var rank = i > 0 && rows[i].Average is { } a && rows[i - 1].Average == a ? result[i - 1].Rank : i + 1;
            result.Add(new Row(rows[i].Id, rows[i].Average, rows[i].Count, rows[i].Spread, rank));
        }
        return new Result(result, normalised, commonMean, commonSpread);
    }

    /// <summary>The weighted total on 0–10 of scores per criterion (criterion weight, score 0–10); weights sum to 100.</summary>
    public static double WeightedTotal(IEnumerable<(int Weight, int Score)> scores)
    {
        var list = scores.ToList();
        var weights = list.Sum(s => s.Weight);
        return weights == 0 ? 0 : list.Sum(s => (double)s.Weight * s.Score) / weights;
    }

    private static double Mean(IEnumerable<double> values)
    {
        double sum = 0;
        var n = 0;
        foreach (var v in values)
        {
            sum += v;
            n++;
        }
        return n == 0 ? 0 : sum / n;
    }

    /// <summary>Population standard deviation (the juror's own spread, not an estimate of a wider one).</summary>
    private static double StandardDeviation(IEnumerable<double> values)
    {
        var list = values as IReadOnlyCollection<double> ?? values.ToList();
        if (list.Count == 0)
        {
            return 0;
        }
        var mean = Mean(list);
        return Math.Sqrt(list.Sum(v => (v - mean) * (v - mean)) / list.Count);
    }
}
