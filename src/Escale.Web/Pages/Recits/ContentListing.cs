using System.Globalization;
using Escale.Core.Content;
using Escale.Core.Data;
using Escale.Web.Infrastructure.Links;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Recits;

/// <summary>One item in a listing: enough for a card and a feed entry.</summary>
public sealed record ContentCard(
    int Id, ContentType Type, string Slug, string Title, string? Summary, string TextLanguage, bool Featured,
    DateTimeOffset PublishAt, DateTimeOffset UpdatedAt, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, string? PlaceName)
{
    public string Path => SiteLinks.ContentPath(Type, Slug);

    /// <summary>The item's lead image, on the cards that show one (the home and persona pages' highlights); null otherwise.</summary>
    public LeadPicture? Image { get; init; }
}

public sealed record FacetCount(string Value, string Label, int Count);

/// <summary>What a visitor asked a listing for: every part optional; dates bound events (inclusive start, exclusive end).</summary>
public sealed record ContentFilter
{
    public ContentType? Type { get; init; }
    public string? Persona { get; init; }
    public ContentTheme? Theme { get; init; }
    public string? Intercommunality { get; init; }
    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? Until { get; init; }
    /// <summary>Keeps only the events not over at this instant, leaving other types alone (the map of stories and events).</summary>
    public DateTimeOffset? EventsFrom { get; init; }
    public int Page { get; init; } = 1;
}

public sealed record ContentListingResult(
    IReadOnlyList<ContentCard> Items, int Total, int Page, int PageCount, IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Facets);

/// <summary>
/// Published items of some types, filtered by facets, with counts per facet value (each facet's counts ignore its own
/// choice, so the visitor sees what changing it would give). Filters and counts run in memory over
/// <see cref="ContentFacets"/>, in one pass; only the page's cards read their texts from the database.
/// </summary>
public static class ContentListing
{
    public const int PageSize = 12;

    public static readonly IReadOnlyList<(ContentType Type, string Value)> TypeValues =
        [(ContentType.Portrait, "portrait"), (ContentType.CompanyStory, "pepite"), (ContentType.News, "actualite"),
         (ContentType.Event, "evenement"), (ContentType.QualityOfLife, "vivre-ici")];

    public static readonly IReadOnlyList<(ContentTheme Theme, string Value)> ThemeValues =
        [(ContentTheme.Nature, "nature"), (ContentTheme.Heritage, "patrimoine"), (ContentTheme.Sport, "sport"), (ContentTheme.Health, "sante"),
         (ContentTheme.Schools, "ecoles"), (ContentTheme.Childcare, "petite-enfance"), (ContentTheme.Mobility, "mobilite"),
         (ContentTheme.Housing, "logement"), (ContentTheme.Broadband, "tres-haut-debit"), (ContentTheme.Culture, "culture")];

    private static readonly StringComparer FrenchOrder = StringComparer.Create(CultureInfo.GetCultureInfo("fr-FR"), false);

    public static string ValueOf(ContentType type) => TypeValues.First(t => t.Type == type).Value;

    public static string ValueOf(ContentTheme theme) => ThemeValues.First(t => t.Theme == theme).Value;

    /// <summary>"Publié": published, and its publication time has come.</summary>
    public static IQueryable<ContentItem> Public(this IQueryable<ContentItem> items, DateTimeOffset now) =>
        items.Where(c => c.Status == ContentStatus.Published && (c.PublishAt == null || c.PublishAt <= now));

