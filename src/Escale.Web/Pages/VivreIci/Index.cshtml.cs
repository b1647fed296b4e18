using Escale.Core.Content;
using Escale.Core.Data;
using Escale.Web.Infrastructure.Caching;
using Escale.Web.Pages.Recits;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Escale.Web.Pages.VivreIci;

/// <summary>Quality-of-life pages, newest first, filtered by a plain GET form.</summary>
[OutputCache(PolicyName = PublicPageCache.Policy)]
public sealed class IndexModel(EscaleDbContext db, ContentIndex index, TimeProvider clock) : PageModel
{
    public static readonly ContentType[] Types = [ContentType.QualityOfLife];

    public ContentListingView Listing { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Listing = await ContentListingView.LoadAsync(this, db, index, clock.GetUtcNow(), "/vivre-ici", "Vivre ici", Types, showTypes: false, cancellationToken);
        return Page();
    }
}
