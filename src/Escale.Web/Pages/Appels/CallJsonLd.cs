using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Escale.Core.Calls;
using Escale.Web.Pages.Recits;

namespace Escale.Web.Pages.Appels;

/// <summary>
/// The call page's schema.org JSON-LD. schema.org has no type for a call for projects: it is not an Event (nothing
/// happens at a place and time), and a MonetaryGrant is money granted to a known recipient, not an open call (its
/// <c>funding</c> property would say the grant paid for the page). So the call is a <c>CreativeWork</c> — the
/// published text of the call — with the properties that fit it: its publisher (the organiser), <c>expires</c> (the
/// deadline), its audience (a <c>PeopleAudience</c> with a youth call's age bounds, or the intercommunalities of a
/// residents' call) and its themes as keywords (https://schema.org/CreativeWork, checked with https://validator.schema.org).
/// </summary>
public static class CallJsonLd
{
    // The default encoder escapes <, >, & and quotes as \uXXXX whatever the allowed ranges, so "</script>" in a title
    // cannot close the element; allowing all ranges keeps French letters readable.
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static string Serialize(PublicCalls.CallPage page, string url, string siteName, string kindLabel)
    {
        var call = page.Call;
        var node = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "CreativeWork",
            ["name"] = call.Title,
            ["description"] = call.Summary,
            ["url"] = url,
            ["mainEntityOfPage"] = url,
            ["inLanguage"] = "fr",
            ["genre"] = kindLabel,
            ["datePublished"] = ContentSharing.Iso(call.PublishedAt!.Value),
            ["dateModified"] = ContentSharing.Iso(call.UpdatedAt),
            ["expires"] = ContentSharing.Iso(call.ClosesAt),
            ["publisher"] = new JsonObject { ["@type"] = "Organization", ["name"] = page.Organiser ?? siteName },
        };
        if (page.Themes.Count > 0)
        {
            node["keywords"] = string.Join(", ", page.Themes);
        }
        var audience = new JsonObject { ["@type"] = "PeopleAudience" };
        if (call.Audience == CallAudience.Youth)
        {
            audience["audienceType"] = "Jeunes";
            if (call.MinAge is { } min) { audience["suggestedMinAge"] = min; }
            if (call.MaxAge is { } max) { audience["suggestedMaxAge"] = max; }
        }
        else if (call.Audience == CallAudience.Residents && page.Intercommunalities.Count > 0)
        {
            audience["audienceType"] = "Habitants";
            audience["geographicArea"] = new JsonArray([.. page.Intercommunalities.Select(name => (JsonNode)new JsonObject
            {
                ["@type"] = "AdministrativeArea", ["name"] = name,
            })]);
        }
        else
        {
            audience["audienceType"] = "Tout public";
        }
        node["audience"] = audience;
        return node.ToJsonString(Options);
    }
}
