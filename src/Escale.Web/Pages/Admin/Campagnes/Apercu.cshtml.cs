using Escale.Core.Data;
using Escale.Web.Pages.Admin.Contenus;
using Escale.Web.Pages.Decouvrir;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Admin.Campagnes;

/// <summary>A landing page exactly as the public will see it, published or not.</summary>
public sealed class ApercuModel(EscaleDbContext db, TimeProvider clock) : PageModel
{
    public int CampaignId { get; private set; }

    public LandingView Landing { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, int pageId, CancellationToken cancellationToken)
    {
        if (!await db.LandingPages.AnyAsync(p => p.Id == pageId && p.CampaignId == id, cancellationToken)
            || await LandingView.LoadAsync(db, pageId, clock.GetUtcNow(), cancellationToken) is not { } landing)
        {
            return NotFound();
        }
        CampaignId = id;
        Landing = landing;
        return Page();
    }
}
