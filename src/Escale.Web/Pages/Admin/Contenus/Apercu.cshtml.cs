using Escale.Core.Opportunities.Search;
using Escale.Core.Content;
using Escale.Core.Data;
using Escale.Web.Pages.Recits;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Admin.Contenus;

/// <summary>An item as the public page would show it, from its latest revision or a chosen one; never public, never indexed.</summary>
public sealed class ApercuModel(EscaleDbContext db, TimeProvider clock, OpportunitySearch offers) : PageModel
{
    public ContentArticle Article { get; private set; } = null!;

    public int Number { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int? revision, CancellationToken cancellationToken)
    {
        var snapshot = await db.ContentRevisions.AsNoTracking()
            .Where(r => r.ContentItemId == id && (revision == null || r.Number == revision))
            .OrderByDescending(r => r.Number)
            .Select(r => new { r.Number, r.SnapshotJson })
            .FirstOrDefaultAsync(cancellationToken);
        if (snapshot is null)
        {
            return NotFound();
        }
        Number = snapshot.Number;
        var leadImageId = await db.ContentItems.Where(c => c.Id == id).Select(c => c.LeadImageId).FirstOrDefaultAsync(cancellationToken);
        Article = await ContentArticle.BuildAsync(db, offers, ContentDraft.FromJson(snapshot.SnapshotJson), leadImageId, clock.GetUtcNow(), cancellationToken);
        Response.Headers["X-Robots-Tag"] = "noindex";
        return Page();
    }
}
