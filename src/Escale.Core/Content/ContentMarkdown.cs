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

    public static string ToSafeHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }
        var document = Markdown.Parse(markdown, Pipeline);
        // The page's title is the h1 and the allow-list stops at h4: keep every heading, at a level the page can hold.
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            heading.Level = Math.Clamp(heading.Level, 2, 4);
        }
        return Sanitizer.Sanitize(document.ToHtml(Pipeline));
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
