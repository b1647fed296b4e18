using System.Text.RegularExpressions;

namespace Escale.Core.Content;

public enum EmbedKind
{
    Video,
    Podcast,
}

/// <summary>
/// A video or podcast placed in a body by a line <c>::video URL [title]</c> or <c>::podcast URL [title]</c>. Only a
/// few providers are known; the URL is parsed down to an identifier and the player address rebuilt from it, so nothing
/// the author typed ever reaches an iframe's src. Pages show a placeholder; the player loads only on the visitor's click.
/// </summary>
/// <param name="PlayerUrl">What the iframe (or, for <see cref="IsAudio"/>, the audio element) loads after the click.</param>
/// <param name="WatchUrl">A plain link to the item on the provider's site, for visitors without JavaScript.</param>
public sealed partial record ContentEmbed(EmbedKind Kind, string Provider, string PlayerUrl, string WatchUrl, string? Title, bool IsAudio)
{
    /// <summary>The player origins a page may frame: the CSP's frame-src lists exactly these.</summary>
    public static readonly IReadOnlyList<string> FrameOrigins =
    [
        "https://www.youtube-nocookie.com", "https://player.vimeo.com", "https://www.dailymotion.com",
        "https://player.ausha.co", "https://w.soundcloud.com", "https://open.spotify.com",
    ];

    public const string UnknownProviderMessage =
        "Cette adresse n’est pas une vidéo YouTube, Vimeo ou Dailymotion, ni un podcast Ausha, SoundCloud, Spotify ou un fichier .mp3 en https : elle ne peut pas être intégrée.";

    /// <summary>"::video https://… Titre facultatif" on a line of its own.</summary>
    [GeneratedRegex(@"^::(video|podcast)[ \t]+(\S+)(?:[ \t]+(.+?))?[ \t]*$")]
    private static partial Regex Shortcode();

    /// <summary>Whether <paramref name="line"/> is a shortcode line (well-formed or not), and what it embeds if valid.</summary>
    public static bool IsShortcode(string line, out ContentEmbed? embed)
    {
        embed = null;
        var trimmed = line.Trim();
        if (!trimmed.StartsWith("::video", StringComparison.Ordinal) && !trimmed.StartsWith("::podcast", StringComparison.Ordinal))
        {
            return false;
        }
        var match = Shortcode().Match(trimmed);
        if (match.Success)
        {
            var kind = match.Groups[1].Value == "video" ? EmbedKind.Video : EmbedKind.Podcast;
            embed = Parse(kind, match.Groups[2].Value) is { } parsed
                ? parsed with { Title = match.Groups[3].Success ? match.Groups[3].Value : null }
                : null;
        }
        return true;
    }

    /// <summary>The shortcode lines of a Markdown body that cannot be embedded, outside fenced code.</summary>
    public static IReadOnlyList<string> Refused(string? markdown) =>
        [.. Lines(markdown).Where(l => l.IsShortcode && l.Embed is null).Select(l => l.Text.Trim())];

