using Escale.Core.Content;
using Escale.Core.Data;
using Escale.Web.Infrastructure.Caching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Escale.Web.Pages.Recits;

/// <summary>Portraits, company stories and news, newest first, filtered by a plain GET form.</summary>
[OutputCache(PolicyName = PublicPageCache.Policy)]
public sealed class IndexModel(EscaleDbContext db, ContentIndex index, TimeProvider clock) : PageModel
{
    public static readonly ContentType[] Types = [ContentType.Portrait, ContentType.CompanyStory, ContentType.News];

    public ContentListingView Listing { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var facets = await index.FacetsAsync(cancellationToken);
        var filter = ContentQueryString.KnownPlacesAndPersonas(ContentQueryString.Read(Request.Query, Types, out var errors), facets, errors);
        var result = await ContentListing.SearchAsync(db, facets, Types, filter, clock.GetUtcNow(), eventsByDate: false, cancellationToken);
        Listing = new ContentListingView("/recits", "Récits", result, filter, ShowTypes: true, []) { Errors = errors };
        if (errors.Count > 0)
        {
            // The page itself, with each message beside its field, but never cached nor indexed as a listing.
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return Page();
    }
}
