using Escale.Core.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Intercommunalites;

public sealed class IndexModel(EscaleDbContext db) : PageModel
{
    public sealed record Row(string Name, string Slug, string Nature, int CommunesInTerritory, int MemberCount, int Population, bool WhollyInTerritory, string SeatDepartment);

    public IReadOnlyList<Row> Intercommunalities { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Intercommunalities = await db.Intercommunalities.AsNoTracking().OrderBy(e => e.Slug)
            .Select(e => new Row(e.Name, e.Slug, e.Nature, e.Communes.Count, e.MemberCount, e.Communes.Sum(c => c.Population), e.WhollyInTerritory, e.SeatDepartment))
            .ToListAsync(cancellationToken);
}
