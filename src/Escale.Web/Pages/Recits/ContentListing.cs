using System.Globalization;
using Escale.Core.Content;
using Escale.Core.Data;
using Escale.Core.Territories;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Recits;

/// <summary>One item in a listing: enough for a card and a feed entry.</summary>
public sealed record ContentCard(
    int Id, ContentType Type, string Slug, string Title, string? Summary, string TextLanguage, bool Featured,
    DateTimeOffset PublishAt, DateTimeOffset UpdatedAt, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, string? PlaceName)
{
    public string Path => ContentLabels.PathOf(Type, Slug);
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
/// choice, so the visitor sees what changing it would give). The facet columns of all matching items are small and read
/// once per request; only the page's cards read their texts.
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

    public static string ValueOf(ContentType type) => TypeValues.First(t => t.Type == type).Value;

    public static string ValueOf(ContentTheme theme) => ThemeValues.First(t => t.Theme == theme).Value;

    /// <summary>"Publié": published, and its publication time has come.</summary>
    public static IQueryable<ContentItem> Public(this IQueryable<ContentItem> items, DateTimeOffset now) =>
        items.Where(c => c.Status == ContentStatus.Published && (c.PublishAt == null || c.PublishAt <= now));

    private sealed record FacetRow(int Id, ContentType Type, int? IntercommunalityId, List<string> Personas, List<ContentTheme> Themes,
        bool Featured, DateTimeOffset? PublishAt, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt);

    public static async Task<ContentListingResult> SearchAsync(
        EscaleDbContext db, IReadOnlyList<ContentType> types, ContentFilter filter, DateTimeOffset now, bool eventsByDate, CancellationToken cancellationToken,
        int pageSize = PageSize)
    {
        var query = db.ContentItems.AsNoTracking().Public(now).Where(c => types.Contains(c.Type));
        if (filter.From is { } from)
        {
            // An event is in a period when it ends (or, without an end, starts) at or after its start…
            query = query.Where(c => (c.EndsAt ?? c.StartsAt) >= from);
        }
        if (filter.Until is { } until)
        {
            // …and starts before its end.
            query = query.Where(c => c.StartsAt < until);
        }
        if (filter.EventsFrom is { } eventsFrom)
        {
            query = query.Where(c => c.Type != ContentType.Event || (c.EndsAt ?? c.StartsAt) >= eventsFrom);
        }
        var rows = await query
            .Select(c => new FacetRow(c.Id, c.Type, c.IntercommunalityId ?? c.Commune!.IntercommunalityId,
                c.Personas.Select(p => p.PersonaSlug).ToList(), c.Themes.Select(t => t.Theme).ToList(),
                c.Featured, c.PublishAt, c.StartsAt, c.EndsAt))
            .AsSplitQuery()
            .ToListAsync(cancellationToken);

        var epcis = await db.Intercommunalities.AsNoTracking().Select(e => new { e.Id, e.Slug, e.Name }).ToListAsync(cancellationToken);
        var epciId = filter.Intercommunality is { } slug ? epcis.FirstOrDefault(e => e.Slug == slug)?.Id ?? -1 : (int?)null;
        var personas = await db.Personas.AsNoTracking().OrderBy(p => p.Id).Select(p => new { p.Slug, p.Entry }).ToListAsync(cancellationToken);

        bool Matches(FacetRow r, string except) =>
            (except == "type" || filter.Type is null || r.Type == filter.Type)
            && (except == "persona" || filter.Persona is null || r.Personas.Contains(filter.Persona))
            && (except == "theme" || filter.Theme is null || r.Themes.Contains(filter.Theme.Value))
            && (except == "intercommunality" || epciId is null || r.IntercommunalityId == epciId);

        var facets = new Dictionary<string, IReadOnlyList<FacetCount>>(StringComparer.Ordinal)
        {
            ["type"] = [.. TypeValues.Where(t => types.Contains(t.Type))
                .Select(t => new FacetCount(t.Value, ContentLabels.Of(t.Type), rows.Count(r => r.Type == t.Type && Matches(r, "type"))))],
            ["persona"] = [.. personas
                .Select(p => new FacetCount(p.Slug, p.Entry.Current, rows.Count(r => r.Personas.Contains(p.Slug) && Matches(r, "persona"))))],
            ["theme"] = [.. ThemeValues
                .Select(t => new FacetCount(t.Value, ContentLabels.Of(t.Theme), rows.Count(r => r.Themes.Contains(t.Theme) && Matches(r, "theme"))))],
            ["intercommunality"] = [.. epcis.OrderBy(e => e.Name, StringComparer.Create(CultureInfo.GetCultureInfo("fr-FR"), false))
                .Select(e => new FacetCount(e.Slug, e.Name, rows.Count(r => r.IntercommunalityId == e.Id && Matches(r, "intercommunality"))))],
        };

        var matching = rows.Where(r => Matches(r, ""));
        matching = eventsByDate
            ? matching.OrderBy(r => r.StartsAt).ThenBy(r => r.Id)
            : matching.OrderByDescending(r => r.PublishAt).ThenByDescending(r => r.Id);
        var all = matching.Select(r => r.Id).ToList();
        var pageCount = Math.Max(1, (int)((all.Count + (long)pageSize - 1) / pageSize));
        var page = Math.Clamp(filter.Page, 1, pageCount);
        var cards = await CardsAsync(db, all.Skip((page - 1) * pageSize).Take(pageSize).ToList(), cancellationToken);
        return new ContentListingResult(cards, all.Count, page, pageCount, facets);
    }

    /// <summary>
    /// The home and persona pages' selection: featured items first, then the latest; events only while not over.
    /// </summary>
    public static async Task<IReadOnlyList<ContentCard>> HighlightsAsync(EscaleDbContext db, string? persona, int count, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var query = db.ContentItems.AsNoTracking().Public(now)
            .Where(c => c.Type != ContentType.Event || (c.EndsAt ?? c.StartsAt) >= now);
        if (persona is not null)
        {
            query = query.Where(c => c.Personas.Any(p => p.PersonaSlug == persona));
        }
        var ids = await query.OrderByDescending(c => c.Featured).ThenByDescending(c => c.PublishAt).ThenByDescending(c => c.Id)
            .Select(c => c.Id).Take(count).ToListAsync(cancellationToken);
        return await CardsAsync(db, ids, cancellationToken);
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
