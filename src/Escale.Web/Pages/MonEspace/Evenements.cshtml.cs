using Escale.Core.Content;
using Escale.Core.Data;
using Escale.Core.Identity;
using Escale.Core.Territories;
using Escale.Core.WelcomeNetworks;
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
public sealed class EvenementsModel(
    EscaleDbContext db, UserManager<ApplicationUser> users, HouseholdMatching matching, TerritoryCatalog territory, WelcomeNetworkDirectory network, TimeProvider clock)
    : PageModel
{
    public const int Considered = 60;
    public const int Shown = 20;
    public const double NearKm = 30;

    public sealed record Row(string Title, string Link, DateTimeOffset StartsAt, string? Place, double? DistanceKm);

    public sealed record RegistrationRow(int EventId, string Title, DateTimeOffset StartsAt, string Place, int Persons, RegistrationStatus Status);

    public IReadOnlyList<Row> Events { get; private set; } = [];

    /// <summary>The household's registrations to newcomer events still to come, shown first.</summary>
    public IReadOnlyList<RegistrationRow> Registrations { get; private set; } = [];

    /// <summary>The coming newcomer events the household has not registered to.</summary>
    public IReadOnlyList<DirectoryEvent> NewcomerEvents { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var welcomeCase = await db.CaseOf(users.GetUserId(User)).AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        if (welcomeCase is null)
        {
            return Redirect("/mon-espace");
        }
        var now = clock.GetUtcNow();
        var userId = users.GetUserId(User);
        Registrations = await db.NewcomerEventRegistrations.AsNoTracking()
            .Where(r => r.UserId == userId && r.Event!.EndsAt >= now).OrderBy(r => r.Event!.StartsAt)
            .Select(r => new RegistrationRow(r.EventId, r.Event!.Title, r.Event.StartsAt, r.Event.Place, r.Persons, r.Status))
            .ToListAsync(cancellationToken);
        var registered = Registrations.Select(r => r.EventId).ToHashSet();
        NewcomerEvents = [.. (await network.NextEventsAsync(now, take: 10, cancellationToken: cancellationToken)).Where(e => !registered.Contains(e.Id))];
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
