using Escale.Core.Opportunities.Search;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Escale.Web.Pages.Offres;

public sealed class IndexModel(OpportunitySearchRunner runner) : PageModel
{
    public OpportunitySearchRunner.Resolved Search { get; private set; } = null!;
    public SearchResult Result { get; private set; } = null!;

    /// <summary>The page asked for is beyond the last one of this search (e.g. offers went away since the link was made).</summary>
    public bool PageMissing { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var (search, _) = await runner.ResolveAsync(Request.Query, cancellationToken);
        Search = search;
        Result = await runner.SearchAsync(search, cancellationToken);
        PageMissing = search.Parameters.Page > Result.PageCount;
        // A refused filter is shown beside its field, the search running on the others; the 400 keeps the page out of
        // caches and indexes.
        if (search.Errors.Count > 0 || PageMissing)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return Page();
    }
}
