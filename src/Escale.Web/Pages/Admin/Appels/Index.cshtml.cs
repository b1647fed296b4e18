using Escale.Core.Calls;
using Escale.Core.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Admin.Appels;

/// <summary>The calls the team runs, newest first, with where each stands and how far it is built.</summary>
public sealed class IndexModel(EscaleDbContext db, TimeProvider clock) : PageModel
{
    public sealed record Row(int Id, string Title, CallKind Kind, CallPhase Phase, DateTimeOffset ClosesAt, int Applications, int Submitted,
        int Fields, int Criteria, int Jurors);

    public IReadOnlyList<Row> Calls { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var rows = await db.Calls.AsNoTracking().OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
            .Select(c => new
            {
                c.Id, c.Title, c.Kind, c.PublishedAt, c.OpensAt, c.ClosesAt, c.ResultsPublishedAt, c.FollowUpStartsAt,
                Applications = c.Applications.Count(),
                Submitted = c.Applications.Count(a => a.SubmittedAt != null && a.Status != ApplicationStatus.Withdrawn),
                Fields = c.Fields.Count(), Criteria = c.Criteria.Count(), Jurors = c.Jurors.Count(),
            })
            .ToListAsync(cancellationToken);
        Calls = [.. rows.Select(c => new Row(c.Id, c.Title, c.Kind,
            CallPhases.At(c.PublishedAt, c.OpensAt, c.ClosesAt, c.ResultsPublishedAt, c.FollowUpStartsAt, now),
            c.ClosesAt, c.Applications, c.Submitted, c.Fields, c.Criteria, c.Jurors))];
    }
}
