using Escale.Core.Calls;
using Escale.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Admin.Appels.Jury;

/// <summary>
/// A call's deliberation as the team reads it: every application that went to the jury ranked by
/// <see cref="JuryRanking.Rank"/> (normalised when the call says so), each juror's submitted totals, the recusals. Reads
/// only what the ranking needs — one row per evaluation (application, juror, weighted total), untracked — and computes the
/// whole ranking every time, whatever part of it a page then shows.
/// </summary>
public sealed class CallRanking
{
    /// <summary>A gap between the highest and lowest total of an application from which the deliberation should look twice.</summary>
    public const double LargeSpread = 3.0;

    public sealed record Call(int Id, string Title, string Slug, bool NormaliseScores, int MinScoresForNormalisation, DateTimeOffset? ResultsPublishedAt);

    public sealed record Application(int Id, string ProjectTitle, ApplicationStatus Status, ApplicationDecision? Decision);

    public sealed record Juror(string UserId, string Name);

    /// <summary>One juror's total for an application, as submitted and as it counts in the average.</summary>
    public sealed record JurorTotal(string JurorId, double Submitted, double Counted);

    public required Call Of { get; init; }
    public required JuryRanking.Result Result { get; init; }
    public required IReadOnlyDictionary<int, Application> Applications { get; init; }
    public required IReadOnlyDictionary<int, int> Recusals { get; init; }
    public required IReadOnlyDictionary<string, (double Mean, double StandardDeviation, int Count)> JurorStatistics { get; init; }
    public required IReadOnlyList<Juror> Jurors { get; init; }
    private IReadOnlyList<JuryRanking.Evaluation> Evaluations { get; init; } = [];

    /// <summary>The applications the ranking holds: under evaluation, or decided and published.</summary>
    public static readonly ApplicationStatus[] RankedStatuses = [ApplicationStatus.UnderEvaluation, ApplicationStatus.Laureate, ApplicationStatus.NotSelected];

    public static async Task<CallRanking?> ReadAsync(EscaleDbContext db, int callId, CancellationToken cancellationToken)
    {
        var call = await db.Calls.AsNoTracking().Where(c => c.Id == callId)
            .Select(c => new Call(c.Id, c.Title, c.Slug, c.NormaliseScores, c.MinScoresForNormalisation, c.ResultsPublishedAt))
            .FirstOrDefaultAsync(cancellationToken);
        if (call is null)
        {
            return null;
        }
        var applications = await db.CallApplications.AsNoTracking()
            .Where(a => a.CallId == callId && RankedStatuses.Contains(a.Status))
            .Select(a => new Application(a.Id, a.ProjectTitle, a.Status, a.Decision))
            .ToDictionaryAsync(a => a.Id, cancellationToken);
        var rows = await db.JurorAssignments.AsNoTracking()
            .Where(a => a.Application!.CallId == callId && a.SubmittedAt != null && a.ConflictDeclaredAt == null && a.WeightedScore != null)
            .Select(a => new { a.ApplicationId, a.JurorUserId, Score = a.WeightedScore!.Value })
            .ToListAsync(cancellationToken);
        var evaluations = new List<JuryRanking.Evaluation>(rows.Count);
        foreach (var row in rows)
        {
            if (applications.ContainsKey(row.ApplicationId))
            {
                evaluations.Add(new JuryRanking.Evaluation(row.ApplicationId, row.JurorUserId, row.Score));
            }
        }
        var recusals = await db.JurorAssignments.AsNoTracking()
            .Where(a => a.Application!.CallId == callId && a.ConflictDeclaredAt != null)
            .GroupBy(a => a.ApplicationId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var jurors = await db.CallJurors.AsNoTracking().Where(j => j.CallId == callId)
            .Join(db.Users, j => j.UserId, u => u.Id, (j, u) => new Juror(j.UserId, u.DisplayName ?? u.Email ?? ""))
            .ToListAsync(cancellationToken);
        return new CallRanking
        {
            Of = call,
            Result = JuryRanking.Rank(applications.Keys, evaluations, call.NormaliseScores, call.MinScoresForNormalisation),
            Applications = applications,
            Recusals = recusals,
            JurorStatistics = JuryRanking.JurorStatistics(evaluations),
            Jurors = [.. jurors.OrderBy(j => j.Name, StringComparer.CurrentCulture)],
            Evaluations = evaluations,
        };
    }

    public string JurorName(string userId) => Jurors.FirstOrDefault(j => j.UserId == userId)?.Name ?? "Juré retiré de l’appel";

    /// <summary>Each juror's total for these applications: as submitted, and as it counts once normalised (the same when not).</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<JurorTotal>> TotalsFor(IEnumerable<int> applicationIds)
    {
        var wanted = applicationIds.ToHashSet();
        var totals = wanted.ToDictionary(id => id, _ => new List<JurorTotal>());
        foreach (var evaluation in Evaluations)
        {
            if (totals.TryGetValue(evaluation.ApplicationId, out var list))
            {
                list.Add(new JurorTotal(evaluation.JurorId, evaluation.Score, Counted(evaluation)));
            }
        }
        return totals.ToDictionary(t => t.Key, t => (IReadOnlyList<JurorTotal>)[.. t.Value.OrderByDescending(v => v.Counted)]);
    }

    /// <summary>The same arithmetic as <see cref="JuryRanking.Rank"/>: onto the common scale for a normalised juror.</summary>
    private double Counted(JuryRanking.Evaluation evaluation) =>
        Result.NormalisedJurors.Contains(evaluation.JurorId) && JurorStatistics.TryGetValue(evaluation.JurorId, out var s)
            ? Math.Clamp(Result.CommonMean + (evaluation.Score - s.Mean) / s.StandardDeviation * Result.CommonSpread, 0, CallCriterion.MaxScore)
            : evaluation.Score;
}
