using Escale.Core.Campaigns;
using Escale.Core.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Decouvrir;

/// <summary>A campaign's landing page: public once published, while its campaign is not in preparation.</summary>
public sealed class IndexModel(EscaleDbContext db, TimeProvider clock) : PageModel
{
    public LandingView Landing { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var id = await db.LandingPages.AsNoTracking()
            .Where(p => p.Slug == slug && p.Published && p.Campaign!.Status != CampaignStatus.Draft)
            .Select(p => (int?)p.Id).FirstOrDefaultAsync(cancellationToken);
        if (id is null || await LandingView.LoadAsync(db, id.Value, clock.GetUtcNow(), cancellationToken) is not { } landing)
        {
            return NotFound();
        }
        Landing = landing;
        return Page();
    }
}
