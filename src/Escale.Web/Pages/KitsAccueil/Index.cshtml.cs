using Escale.Web.Infrastructure.Territory;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Escale.Web.Pages.KitsAccueil;

/// <summary>Every welcome kit: one per persona and intercommunality, from the territory's data.</summary>
public sealed class IndexModel(TerritoryCatalog catalog) : PageModel
{
    public TerritoryCatalog.Snapshot Territory { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Territory = await catalog.GetAsync(cancellationToken);

    public static string KitPath(string personaSlug, string intercommunalitySlug) => $"/kits-accueil/{personaSlug}/{intercommunalitySlug}";
}
