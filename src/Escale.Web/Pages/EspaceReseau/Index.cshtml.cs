using Escale.Core.Data;
using Escale.Core.WelcomeNetworks;
using Escale.Web.Pages.ReseauAccueil;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.EspaceReseau;

/// <summary>
/// The welcome network's back office: every structure for administrators and the departmental team (who add structures
/// and write to the whole network), the structures they coordinate for coordinators.
/// </summary>
public sealed class IndexModel(EscaleDbContext db, WelcomeNetworkAccess access) : PageModel
{
    public sealed record Row(int Id, string Name, WelcomeStructureKind Kind, string? Intercommunality, string? Commune, int Members, bool FromData);

    public bool IsManager { get; private set; }
    public IReadOnlyList<Row> Structures { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        IsManager = await access.IsManagerAsync(User, cancellationToken);
        var query = db.WelcomeStructures.AsNoTracking();
        if (!IsManager)
        {
            var coordinated = await access.CoordinatedAsync(User, cancellationToken);
            query = query.Where(s => coordinated.Contains(s.Id));
        }
        Structures = await query
            .OrderBy(s => s.Intercommunality == null).ThenBy(s => s.Intercommunality!.Name).ThenBy(s => s.Kind).ThenBy(s => s.Name)
            .Select(s => new Row(s.Id, s.Name, s.Kind, s.Intercommunality != null ? s.Intercommunality.Name : null, s.Commune != null ? s.Commune.Name : null,
                s.Members.Count, s.TerritoryServiceId != null || s.WelcomeOrganisationId != null))
            .ToListAsync(cancellationToken);
    }
}