    internal static IEnumerable<(string Text, bool IsShortcode, ContentEmbed? Embed)> Lines(string? markdown)
    {
        if (string.IsNullOrEmpty(markdown))
        {
            yield break;
        }
        string? fence = null;
        foreach (var line in markdown.Split('\n'))
        {
            var text = line.TrimEnd('\r');
            var trimmed = text.TrimStart();
            if (fence is null && (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal)))
            {
                fence = trimmed[..3];
                yield return (text, false, null);
                continue;
            }
            if (fence is not null)
            {
                if (trimmed.StartsWith(fence, StringComparison.Ordinal))
                {
                    fence = null;
                }
                yield return (text, false, null);
                continue;
            }
            // Indented by four spaces or a tab, a line is code in Markdown, not a shortcode.
            var isCode = text.StartsWith("    ", StringComparison.Ordinal) || text.StartsWith('\t');
            ContentEmbed? embed = null;
            var isShortcode = !isCode && IsShortcode(text, out embed);
            yield return (text, isShortcode, embed);
        }
    }

    /// <summary>The embed of <paramref name="address"/> as a <paramref name="kind"/>, or null for anything not recognised.</summary>
    public static ContentEmbed? Parse(EmbedKind kind, string address)
    {
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri)
            || uri.Scheme != Uri.UriSchemeHttps
            || !uri.IsDefaultPort
            || uri.UserInfo.Length > 0
            // An internationalised host never matches the ASCII names below, but say so: lookalike letters are refused.
            || uri.IdnHost != uri.Host)
        {
            return null;
        }
        var host = uri.Host.ToLowerInvariant();
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var query = Query(uri.Query);
        return kind == EmbedKind.Video ? Video(host, segments, query) : Podcast(host, segments, query, uri);
    }

    private static ContentEmbed? Video(string host, string[] segments, Dictionary<string, string> query)
    {
        string? youTube = host switch
        {
            "youtu.be" when segments.Length == 1 => segments[0],
            "youtube.com" or "www.youtube.com" or "m.youtube.com" when segments is ["watch"] => query.GetValueOrDefault("v"),
            "youtube.com" or "www.youtube.com" or "m.youtube.com" or "www.youtube-nocookie.com" or "youtube-nocookie.com"
                when segments is ["embed" or "shorts" or "live", _] => segments[1],
            _ => null,
        };
        if (youTube is not null)
        {
            return YouTubeId().IsMatch(youTube)
                ? new ContentEmbed(EmbedKind.Video, "YouTube", $"https://www.youtube-nocookie.com/embed/{youTube}", $"https://www.youtube.com/watch?v={youTube}", null, false)
                : null;
        }
        string? vimeo = host switch
        {
            "vimeo.com" or "www.vimeo.com" when segments.Length == 1 => segments[0],
            "player.vimeo.com" when segments is ["video", _] => segments[1],
            _ => null,
        };
        if (vimeo is not null)
        {
            return Digits().IsMatch(vimeo)
                ? new ContentEmbed(EmbedKind.Video, "Vimeo", $"https://player.vimeo.com/video/{vimeo}?dnt=1", $"https://vimeo.com/{vimeo}", null, false)
                : null;
        }
        string? dailymotion = host switch
        {
            "dai.ly" when segments.Length == 1 => segments[0],
            "dailymotion.com" or "www.dailymotion.com" when segments is ["video", _] => segments[1],
            "dailymotion.com" or "www.dailymotion.com" when segments is ["embed", "video", _] => segments[2],
            _ => null,
        };
        if (dailymotion is not null)
        {
            return DailymotionId().IsMatch(dailymotion)
                ? new ContentEmbed(EmbedKind.Video, "Dailymotion", $"https://www.dailymotion.com/embed/video/{dailymotion}", $"https://www.dailymotion.com/video/{dailymotion}", null, false)
                : null;
        }
        return null;
    }

    private static ContentEmbed? Podcast(string host, string[] segments, Dictionary<string, string> query, Uri uri)
    {
        if (host == "player.ausha.co" && segments.Length == 0)
        {
            // Ausha's share pages do not name the episode's id: only its player address ("Intégrer" on Ausha) does.
            return query.GetValueOrDefault("podcastId") is { } id && Slug().IsMatch(id)
                ? new ContentEmbed(EmbedKind.Podcast, "Ausha", $"https://player.ausha.co/?podcastId={id}&v=3", $"https://player.ausha.co/?podcastId={id}&v=3", null, false)
                : null;
        }
        if (host is "soundcloud.com" or "www.soundcloud.com" or "m.soundcloud.com")
        {
            if (segments.Length is < 2 or > 3 || !segments.All(s => Slug().IsMatch(s)))
            {
                return null;
            }
            var page = "https://soundcloud.com/" + string.Join('/', segments);
            return new ContentEmbed(EmbedKind.Podcast, "SoundCloud", "https://w.soundcloud.com/player/?url=" + Uri.EscapeDataString(page), page, null, false);
        }
        if (host == "open.spotify.com")
        {
            if (segments is ["embed", _, _])
            {
                segments = segments[1..];
            }
            return segments is ["episode" or "show", _] && SpotifyId().IsMatch(segments[1])
                ? new ContentEmbed(EmbedKind.Podcast, "Spotify", $"https://open.spotify.com/embed/{segments[0]}/{segments[1]}",
                    $"https://open.spotify.com/{segments[0]}/{segments[1]}", null, false)
                : null;
        }
        if (uri.AbsolutePath.EndsWith(".mp3", StringComparison.OrdinalIgnoreCase) && host.Contains('.', StringComparison.Ordinal))
        {
            // A file on some host: the audio element loads it, only after the click (media-src allows https:).
            var file = uri.GetComponents(UriComponents.HttpRequestUrl, UriFormat.UriEscaped);
            return new ContentEmbed(EmbedKind.Podcast, host, file, file, null, true);
        }
        return null;
    }

    private static Dictionary<string, string> Query(string query)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            values.TryAdd(Uri.UnescapeDataString(parts[0]), parts.Length == 2 ? Uri.UnescapeDataString(parts[1]) : "");
        }
        return values;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{11}$")]
    private static partial Regex YouTubeId();

    [GeneratedRegex("^[0-9]{1,12}$")]
    private static partial Regex Digits();

    [GeneratedRegex("^[A-Za-z0-9]{5,12}$")]
    private static partial Regex DailymotionId();

    [GeneratedRegex("^[A-Za-z0-9]{22}$")]
    private static partial Regex SpotifyId();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,100}$")]
    private static partial Regex Slug();
}
