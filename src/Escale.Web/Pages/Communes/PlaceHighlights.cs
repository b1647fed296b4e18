using System.Globalization;
using Escale.Core.Content;
using Escale.Core.Data;
using Escale.Core.Opportunities;
using Escale.Web.Infrastructure.Links;
using Escale.Web.Pages.Recits;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Communes;

/// <summary>
/// What is happening in a place, for the « Vivre à … » sections: the open offers, the latest stories and the coming events
/// of a set of communes (a commune and those around it, or an intercommunality's communes). Three small queries, newest
/// or soonest first, each bounded.
/// </summary>
public sealed class PlaceHighlights(EscaleDbContext db, TimeProvider clock, PlaceCache cache)
{
    public const int OffersShown = 5;
    public const int StoriesShown = 3;
    public const int EventsShown = 3;

    public sealed record OfferRow(int Id, string Title, string Link, OpportunityKind Kind, int CommuneId, double Latitude, double Longitude);

    public sealed record ContentRow(string Title, string Link, DateTimeOffset? StartsAt, int? CommuneId);

    /// <summary>The first offers and how many are open in all; the stories and events in the reader's language when translated.</summary>
    public sealed record Result(IReadOnlyList<OfferRow> Offers, int OfferCount, IReadOnlyList<ContentRow> Stories, IReadOnlyList<ContentRow> Events);

    /// <summary>The commune and the communes whose centre is within <paramref name="km"/> of its own.</summary>
    public static List<int> Around(IEnumerable<Infrastructure.Territory.TerritoryCatalog.CommuneSummary> communes, Infrastructure.Territory.TerritoryCatalog.CommuneSummary commune, double km) =>
        communes.Where(c => c.Id == commune.Id || Core.Territories.GeoDistance.Kilometres(commune.Latitude, commune.Longitude, c.Latitude, c.Longitude) <= km)
            .Select(c => c.Id).ToList();

    public Task<Result> ForAsync(IReadOnlyCollection<int> communeIds, CancellationToken cancellationToken) =>
        cache.GetAsync($"highlights:{CultureInfo.CurrentUICulture.TwoLetterISOLanguageName}:{string.Join(',', communeIds.Order())}",
            () => LoadAsync(communeIds, cancellationToken));

    private async Task<Result> LoadAsync(IReadOnlyCollection<int> communeIds, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var open = db.Opportunities.AsNoTracking().OpenAt(now).Where(o => communeIds.Contains(o.CommuneId));
        var offers = await open
            .OrderByDescending(o => o.PublishedAt).ThenByDescending(o => o.Id)
            .Take(OffersShown)
            .Select(o => new { o.Id, o.Title, o.Slug, o.Kind, o.CommuneId, o.Latitude, o.Longitude })
            .ToListAsync(cancellationToken);
        var offerCount = offers.Count < OffersShown ? offers.Count : await open.CountAsync(cancellationToken);

        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "fr";
        var items = db.ContentItems.AsNoTracking().Public(now).Where(c => c.CommuneId != null && communeIds.Contains(c.CommuneId.Value));
        var stories = await WithTitle(items.Where(c => c.Type != ContentType.Event).OrderByDescending(c => c.PublishedAt).Take(StoriesShown), language)
            .ToListAsync(cancellationToken);
        var events = await WithTitle(
                items.Where(c => c.Type == ContentType.Event && (c.EndsAt ?? c.StartsAt) >= now).OrderBy(c => c.StartsAt).Take(EventsShown), language)
            .ToListAsync(cancellationToken);

        return new Result(
            offers.Select(o => new OfferRow(o.Id, o.Title, SiteLinks.OpportunityPath(o.Id, o.Slug), o.Kind, o.CommuneId, o.Latitude, o.Longitude)).ToList(),
            offerCount,
            stories.Select(s => s.Row(s.Type)).ToList(),
            events.Select(e => e.Row(e.Type)).ToList());
    }

    private static IQueryable<Titled> WithTitle(IQueryable<ContentItem> items, string language) =>
        items.Select(c => new Titled(
            c.Type,
            c.Slug,
            c.Translations.Where(t => t.Language == language).Select(t => t.Title).FirstOrDefault()
                ?? c.Translations.Where(t => t.Language == "fr").Select(t => t.Title).FirstOrDefault(),
            c.StartsAt,
            c.CommuneId));

    private sealed record Titled(ContentType Type, string Slug, string? Title, DateTimeOffset? StartsAt, int? CommuneId)
    {
        public ContentRow Row(ContentType type) => new(Title ?? Slug, SiteLinks.ContentPath(type, Slug), StartsAt, CommuneId);
    }
}

/// <summary>
/// The « offers, stories and events » part of a place's page. <paramref name="Scope"/> completes "offres ouvertes …"
/// ("à moins de 15 km", "dans l’intercommunalité"); the links go to the listings filtered on the place's area.
/// </summary>
public sealed record PlaceHighlightsView(PlaceHighlights.Result Result, string Scope, string OffersLink, string AreaName, string StoriesLink, string EventsLink);
