using System.Globalization;
using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using Escale.Core.Content;
using Escale.Core.Data;
using Escale.Core.Opportunities;
using Escale.Web.Infrastructure.Caching;
using Escale.Web.Infrastructure.Links;
using Escale.Web.Infrastructure.Localization;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Recits;

/// <summary>
/// The content as machines read it: RSS and Atom feeds (filtered like the listings: <c>profil</c>, <c>theme</c>,
/// <c>type</c>, <c>intercommunalite</c>) and iCalendar for events.
/// </summary>
public static class ContentFeedEndpoints
{
    public const int FeedSize = 50;
    private static readonly string ParisZone = ParisTime.Zone.Id;

    private static readonly ContentType[] AllTypes = Enum.GetValues<ContentType>();

    public static IEndpointRouteBuilder MapContentFeeds(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/recits/flux.rss", (HttpRequest request, EscaleDbContext db, SiteLinks links, TimeProvider clock, CancellationToken ct) =>
            FeedAsync(request, db, links, clock, atom: false, ct)).CacheOutput(PublicPageCache.Policy).ExcludeFromDescription();
        endpoints.MapGet("/recits/flux.atom", (HttpRequest request, EscaleDbContext db, SiteLinks links, TimeProvider clock, CancellationToken ct) =>
            FeedAsync(request, db, links, clock, atom: true, ct)).CacheOutput(PublicPageCache.Policy).ExcludeFromDescription();
        endpoints.MapGet("/evenements/calendrier.ics", CalendarAsync).CacheOutput(PublicPageCache.Policy).ExcludeFromDescription();
        endpoints.MapGet("/evenements/{slug}.ics", EventCalendarAsync).CacheOutput(PublicPageCache.Policy).ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> FeedAsync(HttpRequest request, EscaleDbContext db, SiteLinks links, TimeProvider clock, bool atom, CancellationToken ct)
    {
        if (!ContentQueryString.TryParse(request.Query, AllTypes, out var filter, out var error))
        {
            return Results.Text(error, "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
        }
        var now = clock.GetUtcNow();
        var query = db.ContentItems.AsNoTracking().Public(now);
        if (filter.Type is { } type) { query = query.Where(c => c.Type == type); }
        if (filter.Persona is { } persona) { query = query.Where(c => c.Personas.Any(p => p.PersonaSlug == persona)); }
        if (filter.Theme is { } theme) { query = query.Where(c => c.Themes.Any(t => t.Theme == theme)); }
        if (filter.Intercommunality is { } epci)
        {
            query = query.Where(c => (c.Intercommunality != null && c.Intercommunality.Slug == epci)
                || (c.Commune != null && c.Commune.Intercommunality!.Slug == epci));
        }
        var ids = await query.OrderByDescending(c => c.PublishAt).ThenByDescending(c => c.Id).Select(c => c.Id).Take(FeedSize).ToListAsync(ct);
        var cards = await ContentListing.CardsAsync(db, ids, ct);

        var listing = links.Absolute("/recits" + ContentQueryString.ToQueryString(filter with { Page = 1 }, 1));
        var self = links.Absolute(request.Path + ContentQueryString.ToQueryString(filter with { Page = 1 }, 1));
        var feed = new SyndicationFeed("Escale — Récits" + await DescribeAsync(db, filter, ct), "Les derniers récits, événements et pages publiés sur Escale.", new Uri(listing))
        {
            Id = self,
            Language = "fr-FR",
            LastUpdatedTime = cards.Count > 0 ? cards.Max(c => c.UpdatedAt) : now,
            Items = [.. cards.Select(card =>
            {
                var url = links.Absolute(card.Path);
                return new SyndicationItem(card.Title, card.Summary ?? "", new Uri(url), url, card.UpdatedAt) { PublishDate = card.PublishAt };
            })],
        };
        feed.Links.Add(new SyndicationLink(new Uri(self)) { RelationshipType = "self", MediaType = atom ? "application/atom+xml" : "application/rss+xml" });
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            if (atom)
            {
                new Atom10FeedFormatter(feed).WriteTo(writer);
            }
            else
            {
                new Rss20FeedFormatter(feed, serializeExtensionsAsAtom: false).WriteTo(writer);
            }
        }
        return Results.Bytes(buffer.ToArray(), atom ? "application/atom+xml; charset=utf-8" : "application/rss+xml; charset=utf-8");
    }

