using Escale.Core.Campaigns;
using Escale.Core.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Campagnes;

/// <summary>A tracked link <c>/c/{code}</c>: counts the visit, sets the attribution cookies, and sends the visitor on (302).</summary>
public sealed class LienModel(EscaleDbContext db, CampaignTracker tracker) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (ShortCode.Normalize(code) is not { } normalized)
        {
            return NotFound();
        }
        var link = await db.CampaignLinks.AsNoTracking().Include(l => l.Campaign)
            .SingleOrDefaultAsync(l => l.Code == normalized, cancellationToken);
        // An archived campaign's posters may still hang somewhere: its links still lead on, but no longer count.
        if (link?.Campaign is not { } campaign)
        {
            return NotFound();
        }
        var target = CampaignRules.InternalPathRefusal(link.TargetPath) is null ? link.TargetPath : "/";
        if (campaign.Status == CampaignStatus.Active)
        {
            await tracker.RecordAsync(HttpContext, campaign.Id, campaign.Slug, link, target.Split('?')[0], cancellationToken);
        }
        return Redirect(target);
    }
}
