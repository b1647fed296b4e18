using Escale.Core.Content;
using Escale.Core.Data;
using Escale.Web.Infrastructure.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Escale.Web.Pages.Recits;

/// <summary>
/// Stories and upcoming events on the territory's outline, one circle per place (grouped here, not by a client-side
/// plugin), with the listing's facets; without JavaScript, the list of places and their items says the same.
/// </summary>
public sealed class CarteModel(EscaleDbContext db, ContentIndex index, TimeProvider clock) : PageModel
{
    public ContentMap.Result Map { get; private set; } = null!;
    public ContentListingView Listing { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ContentQueryString.TryParse(Request.Query, ContentMap.Types, out var filter, out var error))
        {
            return this.BadRequestPage(error!);
        }
        Map = await ContentMap.SearchAsync(db, await index.FacetsAsync(cancellationToken), filter, clock.GetUtcNow(), cancellationToken);
        Listing = new ContentListingView("/recits/carte", "Carte des récits et événements", Map.Listing, filter with { Page = 1 }, ShowTypes: true, [])
        {
            ShowResults = false,
        };
        return Page();
    }

    public string QueryString => ContentQueryString.ToQueryString(Listing.Filter, 1);

    /// <summary>The same facets on a listing page; the type only where that listing has it.</summary>
    public string ListLink(string path)
    {
        var type = Listing.Filter.Type;
        var keepType = path == "/recits" ? type is not null && type != Core.Content.ContentType.Event : false;
        return path + ContentQueryString.ToQueryString(Listing.Filter with { Type = keepType ? type : null }, 1);
    }
}
