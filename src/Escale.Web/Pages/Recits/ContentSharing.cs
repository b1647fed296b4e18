using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Escale.Core.Content;
using Escale.Web.Infrastructure.Localization;

namespace Escale.Web.Pages.Recits;

/// <summary>
/// What a shared or indexed content page says about itself: schema.org JSON-LD (Article, or Event with its Place and
/// organiser), written into a <c>&lt;script type="application/ld+json"&gt;</c> data block that CSP does not run.
/// </summary>
public static class ContentSharing
{
    // The default encoder escapes <, >, & and quotes as \uXXXX whatever the allowed ranges, so "</script>" in a title
    // cannot close the element; allowing all ranges keeps French letters readable.
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    /// <summary>An instant as schema.org and Open Graph want it: ISO 8601 with the Paris offset, as the visitor reads it.</summary>
    public static string Iso(DateTimeOffset utc) =>
        TimeZoneInfo.ConvertTime(utc, ParisTime.Zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static string JsonLd(ContentArticle article, string url, string publisher)
    {
        var draft = article.Draft;
        var description = string.IsNullOrWhiteSpace(article.Text.Summary) ? article.Text.Title : article.Text.Summary;
        JsonObject node;
        if (draft.Type == ContentType.Event)
        {
            var place = new JsonObject { ["@type"] = "Place", ["name"] = draft.Venue ?? article.PlaceName ?? publisher };
            if (article.PlaceName is not null)
            {
                place["address"] = new JsonObject { ["@type"] = "PostalAddress", ["addressLocality"] = article.PlaceName, ["addressCountry"] = "FR" };
            }
            node = new JsonObject
            {
                ["@context"] = "https://schema.org",
                ["@type"] = "Event",
                ["name"] = article.Text.Title,
                ["description"] = description,
                ["url"] = url,
                ["eventAttendanceMode"] = "https://schema.org/OfflineEventAttendanceMode",
                ["eventStatus"] = "https://schema.org/EventScheduled",
                ["location"] = place,
            };
            if (draft.StartsAt is { } starts)
            {
                node["startDate"] = Iso(starts);
            }
            if (draft.EndsAt is { } ends)
            {
                node["endDate"] = Iso(ends);
            }
            if (!string.IsNullOrWhiteSpace(draft.Organiser))
            {
                node["organizer"] = new JsonObject { ["@type"] = "Organization", ["name"] = draft.Organiser };
            }
        }
        else
        {
            node = new JsonObject
            {
                ["@context"] = "https://schema.org",
                ["@type"] = draft.Type == ContentType.News ? "NewsArticle" : "Article",
                ["headline"] = article.Text.Title,
                ["description"] = description,
                ["url"] = url,
                ["mainEntityOfPage"] = url,
                ["inLanguage"] = article.TextLanguage,
                ["publisher"] = new JsonObject { ["@type"] = "Organization", ["name"] = publisher },
            };
            if (article.PublishAt is { } published)
            {
                node["datePublished"] = Iso(published);
            }
            if (article.UpdatedAt is { } updated)
            {
                node["dateModified"] = Iso(updated);
            }
            if (article.PlaceName is not null)
            {
                node["contentLocation"] = new JsonObject { ["@type"] = "Place", ["name"] = article.PlaceName };
            }
            if (draft.Type == ContentType.CompanyStory && !string.IsNullOrWhiteSpace(draft.Website))
            {
                node["about"] = new JsonObject { ["@type"] = "Organization", ["url"] = draft.Website };
            }
        }
        return node.ToJsonString(Options);
    }
}
