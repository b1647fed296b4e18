using Escale.Core.Calls;
using Escale.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Jury;

/// <summary>
/// A juror's evaluations, grouped by call, with where each stands and how far the juror is. One query of the juror's own
/// assignments (indexed by juror), projected to what the list shows: it stays fast with hundreds of evaluations.
/// </summary>
public sealed class IndexModel(EscaleDbContext db, UserManager<Core.Identity.ApplicationUser> users) : PageModel
{
    public sealed record Row(int AssignmentId, string ProjectTitle, EvaluationState State);

    public sealed record CallGroup(int CallId, string Title, bool ResultsPublished, IReadOnlyList<Row> Rows)
    {
        public int Done => Rows.Count(r => r.State is EvaluationState.Submitted or EvaluationState.Recused);
    }

    public IReadOnlyList<CallGroup> Calls { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var me = users.GetUserId(User);
        var rows = await db.JurorAssignments.AsNoTracking()
            .Where(a => a.JurorUserId == me)
            // Sorted by the database: a culture-aware sort of hundreds of titles here would cost more than the query.
            .OrderBy(a => a.Application!.ProjectTitle).ThenBy(a => a.Id)
            .Select(a => new
            {
                a.Id,
                a.Application!.CallId,
                CallTitle = a.Application.Call!.Title,
                a.Application.Call.ResultsPublishedAt,
                a.Application.ProjectTitle,
                Recused = a.ConflictDeclaredAt != null,
                Submitted = a.SubmittedAt != null,
                Draft = a.Scores.Any() || a.Comment != null,
            })
            .ToListAsync(cancellationToken);
        Calls = rows
            .GroupBy(r => (r.CallId, r.CallTitle, r.ResultsPublishedAt))
            .OrderBy(g => g.Key.ResultsPublishedAt is not null).ThenByDescending(g => g.Key.CallId)
            .Select(g => new CallGroup(g.Key.CallId, g.Key.CallTitle, g.Key.ResultsPublishedAt is not null,
                [.. g.Select(r => new Row(r.Id, r.ProjectTitle,
                        r.Recused ? EvaluationState.Recused : r.Submitted ? EvaluationState.Submitted : r.Draft ? EvaluationState.Draft : EvaluationState.ToDo))
                    .OrderBy(r => r.State)]))
            .ToList();
    }
}

/// <summary>Where one juror's evaluation of one application stands, in the order the juror's list shows them.</summary>
public enum EvaluationState
{
    ToDo,
    Draft,
    Submitted,
    Recused,
}

public static class EvaluationLabels
{
    public static string Of(EvaluationState state) => state switch
    {
        EvaluationState.ToDo => "À faire",
        EvaluationState.Draft => "Brouillon enregistré",
        EvaluationState.Submitted => "Envoyée",
        _ => "Récusation (conflit d’intérêts)",
    };
}
