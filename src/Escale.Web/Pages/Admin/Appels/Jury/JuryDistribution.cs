namespace Escale.Web.Pages.Admin.Appels.Jury;

/// <summary>
/// Assigning jurors « evenly »: each application gets jurors until <c>perApplication</c> of them evaluate it (a recused
/// juror does not count, and is never given the same application again), each time the juror with the lightest load
/// (their evaluations still counting, in every call's list order on a tie), so that loads differ by at most one when
/// nothing was assigned before. Pure: the page reads what exists and adds what this returns.
/// </summary>
public static class JuryDistribution
{
    public readonly record struct Existing(int ApplicationId, string JurorId, bool Recused);

    public static IReadOnlyList<(int ApplicationId, string JurorId)> Evenly(
        IReadOnlyList<int> applicationIds, IReadOnlyList<string> jurorIds, IReadOnlyCollection<Existing> existing, int perApplication)
    {
        var jurors = jurorIds.Distinct(StringComparer.Ordinal).ToList();
        var load = jurors.ToDictionary(j => j, _ => 0, StringComparer.Ordinal);
        var taken = new HashSet<(int, string)>();
        var evaluating = new Dictionary<int, int>();
        foreach (var assignment in existing)
        {
            taken.Add((assignment.ApplicationId, assignment.JurorId));
            if (!assignment.Recused)
            {
                evaluating[assignment.ApplicationId] = evaluating.GetValueOrDefault(assignment.ApplicationId) + 1;
                if (load.TryGetValue(assignment.JurorId, out var current))
                {
                    load[assignment.JurorId] = current + 1;
                }
            }
        }

        var added = new List<(int, string)>();
        foreach (var application in applicationIds.Distinct())
        {
            for (var missing = perApplication - evaluating.GetValueOrDefault(application); missing > 0; missing--)
            {
                string? lightest = null;
                foreach (var juror in jurors)
                {
                    if (!taken.Contains((application, juror)) && (lightest is null || load[juror] < load[lightest]))
                    {
                        lightest = juror;
                    }
                }
                if (lightest is null)
                {
                    break;
                }
                taken.Add((application, lightest));
                load[lightest]++;
                added.Add((application, lightest));
            }
        }
        return added;
    }
}
