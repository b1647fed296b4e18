using Escale.Core.Content;
using Escale.Core.Data;
using Escale.Web.Infrastructure.Caching;
using Escale.Web.Infrastructure.Territory;
using Escale.Web.Pages.Recits;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Escale.Web.Pages;

[OutputCache(PolicyName = PublicPageCache.Policy)]
public sealed class IndexModel(TerritoryCatalog catalog, EscaleDbContext db, ContentIndex index, TimeProvider clock) : PageModel
{
    public const int HighlightCount = 6;

    public TerritoryCatalog.Snapshot Snapshot { get; private set; } = null!;

    /// <summary>Featured items first, then the latest published.</summary>
    public IReadOnlyList<ContentCard> Highlights { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Snapshot = await catalog.GetAsync(cancellationToken);
        Highlights = await ContentListing.HighlightsAsync(db, await index.FacetsAsync(cancellationToken), persona: null, HighlightCount, clock.GetUtcNow(), cancellationToken);
    }
}
