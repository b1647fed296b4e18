using Escale.Core.Calls;
using Escale.Core.Data;
using Escale.Web.Infrastructure.Links;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Caching.Memory;

namespace Escale.Web.Pages.Appels;

/// <summary>
/// A public call: everything an applicant needs before starting (phase, dates in Paris time, who may apply, eligibility,
/// prizes, the questions of the form, whom to ask) and the way to apply while it is open. A draft is not found.
/// </summary>
public sealed class DetailModel(EscaleDbContext db, IMemoryCache cache, CallsDataVersion version, TimeProvider clock, SiteLinks links) : PageModel
{
    public PublicCalls.CallPage Call { get; private set; } = null!;

    public CallPhase Phase { get; private set; }

    public string Canonical { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var page = await PublicCalls.PageAsync(db, cache, version, slug, clock.GetUtcNow(), cancellationToken);
        if (page is null)
        {
            return NotFound();
        }
        Call = page;
        Phase = page.Call.PhaseAt(clock.GetUtcNow());
        Canonical = links.Call(slug);
        return Page();
    }
}
