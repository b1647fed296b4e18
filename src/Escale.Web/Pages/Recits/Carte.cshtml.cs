using Escale.Core.Content;
using Escale.Core.Data;
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
        // A refused filter is explained beside its field and left out; the map shows the others, with a 400.
        var facets = await index.FacetsAsync(cancellationToken);
        var filter = ContentQueryString.Read(Request.Query, ContentMap.Types, facets, out var errors);
        errors.Remove("page");
        Map = await ContentMap.SearchAsync(db, facets, filter, clock.GetUtcNow(), cancellationToken);
        Listing = new ContentListingView("/recits/carte", "Carte des récits et événements", Map.Listing, filter with { Page = 1 }, ShowTypes: true, [])
        {
            ShowResults = false,
            Errors = errors,
        };
        if (errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
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
