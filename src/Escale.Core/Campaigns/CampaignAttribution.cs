namespace Escale.Core.Campaigns;

/// <summary>
/// Which campaign brought a visitor, as kept in two first-party cookies: the first campaign seen (never replaced while
/// the cookie lives) and the last one (replaced by each new campaign visit). A cookie's value is the campaign's slug,
/// followed by "_" and the link's code when the visit came through a tracked link: "salon-2026_k7pq3xm".
/// </summary>
public static class CampaignAttribution
{
    public const string LastTouchCookie = "escale_campagne";
    public const string FirstTouchCookie = "escale_campagne_premiere";
    public static readonly TimeSpan CookieLifetime = TimeSpan.FromDays(90);
    public const int UtmMaxLength = 100;
    public const int ValueMaxLength = 50;

    public sealed record Touch(string Slug, string? LinkCode);

    public static string Format(string slug, string? linkCode) => linkCode is null ? slug : slug + "_" + linkCode;

    /// <summary>A cookie or stored value read back; null when it cannot be one of ours (altered by hand, too long).</summary>
    public static Touch? Parse(string? value)
    {
        value = value?.Trim();
        if (value is not { Length: > 0 and <= ValueMaxLength } || !value.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_'))
        {
            return null;
        }
        var separator = value.IndexOf('_', StringComparison.Ordinal);
        if (separator < 0)
        {
            return CampaignRules.SlugRefusal(value) is null ? new Touch(value, null) : null;
        }
        var slug = value[..separator];
        var code = ShortCode.Normalize(value[(separator + 1)..]);
        return CampaignRules.SlugRefusal(slug) is null && code is not null ? new Touch(slug, code) : null;
    }

    /// <summary>
    /// The cookie values after a campaign visit: last-touch always becomes the new visit; first-touch stays as it was
    /// when it holds a valid value, and is the new visit otherwise.
    /// </summary>
    public static (string First, string Last) AfterVisit(string? currentFirst, string visit) =>
        (Parse(currentFirst) is not null ? currentFirst!.Trim() : visit, visit);

    /// <summary>
    /// Crawlers and link previewers (a post on a network is fetched by the network's robot before anyone clicks): their
    /// visits are not counted. A coarse test on the user agent, which is read here and never stored.
    /// </summary>
    public static bool IsBot(string? userAgent) =>
        string.IsNullOrWhiteSpace(userAgent)
        || BotMarkers.Any(marker => userAgent.Contains(marker, StringComparison.OrdinalIgnoreCase));

    private static readonly string[] BotMarkers =
    [
        "bot", "crawl", "spider", "slurp", "facebookexternalhit", "embedly", "preview", "curl/", "wget", "python-requests",
        "lighthouse", "monitor", "httpclient", "okhttp", "go-http-client", "java/", "libwww",
    ];

    /// <summary>A UTM value as stored: trimmed and shortened, null when blank.</summary>
    public static string? Utm(string? value)
    {
        value = value?.Trim();
        return string.IsNullOrEmpty(value) ? null : value.Length > UtmMaxLength ? value[..UtmMaxLength] : value;
    }
}