    public static async Task<ContentListingResult> SearchAsync(
        EscaleDbContext db, ContentFacets index, IReadOnlyList<ContentType> types, ContentFilter filter, DateTimeOffset now, bool eventsByDate,
        CancellationToken cancellationToken, int pageSize = PageSize)
    {
        var epciId = filter.Intercommunality is { } slug ? index.Intercommunalities.FirstOrDefault(e => e.Slug == slug)?.Id ?? -1 : (int?)null;
        var typeCounts = new Dictionary<ContentType, int>();
        var personaCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        var themeCounts = new Dictionary<ContentTheme, int>();
        var epciCounts = new Dictionary<int, int>();
        var matching = new List<ContentFacetRow>();
        foreach (var r in index.Rows)
        {
            if (!r.IsPublicAt(now) || !types.Contains(r.Type)
                // An event is in a period when it ends (or, without an end, starts) at or after its start, and starts before its end.
                || (filter.From is { } from && !(r.OverAt >= from))
                || (filter.Until is { } until && !(r.StartsAt < until))
                // Events already over are left out when the caller asks for those still to come.
                || (filter.EventsFrom is { } eventsFrom && r.Type == ContentType.Event && !(r.OverAt >= eventsFrom)))
            {
                continue;
            }
            var typeOk = filter.Type is null || r.Type == filter.Type;
            var personaOk = filter.Persona is null || r.Personas.Contains(filter.Persona, StringComparer.Ordinal);
            var themeOk = filter.Theme is null || r.Themes.Contains(filter.Theme.Value);
            var epciOk = epciId is null || r.IntercommunalityId == epciId;
            var failed = (typeOk ? 0 : 1) + (personaOk ? 0 : 1) + (themeOk ? 0 : 1) + (epciOk ? 0 : 1);
            if (failed > 1)
            {
                continue;
            }
            // A row failing one filter only still counts in that filter's facet: choosing another value there would show it.
            if (personaOk && themeOk && epciOk) { Increment(typeCounts, r.Type); }
            if (typeOk && themeOk && epciOk) { foreach (var p in r.Personas) { Increment(personaCounts, p); } }
            if (typeOk && personaOk && epciOk) { foreach (var t in r.Themes) { Increment(themeCounts, t); } }
            if (typeOk && personaOk && themeOk && r.IntercommunalityId is { } epci) { Increment(epciCounts, epci); }
            if (failed == 0)
            {
                matching.Add(r);
            }
        }

        var facets = new Dictionary<string, IReadOnlyList<FacetCount>>(StringComparer.Ordinal)
        {
            ["type"] = [.. TypeValues.Where(t => types.Contains(t.Type))
                .Select(t => new FacetCount(t.Value, ContentLabels.Of(t.Type), typeCounts.GetValueOrDefault(t.Type)))],
            ["persona"] = [.. index.Personas
                .Select(p => new FacetCount(p.Slug, p.Entry.Current, personaCounts.GetValueOrDefault(p.Slug)))],
            ["theme"] = [.. ThemeValues
                .Select(t => new FacetCount(t.Value, ContentLabels.Of(t.Theme), themeCounts.GetValueOrDefault(t.Theme)))],
            ["intercommunality"] = [.. index.Intercommunalities.OrderBy(e => e.Name, FrenchOrder)
                .Select(e => new FacetCount(e.Slug, e.Name, epciCounts.GetValueOrDefault(e.Id)))],
        };

        // The index is newest first already; events go by date.
        IEnumerable<ContentFacetRow> ordered = eventsByDate ? matching.OrderBy(r => r.StartsAt).ThenBy(r => r.Id) : matching;
        var pageCount = Math.Max(1, (int)((matching.Count + (long)pageSize - 1) / pageSize));
        var page = Math.Clamp(filter.Page, 1, pageCount);
        var ids = ordered.Skip((page - 1) * pageSize).Take(pageSize).Select(r => r.Id).ToList();
        var cards = await CardsAsync(db, ids, cancellationToken);
        return new ContentListingResult(cards, matching.Count, page, pageCount, facets);
    }

    private static void Increment<TKey>(Dictionary<TKey, int> counts, TKey key) where TKey : notnull =>
        counts[key] = counts.GetValueOrDefault(key) + 1;

    /// <summary>
    /// The home and persona pages' selection: featured items first, then the latest; events only while not over.
    /// </summary>
    public static async Task<IReadOnlyList<ContentCard>> HighlightsAsync(
        EscaleDbContext db, ContentFacets index, string? persona, int count, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var shown = index.Rows
            .Where(r => r.IsPublicAt(now) && (r.Type != ContentType.Event || r.OverAt >= now)
                && (persona is null || r.Personas.Contains(persona, StringComparer.Ordinal)));
        var ids = shown.Where(r => r.Featured).Concat(shown.Where(r => !r.Featured)).Take(count).Select(r => r.Id).ToList();
        var cards = await CardsAsync(db, ids, cancellationToken);
        var imageIds = await db.ContentItems.AsNoTracking().Where(c => ids.Contains(c.Id) && c.LeadImageId != null)
            .ToDictionaryAsync(c => c.Id, c => c.LeadImageId!.Value, cancellationToken);
        var pictures = await LeadPicture.LoadAsync(db, [.. imageIds.Values.Distinct()], cancellationToken);
        return [.. cards.Select(card => imageIds.TryGetValue(card.Id, out var imageId) && pictures.TryGetValue(imageId, out var picture)
            ? card with { Image = picture }
            : card)];
    }

    /// <summary>Cards for <paramref name="ids"/>, in that order, in the visitor's language (French when not translated).</summary>
    public static async Task<IReadOnlyList<ContentCard>> CardsAsync(EscaleDbContext db, IReadOnlyList<int> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }
        var wanted = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == ContentDraft.English ? ContentDraft.English : ContentDraft.French;
        var rows = await db.ContentItems.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new
            {
                c.Id, c.Type, c.Slug, c.Featured, c.PublishAt, c.UpdatedAt, c.StartsAt, c.EndsAt,
                Place = c.Commune != null ? c.Commune.Name : c.Intercommunality != null ? c.Intercommunality.Name : null,
                Texts = c.Translations.Where(t => t.Language == wanted || t.Language == ContentDraft.French)
                    .Select(t => new { t.Language, t.Title, t.Summary }).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var byId = rows.ToDictionary(r => r.Id);
        return [.. ids.Where(byId.ContainsKey).Select(id =>
        {
            var r = byId[id];
            var text = r.Texts.FirstOrDefault(t => t.Language == wanted && t.Title.Length > 0) ?? r.Texts.FirstOrDefault(t => t.Language == ContentDraft.French);
            return new ContentCard(r.Id, r.Type, r.Slug, text?.Title ?? r.Slug, text?.Summary, text?.Language ?? ContentDraft.French, r.Featured,
                r.PublishAt ?? r.UpdatedAt, r.UpdatedAt, r.StartsAt, r.EndsAt, r.Place);
        })];
    }
}
