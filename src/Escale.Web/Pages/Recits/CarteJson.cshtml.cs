using Escale.Core.Content;
using System.Text.Json;
using Escale.Core.Data;
using Escale.Web.Infrastructure.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Escale.Web.Pages.Recits;

/// <summary>
/// The map's data: one GeoJSON point per place with its number of items and the first few of them for the popup.
/// Takes the same query string as /recits/carte.
/// </summary>
public sealed class CarteJsonModel(EscaleDbContext db, ContentIndex index, TimeProvider clock) : PageModel
{
    public const int ItemsPerPopup = 10;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ContentQueryString.TryParse(Request.Query, ContentMap.Types, out var filter, out var error))
        {
            return this.BadRequestPage(error!);
        }
        var map = await ContentMap.SearchAsync(db, await index.FacetsAsync(cancellationToken), filter, clock.GetUtcNow(), cancellationToken);
        var collection = new
        {
            type = "FeatureCollection",
            features = map.Clusters.Select(c => new
            {
                type = "Feature",
                geometry = new { type = "Point", coordinates = new[] { c.Longitude, c.Latitude } },
                properties = new
                {
                    code = c.Key,
                    name = c.Name,
                    count = c.Items.Count,
                    href = c.Href,
                    items = c.Items.Take(ItemsPerPopup).Select(i => new { title = i.Title, href = i.Path }),
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
