using Escale.Core.Opportunities.Search;
using Escale.Web.Infrastructure.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Escale.Web.Pages.Offres;

public sealed class IndexModel(OpportunitySearchRunner runner) : PageModel
{
    public OpportunitySearchRunner.Resolved Search { get; private set; } = null!;
    public SearchResult Result { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var (search, unknown) = await runner.ResolveAsync(Request.Query, cancellationToken);
        if (search is null)
        {
            return this.BadRequestPage(unknown!);
        }
        Search = search;
        Result = await runner.SearchAsync(search, cancellationToken);
        if (search.Parameters.Page > Result.PageCount)
        {
            return this.BadRequestPage($"La page {search.Parameters.Page} n’existe pas : cette recherche tient en {Result.PageCount} page(s).");
        }
        return Page();
    }
}
