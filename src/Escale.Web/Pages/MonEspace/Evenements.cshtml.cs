using Escale.Core.Content;
using Escale.Core.Data;
using Escale.Core.Identity;
using Escale.Core.Territories;
using Escale.Web.Infrastructure.Links;
using Escale.Web.Infrastructure.Territory;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.MonEspace;

/// <summary>
/// The agenda's coming events, nearest to the places the household aims for first: among the next
/// <see cref="Considered"/> events by date, those within <see cref="NearKm"/> km of a target commune come first.
/// </summary>
public sealed class EvenementsModel(EscaleDbContext db, UserManager<ApplicationUser> users, HouseholdMatching matching, TerritoryCatalog territory, TimeProvider clock)
    : PageModel
{
    public const int Considered = 60;
    public const int Shown = 20;
    public const double NearKm = 30;

    public sealed record Row(string Title, string Link, DateTimeOffset StartsAt, string? Place, double? DistanceKm);

    public IReadOnlyList<Row> Events { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var welcomeCase = await db.CaseOf(users.GetUserId(User)).AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        if (welcomeCase is null)
        {
            return Redirect("/mon-espace");
        }
        var now = clock.GetUtcNow();
        var events = await db.ContentItems
            .Where(c => c.Type == ContentType.Event && c.Status == ContentStatus.Published && c.PublishAt <= now && (c.EndsAt ?? c.StartsAt) >= now)
            .OrderBy(c => c.StartsAt).Take(Considered)
            .Select(c => new
            {
                c.Slug, c.StartsAt, c.CommuneId, c.Venue,
                Title = c.Translations.Where(t => t.Language == "fr").Select(t => t.Title).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var places = (await matching.ProfileAsync(welcomeCase.Project, cancellationToken)).Places;
        var communes = (await territory.GetAsync(cancellationToken)).Communes.ToDictionary(c => c.Id);
        Events = events
            .Select(e =>
            {
                var commune = e.CommuneId is { } id ? communes.GetValueOrDefault(id) : null;
                double? distance = commune is null || places.Count == 0 ? null
                    : places.Min(p => GeoDistance.Kilometres(p.Latitude, p.Longitude, commune.Latitude, commune.Longitude));
                return new Row(e.Title ?? e.Slug, SiteLinks.ContentPath(ContentType.Event, e.Slug), e.StartsAt!.Value, commune?.Name ?? e.Venue, distance);
            })
            .OrderBy(e => e.DistanceKm is <= NearKm ? 0 : 1).ThenBy(e => e.StartsAt)
            .Take(Shown)
            .ToList();
        return Page();
    }
}
