using Escale.Core.Content;
using Escale.Core.Data;
using Escale.Core.Territories;
using Escale.Web.Infrastructure.Caching;
using Escale.Web.Pages.Recits;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Profils;

/// <summary>One target profile's page: what the territory opportunities to people like them, and where to go next.</summary>
[OutputCache(PolicyName = PublicPageCache.Policy)]
public sealed class PersonaModel(EscaleDbContext db, ContentIndex index, TimeProvider clock) : PageModel
{
    public sealed record PersonaView(LocalizedText Entry, LocalizedText Summary, LocalizedText Body, List<LocalizedText> Needs);

    public PersonaView Persona { get; private set; } = null!;

    public string Slug { get; private set; } = "";

    /// <summary>Published items tagged for this persona: featured first, then the latest.</summary>
    public IReadOnlyList<ContentCard> Highlights { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var persona = await db.Personas.AsNoTracking()
            .Where(p => p.Slug == slug)
            .Select(p => new PersonaView(p.Entry, p.Summary, p.Body, p.Needs))
            .SingleOrDefaultAsync(cancellationToken);
        if (persona is null)
        {
            return NotFound();
        }
        Persona = persona;
        Slug = slug;
        Highlights = await ContentListing.HighlightsAsync(db, await index.FacetsAsync(cancellationToken), slug, IndexModel.HighlightCount, clock.GetUtcNow(), cancellationToken);
        return Page();
    }
}
