using Escale.Core.Data;
using Escale.Core.Opportunities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Organisations;

/// <summary>An organisation's public page: who it is, and its opportunities that are published and not expired.</summary>
public sealed class DetailModel(EscaleDbContext db, TimeProvider clock) : PageModel
{
    public sealed record Summary(string Name, string? Description, string? Website, string? Commune, string? CommuneInsee, string? CommuneSlug);

    public sealed record OpportunityRow(int Id, string Slug, string Title, OpportunityKind Kind, string Commune, DateOnly? ExpiresOn);

    public Summary Organisation { get; private set; } = null!;

    public IReadOnlyList<OpportunityRow> Opportunities { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.AsNoTracking().Where(o => o.Slug == slug)
            .Select(o => new { o.Id, Summary = new Summary(o.Name, o.Description, o.Website, o.Commune!.Name, o.Commune.InseeCode, o.Commune.Slug) })
            .SingleOrDefaultAsync(cancellationToken);
        if (organisation is null)
        {
            return NotFound();
        }
        Organisation = organisation.Summary;
        Opportunities = await db.Opportunities.AsNoTracking().OpenAt(clock.GetUtcNow())
            .Where(o => o.OrganisationId == organisation.Id)
            .OrderBy(o => o.Title)
            .Select(o => new OpportunityRow(o.Id, o.Slug, o.Title, o.Kind, o.Commune!.Name, o.ExpiresOn))
            .ToListAsync(cancellationToken);
        return Page();
    }
}
