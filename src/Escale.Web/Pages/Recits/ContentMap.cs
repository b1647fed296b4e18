using Escale.Core.Content;
using Escale.Core.Data;
using Escale.Web.Infrastructure.Links;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Recits;

/// <summary>
/// The map of stories and events: published portraits, company stories and news, and events not yet over, filtered by
/// the listing's facets and grouped by place. An item placed in a commune sits on that commune; one placed only in an
/// intercommunality sits on the centre of its communes; one with no place is listed but not drawn.
/// </summary>
public static class ContentMap
{
    public static readonly ContentType[] Types = [ContentType.Portrait, ContentType.CompanyStory, ContentType.News, ContentType.Event];

    public sealed record Cluster(string Key, string Name, string Href, double Latitude, double Longitude, IReadOnlyList<ContentCard> Items);

    public sealed record Result(ContentListingResult Listing, IReadOnlyList<Cluster> Clusters, IReadOnlyList<ContentCard> Unplaced);

    public static async Task<Result> SearchAsync(EscaleDbContext db, ContentFacets index, ContentFilter filter, DateTimeOffset now, CancellationToken cancellationToken)
    {
        filter = filter with { EventsFrom = now, Page = 1 };
        // Every match, not a page: the map shows them all, and a territory's editorial output stays in the hundreds.
        var listing = await ContentListing.SearchAsync(db, index, Types, filter, now, eventsByDate: false, cancellationToken, pageSize: int.MaxValue);
        var ids = listing.Items.Select(c => c.Id).ToList();
        var places = await db.ContentItems.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.CommuneId, c.IntercommunalityId })
            .ToListAsync(cancellationToken);
        var communeIds = places.Where(p => p.CommuneId is not null).Select(p => p.CommuneId!.Value).Distinct().ToList();
        var epciIds = places.Where(p => p.CommuneId is null && p.IntercommunalityId is not null).Select(p => p.IntercommunalityId!.Value).Distinct().ToList();
        var communes = await db.Communes.AsNoTracking().Where(c => communeIds.Contains(c.Id))
            .Select(c => new { c.Id, c.InseeCode, c.Name, c.Slug, c.Latitude, c.Longitude })
            .ToDictionaryAsync(c => c.Id, cancellationToken);
        var epcis = (await db.Intercommunalities.AsNoTracking().Where(e => epciIds.Contains(e.Id))
            .Select(e => new { e.Id, e.Name, e.Slug, Centres = e.Communes.Select(c => new { c.Latitude, c.Longitude }).ToList() })
            .ToListAsync(cancellationToken))
            .Where(e => e.Centres.Count > 0)
            .ToDictionary(e => e.Id);

        var byId = places.ToDictionary(p => p.Id);
        var clusters = new Dictionary<string, (string Name, string Href, double Latitude, double Longitude, List<ContentCard> Items)>(StringComparer.Ordinal);
        var unplaced = new List<ContentCard>();
        foreach (var card in listing.Items)
        {
            var place = byId.GetValueOrDefault(card.Id);
            string key;
            if (place?.CommuneId is { } communeId && communes.TryGetValue(communeId, out var commune))
            {
                key = "commune-" + commune.InseeCode;
                if (!clusters.ContainsKey(key))
                {
                    clusters[key] = (commune.Name, SiteLinks.CommunePath(commune.InseeCode, commune.Slug), commune.Latitude, commune.Longitude, []);
                }
            }
            else if (place?.CommuneId is null && place?.IntercommunalityId is { } epciId && epcis.TryGetValue(epciId, out var epci))
            {
                key = "intercommunalite-" + epci.Slug;
                if (!clusters.ContainsKey(key))
                {
                    clusters[key] = (epci.Name, SiteLinks.IntercommunalityPath(epci.Slug),
                        epci.Centres.Average(c => c.Latitude), epci.Centres.Average(c => c.Longitude), []);
                }
            }
            else
            {
                unplaced.Add(card);
                continue;
            }
            clusters[key].Items.Add(card);
        }
        var french = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), false);
        return new Result(listing,
            [.. clusters.Select(c => new Cluster(c.Key, c.Value.Name, c.Value.Href, c.Value.Latitude, c.Value.Longitude, c.Value.Items))
                .OrderBy(c => c.Name, french)],
            unplaced);
    }
}
