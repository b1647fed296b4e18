using Escale.Core.Data;
using Escale.Core.Identity;
using Escale.Core.Opportunities;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Admin.Moderation;

/// <summary>Opportunities waiting for an editor (new, or edits of published ones), the longest-waiting first.</summary>
public sealed class IndexModel(EscaleDbContext db) : PageModel
{
    public sealed record Row(int Id, string Title, OpportunityKind Kind, string? Organisation, string Commune, DateTimeOffset SubmittedAt, bool AlreadyPublished);

    public IReadOnlyList<Row> Queue { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // In review, or published with an edit waiting beside the version online.
        var rows = await db.Opportunities.AsNoTracking()
            .Where(o => o.Status == OpportunityStatus.InReview || (o.Status == OpportunityStatus.Published && db.PendingEdits.Any(e => e.OpportunityId == o.Id)))
            .Select(o => new Row(o.Id, o.Title, o.Kind, o.Organisation!.Name, o.Commune!.Name,
                db.PendingEdits.Where(e => e.OpportunityId == o.Id).Select(e => (DateTimeOffset?)e.SubmittedAt).FirstOrDefault() ?? o.UpdatedAt,
                db.ApprovedVersions.Any(v => v.OpportunityId == o.Id) || db.PendingEdits.Any(e => e.OpportunityId == o.Id)))
            .ToListAsync(cancellationToken);
        // Sorted here: SQLite cannot order by a DateTimeOffset column.
        Queue = [.. rows.OrderBy(r => r.SubmittedAt).ThenBy(r => r.Id)];
    }
}