    /// <summary>" — Jeunes — Nature": what the feed is filtered on, for its title.</summary>
    private static async Task<string> DescribeAsync(EscaleDbContext db, ContentFilter filter, CancellationToken ct)
    {
        var parts = new List<string>();
        if (filter.Type is { } type) { parts.Add(ContentLabels.Of(type)); }
        if (filter.Persona is { } persona)
        {
            var entry = await db.Personas.AsNoTracking().Where(p => p.Slug == persona).Select(p => p.Entry).FirstOrDefaultAsync(ct);
            parts.Add(entry?.Fr ?? persona);
        }
        if (filter.Theme is { } theme) { parts.Add(ContentLabels.Of(theme)); }
        if (filter.Intercommunality is { } epci)
        {
            parts.Add(await db.Intercommunalities.Where(e => e.Slug == epci).Select(e => e.Name).FirstOrDefaultAsync(ct) ?? epci);
        }
        return string.Concat(parts.Select(p => " — " + p));
    }

    private sealed record EventRow(int Id, string Slug, DateTimeOffset StartsAt, DateTimeOffset? EndsAt, DateTimeOffset UpdatedAt,
        string? Venue, string? Organiser, string? Place, string Title, string? Summary);

    /// <summary>Published events, filtered by <paramref name="which"/> before the projection (EF cannot filter on a record's constructor).</summary>
    private static IQueryable<EventRow> Events(EscaleDbContext db, DateTimeOffset now, Func<IQueryable<ContentItem>, IQueryable<ContentItem>> which) =>
        which(db.ContentItems.AsNoTracking().Public(now).Where(c => c.Type == ContentType.Event && c.StartsAt != null))
            .Select(c => new EventRow(c.Id, c.Slug, c.StartsAt!.Value, c.EndsAt, c.UpdatedAt, c.Venue, c.Organiser,
                c.Commune != null ? c.Commune.Name : c.Intercommunality != null ? c.Intercommunality.Name : null,
                c.Translations.Where(t => t.Language == ContentDraft.French).Select(t => t.Title).FirstOrDefault() ?? c.Slug,
                c.Translations.Where(t => t.Language == ContentDraft.French).Select(t => t.Summary).FirstOrDefault()));

    private static async Task<IResult> CalendarAsync(EscaleDbContext db, SiteLinks links, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var events = await Events(db, now, items => items.Where(c => (c.EndsAt ?? c.StartsAt) >= now).OrderBy(c => c.StartsAt).ThenBy(c => c.Id).Take(1000))
            .ToListAsync(ct);
        return Ics(events, links, "calendrier.ics", attachment: false);
    }

    private static async Task<IResult> EventCalendarAsync(string slug, EscaleDbContext db, SiteLinks links, TimeProvider clock, CancellationToken ct)
    {
        var row = await Events(db, clock.GetUtcNow(), items => items.Where(c => c.Slug == slug)).FirstOrDefaultAsync(ct);
        return row is null ? Results.NotFound() : Ics([row], links, slug + ".ics", attachment: true);
    }

    private static IResult Ics(IReadOnlyList<EventRow> events, SiteLinks links, string fileName, bool attachment)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//Escale//Evenements//FR" };
        calendar.AddTimeZone(ParisZone);
                foreach (var e in events)
        {
            var url = links.Content(ContentType.Event, e.Slug);
            var vevent = new CalendarEvent
            {
                // The id, not the slug: an edited title must update the visitor's copy, not add a second event.
                Uid = $"evenement-{e.Id.ToString(CultureInfo.InvariantCulture)}@{links.Host}",
                Summary = e.Title,
                Description = string.Join("\n\n", new[] { e.Summary, e.Organiser is { } o ? "Organisé par " + o : null, url }.Where(s => !string.IsNullOrWhiteSpace(s))),
                Location = string.Join(", ", new[] { e.Venue, e.Place }.Where(s => !string.IsNullOrWhiteSpace(s))),
                Url = new Uri(url),
                DtStart = Paris(e.StartsAt),
                DtStamp = new CalDateTime(e.UpdatedAt.UtcDateTime, true),
            };
            if (e.EndsAt is { } ends)
            {
                vevent.DtEnd = Paris(ends);
            }
            calendar.Events.Add(vevent);
        }
        var text = new CalendarSerializer().SerializeToString(calendar) ?? "";
        var bytes = new UTF8Encoding(false).GetBytes(text);
        return attachment
            ? Results.File(bytes, "text/calendar; charset=utf-8", fileName)
            : Results.Bytes(bytes, "text/calendar; charset=utf-8");
    }

    private static CalDateTime Paris(DateTimeOffset utc) => new(ParisTime.ToLocal(utc), ParisZone, true);
}
