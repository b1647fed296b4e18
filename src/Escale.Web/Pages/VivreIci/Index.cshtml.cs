using Escale.Core.Content;
using Escale.Core.Data;
using Escale.Web.Infrastructure.Caching;
using Escale.Web.Infrastructure.Errors;
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
        if (!ContentQueryString.TryParse(Request.Query, Types, out var filter, out var error))
        {
            return this.BadRequestPage(error!);
        }
        var result = await ContentListing.SearchAsync(db, await index.FacetsAsync(cancellationToken), Types, filter, clock.GetUtcNow(), eventsByDate: false, cancellationToken);
        Listing = new ContentListingView("/vivre-ici", "Vivre ici", result, filter, ShowTypes: false, []);
        return Page();
    }
}
