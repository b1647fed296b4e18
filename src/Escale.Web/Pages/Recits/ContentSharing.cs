using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Escale.Core.Content;
using Escale.Web.Infrastructure.Localization;

namespace Escale.Web.Pages.Recits;

/// <summary>
/// What a shared or indexed content page says about itself: schema.org JSON-LD (Article, with the Organization of a
/// company story or the Place of a quality-of-life page; or Event with its Place and organiser), written into a <c>&lt;script type="application/ld+json"&gt;</c> data block that CSP does not run.
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
            AddImage(node, article, url);
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
            AddImage(node, article, url);
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
            // A company story is about an employer, a quality-of-life page about a place: each gets its own node, which
            // the article points at, so that search engines read the Organization or Place as a thing, not a string.
            if (draft.Type == ContentType.CompanyStory)
            {
                var organization = Organization(article, url, description);
                node["about"] = new JsonObject { ["@id"] = organization["@id"]!.GetValue<string>() };
                return new JsonArray(node, organization).ToJsonString(Options);
            }
            if (draft.Type == ContentType.QualityOfLife && article.PlaceName is not null)
            {
                var place = Place(article.PlaceName, url + "#lieu", null, null, null);
                node["about"] = new JsonObject { ["@id"] = url + "#lieu" };
                return new JsonArray(node, place).ToJsonString(Options);
            }
        }
        return node.ToJsonString(Options);
    }

    /// <summary>
    /// A schema.org Place for a commune or an intercommunality: its name, a French address, and its centre when known.
    /// Used by quality-of-life pages and by the commune pages.
    /// </summary>
    public static JsonObject Place(string name, string id, string? url, (double Latitude, double Longitude)? centre, string? containedIn)
    {
        var place = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "Place",
            ["@id"] = id,
            ["name"] = name,
            ["address"] = new JsonObject { ["@type"] = "PostalAddress", ["addressLocality"] = name, ["addressCountry"] = "FR" },
        };
        if (url is not null)
        {
            place["url"] = url;
        }
        if (centre is { } c)
        {
            place["geo"] = new JsonObject { ["@type"] = "GeoCoordinates", ["latitude"] = c.Latitude, ["longitude"] = c.Longitude };
        }
        if (containedIn is not null)
        {
            place["containedInPlace"] = new JsonObject { ["@type"] = "AdministrativeArea", ["name"] = containedIn };
        }
        return place;
    }

    /// <summary>The commune page's JSON-LD: the commune as a Place.</summary>
    public static string PlaceJsonLd(string name, string url, double latitude, double longitude, string? containedIn) =>
        Place(name, url + "#lieu", url, (latitude, longitude), containedIn).ToJsonString(Options);

    // A company story has no separate name field: editors title it with the company's name, which is what is shared.
    /// <summary>The lead image as search engines want it for rich results: an absolute address, with its size and text.</summary>
    private static void AddImage(JsonObject node, ContentArticle article, string url)
    {
        if (article.Image is { } image)
        {
            node["image"] = new JsonObject
            {
                ["@type"] = "ImageObject",
                ["url"] = new Uri(new Uri(url), image.LargestJpeg).AbsoluteUri,
                ["width"] = image.Width,
                ["height"] = image.Height,
                ["caption"] = image.Alt,
            };
        }
    }

    private static JsonObject Organization(ContentArticle article, string url, string? description)
    {
        var organization = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "Organization",
            ["@id"] = url + "#organisation",
            ["name"] = article.Text.Title,
            ["description"] = description,
        };
        if (!string.IsNullOrWhiteSpace(article.Draft.Website))
        {
            organization["url"] = article.Draft.Website;
        }
        if (article.PlaceName is not null)
        {
            organization["address"] = new JsonObject { ["@type"] = "PostalAddress", ["addressLocality"] = article.PlaceName, ["addressCountry"] = "FR" };
        }
        return organization;
    }
}
