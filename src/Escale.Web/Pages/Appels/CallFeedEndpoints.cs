using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using Escale.Core.Calls;
using Escale.Core.Data;
using Escale.Web.Infrastructure.Links;
using Microsoft.Extensions.Caching.Memory;

namespace Escale.Web.Pages.Appels;

/// <summary>The public calls as an Atom feed (<c>/appels/flux</c>), newest publication first; drafts never appear.</summary>
public static class CallFeedEndpoints
{
    public const int FeedSize = 50;

    public static IEndpointRouteBuilder MapCallFeed(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/appels/flux", FeedAsync).ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> FeedAsync(EscaleDbContext db, IMemoryCache cache, CallsDataVersion version, SiteLinks links, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var calls = (await PublicCalls.ListAsync(db, cache, version, ct))
            .Where(c => c.PhaseAt(now) != CallPhase.Draft)
            .OrderByDescending(c => c.PublishedAt).ThenByDescending(c => c.Id).Take(FeedSize).ToList();
        var self = links.Absolute("/appels/flux");
        var feed = new SyndicationFeed("Escale — Appels à projets et concours", "Les appels à projets et concours de création d’entreprise publiés sur Escale.",
            new Uri(links.Absolute("/appels")))
        {
            Id = self,
            Language = "fr-FR",
            LastUpdatedTime = calls.Count > 0 ? calls.Max(c => c.UpdatedAt) : now,
            Items = [.. calls.Select(call =>
            {
                var url = links.Call(call.Slug);
                var summary = $"{CallLabels.Of(call.Kind)} — {call.Summary} Date limite : {Infrastructure.Localization.ParisTime.LongDateTime(call.ClosesAt)}.";
                return new SyndicationItem(call.Title, summary, new Uri(url), url, call.UpdatedAt) { PublishDate = call.PublishedAt!.Value };
            })],
        };
        feed.Links.Add(new SyndicationLink(new Uri(self)) { RelationshipType = "self", MediaType = "application/atom+xml" });
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            new Atom10FeedFormatter(feed).WriteTo(writer);
        }
        return Results.Bytes(buffer.ToArray(), "application/atom+xml; charset=utf-8");
    }
}
