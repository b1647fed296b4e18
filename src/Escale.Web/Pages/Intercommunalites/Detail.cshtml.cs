using Escale.Core.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Intercommunalites;

public sealed class DetailModel(EscaleDbContext db) : PageModel
{
    public sealed record CommuneRow(string InseeCode, string Name, string Slug, int Population);

    public sealed record View(string Siren, string Name, string Nature, string SeatDepartment, int MemberCount, bool WhollyInTerritory, List<CommuneRow> Communes, double AreaKm2);

    public View Epci { get; private set; } = null!;
    public int Population => Epci.Communes.Sum(c => c.Population);
    public double Density => Epci.AreaKm2 == 0 ? 0 : Population / Epci.AreaKm2;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        // Ordered by slug: database collations put "Béduer" after "Brengues"; the accent-free slug sorts as a reader expects.
        var epci = await db.Intercommunalities.AsNoTracking()
            .Where(e => e.Slug == slug)
            .Select(e => new View(e.Siren, e.Name, e.Nature, e.SeatDepartment, e.MemberCount, e.WhollyInTerritory,
                e.Communes.OrderBy(c => c.Slug).Select(c => new CommuneRow(c.InseeCode, c.Name, c.Slug, c.Population)).ToList(),
                e.Communes.Sum(c => c.AreaKm2)))
            .SingleOrDefaultAsync(cancellationToken);
        if (epci is null)
        {
            return NotFound();
        }
        Epci = epci;
        return Page();
    }
}
