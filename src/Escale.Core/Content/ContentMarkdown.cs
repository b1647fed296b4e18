using System.Globalization;
using System.Net;
using Ganss.Xss;
using Markdig;
using Markdig.Syntax;

namespace Escale.Core.Content;

/// <summary>
/// Markdown bodies to HTML that cannot carry script: Markdig with raw HTML disabled (it is escaped, not rendered),
/// then HtmlSanitizer with an article allow-list as a second guard, should a Markdig extension ever emit something.
/// </summary>
public static class ContentMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    /// <param name="language">The text's language ("fr" or "en"), for the words of video and podcast placeholders.</param>
    public static string ToSafeHtml(string? markdown, string language = ContentDraft.French)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }
        // Embed lines become a paragraph holding a token no author can guess; after sanitising, the token's paragraph is
        // replaced by a placeholder built here from the parsed embed, never from the author's text.
        var token = "escaleembed" + Guid.NewGuid().ToString("N");
        var embeds = new List<ContentEmbed>();
        var lines = new List<string>();
        foreach (var (text, isShortcode, embed) in ContentEmbed.Lines(markdown))
        {
            if (isShortcode && embed is not null)
            {
                lines.Add("");
                lines.Add(token + embeds.Count.ToString(CultureInfo.InvariantCulture));
                lines.Add("");
                embeds.Add(embed);
            }
            else
            {
                lines.Add(text);
            }
        }
        var html = Render(string.Join('\n', lines));
        for (var i = 0; i < embeds.Count; i++)
        {
            html = html.Replace($"<p>{token}{i.ToString(CultureInfo.InvariantCulture)}</p>", Placeholder(embeds[i], language), StringComparison.Ordinal);
        }
        return html;
    }

    private static string Render(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        // The page's title is the h1 and the allow-list stops at h4: keep every heading, at a level the page can hold.
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            heading.Level = Math.Clamp(heading.Level, 2, 4);
        }
        return Sanitizer.Sanitize(document.ToHtml(Pipeline));
    }

    /// <summary>
    /// What a page shows in place of a player: its title and provider, a button (shown by wwwroot/js/embeds.js, which
    /// loads the player on click) and a plain link to the provider's page. No address here is in a src attribute.
    /// </summary>
    private static string Placeholder(ContentEmbed embed, string language)
    {
        var english = language == ContentDraft.English;
        var provider = embed.Provider;
        var (fallbackTitle, play, link, note) = (embed.Kind, embed.IsAudio, english) switch
        {
            (EmbedKind.Video, _, false) => ("Vidéo", $"Lire la vidéo (contenu hébergé par {provider})", $"Voir la vidéo sur {provider}",
                $"La vidéo ne se charge qu’après votre clic ; {provider} peut alors déposer des cookies."),
            (EmbedKind.Video, _, true) => ("Video", $"Play the video (content hosted by {provider})", $"Watch the video on {provider}",
                $"The video loads only after your click; {provider} may then set cookies."),
            (_, true, false) => ("Podcast", $"Écouter l’enregistrement (fichier hébergé par {provider})", "Ouvrir le fichier audio",
                $"Le fichier ne se charge qu’après votre clic, depuis {provider}."),
            (_, true, true) => ("Podcast", $"Play the recording (file hosted by {provider})", "Open the audio file",
                $"The file loads only after your click, from {provider}."),
            (_, false, false) => ("Podcast", $"Écouter le podcast (contenu hébergé par {provider})", $"Écouter sur {provider}",
                $"Le lecteur ne se charge qu’après votre clic ; {provider} peut alors déposer des cookies."),
            (_, false, true) => ("Podcast", $"Play the podcast (content hosted by {provider})", $"Listen on {provider}",
                $"The player loads only after your click; {provider} may then set cookies."),
        };
        var title = embed.Title ?? fallbackTitle;
        static string E(string value) => WebUtility.HtmlEncode(value);
        return $"<figure class=\"embed embed-{(embed.Kind == EmbedKind.Video ? "video" : "podcast")}\" data-embed-src=\"{E(embed.PlayerUrl)}\" " +
            $"data-embed-kind=\"{(embed.IsAudio ? "audio" : "frame")}\" data-embed-title=\"{E(title)}\">" +
            $"<figcaption><strong>{E(title)}</strong> — {E(provider)}</figcaption>" +
            $"<p class=\"embed-note\">{E(note)}</p>" +
            $"<button type=\"button\" class=\"button embed-play\" hidden>{E(play)}</button>" +
            $"<p class=\"embed-link\"><a href=\"{E(embed.WatchUrl)}\" rel=\"noopener\">{E(link)}</a></p>" +
            "</figure>";
    }
    /// <summary>The body as plain text (what search indexes and quotes): no markup, raw HTML dropped.</summary>
    public static string ToPlainText(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? "" : Markdown.ToPlainText(markdown, Pipeline).Trim();

    private static HtmlSanitizer CreateSanitizer()
    {
        // No img yet: images will come only from the site's own /media/ once uploads exist.
        var sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "p", "h2", "h3", "h4", "ul", "ol", "li", "a", "strong", "em", "blockquote", "code", "pre", "br", "hr",
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "rel" },
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href" },
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
        });
        // Links open in the same tab, but the target never gets a handle on this page.
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { LocalName: "a" } link)
            {
                link.SetAttribute("rel", "noopener");
            }
        };
        // Relative links (no scheme) are allowed by HtmlSanitizer; "javascript:" and "data:" are not in the scheme list.
        return sanitizer;
    }
}
