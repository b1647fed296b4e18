using Escale.Web.Infrastructure.Territory;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Escale.Web.Pages;

public sealed class IndexModel(TerritoryCatalog catalog) : PageModel
{
    public TerritoryCatalog.Snapshot Snapshot { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Snapshot = await catalog.GetAsync(cancellationToken);
}
