using Escale.Core.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Admin.Kits;

/// <summary>The personas whose welcome kits' first steps the editorial team writes, with how many each has.</summary>
public sealed class IndexModel(EscaleDbContext db) : PageModel
{
    public sealed record Row(string Slug, string Name, int Steps);

    public IReadOnlyList<Row> Personas { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var personas = await db.Personas.AsNoTracking().OrderBy(p => p.Position)
            .Select(p => new { p.Id, p.Slug, p.Name, Steps = db.WelcomeKitSteps.Count(s => s.PersonaId == p.Id) })
            .ToListAsync(cancellationToken);
        Personas = [.. personas.Select(p => new Row(p.Slug, p.Name.Current, p.Steps))];
    }
}
