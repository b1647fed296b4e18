using System.Text.Json;
using Escale.Web.Infrastructure.Errors;
using Escale.Web.Infrastructure.Links;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Escale.Web.Pages.Offres;

/// <summary>
/// The map's data: one GeoJSON point per commune with its number of opportunities, a link to their list and the first
/// few titles for the popup. Takes the same query string as /offres.
/// </summary>
public sealed class CarteJsonModel(OpportunitySearchRunner runner) : PageModel
{
    public const int OpportunitiesPerPopup = 10;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var (search, unknown) = await runner.ResolveAsync(Request.Query.Where(q => q.Key != "page"), cancellationToken);
        if (unknown is not null)
        {
            return this.BadRequestPage(unknown!);
        }
        var clusters = await runner.ClustersAsync(search, cancellationToken);
        var collection = new
        {
            type = "FeatureCollection",
            features = clusters.Select(c => new
            {
                type = "Feature",
                geometry = new { type = "Point", coordinates = new[] { c.Longitude, c.Latitude } },
                properties = new
                {
                    code = c.InseeCode,
                    name = c.Name,
                    count = c.Opportunities.Count,
                    href = "/offres" + search.Parameters.InCommune(c.InseeCode).ToQueryString(),
                    offers = c.Opportunities.Take(OpportunitiesPerPopup).Select(o => new { title = o.Title, href = SiteLinks.OpportunityPath(o.Id, o.Slug) }),
                },
            }),
        };
        return new ContentResult
        {
            Content = JsonSerializer.Serialize(collection),
            ContentType = "application/geo+json; charset=utf-8",
        };
    }
}
