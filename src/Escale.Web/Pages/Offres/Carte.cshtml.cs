using Escale.Core.Opportunities.Search;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Escale.Web.Pages.Offres;

/// <summary>The search on a map, one circle per commune (clustered here rather than by a client-side plugin); without JavaScript, the list of those communes.</summary>
public sealed class CarteModel(OpportunitySearchRunner runner) : PageModel
{
    public OpportunitySearchRunner.Resolved Search { get; private set; } = null!;
    public SearchResult Result { get; private set; } = null!;
    public IReadOnlyList<OpportunitySearchRunner.Cluster> Clusters { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var (search, _) = await runner.ResolveAsync(Request.Query.Where(q => q.Key != "page"), cancellationToken);
        if (search.Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        Search = search;
        Result = await runner.SearchAsync(search, cancellationToken);
        Clusters = await runner.ClustersAsync(search, cancellationToken);
        return Page();
    }

    public string SearchLinkFor(OpportunitySearchRunner.Cluster cluster) => "/offres" + Search.Parameters.InCommune(cluster.InseeCode).ToQueryString();
}
