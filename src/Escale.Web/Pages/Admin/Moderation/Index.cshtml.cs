using Escale.Core.Data;
using Escale.Core.Identity;
using Escale.Core.Opportunities;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Admin.Moderation;

/// <summary>Opportunities waiting for an editor, the longest-waiting first.</summary>
public sealed class IndexModel(EscaleDbContext db) : PageModel
{
    public sealed record Row(int Id, string Title, OpportunityKind Kind, string? Organisation, string Commune, DateTimeOffset SubmittedAt, bool AlreadyPublished);

    public IReadOnlyList<Row> Queue { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var rows = await db.Opportunities.AsNoTracking()
            .Where(o => o.Status == OpportunityStatus.InReview)
            .Select(o => new Row(o.Id, o.Title, o.Kind, o.Organisation!.Name, o.Commune!.Name, o.UpdatedAt,
                db.ApprovedVersions.Any(v => v.OpportunityId == o.Id)))
            .ToListAsync(cancellationToken);
        // Sorted here: SQLite cannot order by a DateTimeOffset column.
        Queue = [.. rows.OrderBy(r => r.SubmittedAt).ThenBy(r => r.Id)];
    }
}
