using Escale.Core.Data;
using Escale.Web.Infrastructure.Territory;
using Escale.Web.Pages.Recits;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Escale.Web.Pages;

public sealed class IndexModel(TerritoryCatalog catalog, EscaleDbContext db, TimeProvider clock) : PageModel
{
    public const int HighlightCount = 6;

    public TerritoryCatalog.Snapshot Snapshot { get; private set; } = null!;

    /// <summary>Featured items first, then the latest published.</summary>
    public IReadOnlyList<ContentCard> Highlights { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Snapshot = await catalog.GetAsync(cancellationToken);
        Highlights = await ContentListing.HighlightsAsync(db, persona: null, HighlightCount, clock.GetUtcNow(), cancellationToken);
    }
}
