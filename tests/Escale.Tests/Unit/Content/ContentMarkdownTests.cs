using Escale.Core.Content;

namespace Escale.Tests.Unit.Content;

public sealed class ContentMarkdownTests
{
    private static readonly string[] AllowedTags = ["p", "h2", "h3", "h4", "ul", "ol", "li", "a", "strong", "em", "blockquote", "code", "pre", "br", "hr"];
    private static readonly string[] AllowedAttributes = ["href", "rel"];

    [Fact]
    public void ToSafeHtml_RendersArticleMarkdown()
    {
        var html = ContentMarkdown.ToSafeHtml("## Arriver\n\nUn **vrai** *métier*.\n\n- un\n- deux\n\n> citation\n\n`code`");

        Assert.Contains("<h2>Arriver</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<strong>vrai</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<em>métier</em>", html, StringComparison.Ordinal);
        Assert.Contains("<li>deux</li>", html, StringComparison.Ordinal);
        Assert.Contains("<blockquote>", html, StringComparison.Ordinal);
        Assert.Contains("<code>code</code>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToSafeHtml_KeepsHeadingsWithinTheArticleLevels()
    {
        var html = ContentMarkdown.ToSafeHtml("# Un\n\n###### Six");

        Assert.Contains("<h2>Un</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<h4>Six</h4>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://www.lot.fr/", "https://www.lot.fr/")]
    [InlineData("mailto:accueil@lot.fr", "mailto:accueil@lot.fr")]
    public void ToSafeHtml_WebAndMailLinks_SurviveWithNoopener(string href, string expected)
    {
        var html = ContentMarkdown.ToSafeHtml($"[lien]({href})");

        Assert.Contains($"href=\"{expected}\"", html, StringComparison.Ordinal);
        Assert.Contains("rel=\"noopener\"", html, StringComparison.Ordinal);
    }

    // Classic payloads, as Markdown or as raw HTML pasted into it: none may leave anything executable.
    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<SCRIPT SRC=https://evil.example/x.js></SCRIPT>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<svg onload=alert(1)>")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>")]
    [InlineData("[clic](javascript:alert(1))")]
    [InlineData("[clic](JaVaScRiPt:alert(1))")]
    [InlineData("[clic](java&#x09;script:alert(1))")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("[clic](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("![x](data:image/svg+xml,<svg onload=alert(1)>)")]
    [InlineData("<p style=\"background:url(javascript:alert(1))\">x</p>")]
    [InlineData("<a href=\"https://ok.example\" onclick=\"alert(1)\">x</a>")]
    [InlineData("<div onmouseover=\"alert(1)\">survol</div>")]
    [InlineData("<object data=\"x.swf\"></object><embed src=\"x.swf\">")]
    [InlineData("<form action=\"https://evil.example\"><input name=p></form>")]
    [InlineData("<style>body{display:none}</style>")]
    [InlineData("<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>")]
    public void ToSafeHtml_XssPayload_LeavesNothingExecutable(string markdown)
    {
        var html = ContentMarkdown.ToSafeHtml(markdown + "\n\nsuite");
        var elements = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).Body!.QuerySelectorAll("*").ToList();

        Assert.All(elements, e => Assert.Contains(e.LocalName, AllowedTags));
        Assert.All(elements.SelectMany(e => e.Attributes), a => Assert.Contains(a.Name, AllowedAttributes));
        Assert.All(elements.Select(e => e.GetAttribute("href")).OfType<string>(),
            href => Assert.Matches("^(https?:|mailto:)", href));
        Assert.Contains("suite", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToSafeHtml_VideoShortcode_IsAPlaceholderWithNoThirdPartySource()
    {
        var html = ContentMarkdown.ToSafeHtml("Avant.\n\n::video https://youtu.be/dQw4w9WgXcQ Visite de l’atelier\n\nAprès.");
        var body = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).Body!;
        var figure = body.QuerySelector("figure.embed")!;

        Assert.Equal("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", figure.GetAttribute("data-embed-src"));
        Assert.Equal("Visite de l’atelier", figure.GetAttribute("data-embed-title"));
        Assert.Equal("Lire la vidéo (contenu hébergé par YouTube)", figure.QuerySelector("button")!.TextContent);
        Assert.Equal("https://www.youtube.com/watch?v=dQw4w9WgXcQ", figure.QuerySelector("a")!.GetAttribute("href"));
        Assert.Empty(body.QuerySelectorAll("[src], iframe, audio, script"));
        Assert.Equal(["Avant.", "Après."], body.QuerySelectorAll("p:not(figure p)").Select(p => p.TextContent));
    }

    [Fact]
    public void ToSafeHtml_InEnglish_LabelsThePlaceholderInEnglish()
    {
        var html = ContentMarkdown.ToSafeHtml("::podcast https://soundcloud.com/radio-causse/episode-12", ContentDraft.English);

        Assert.Contains("Play the podcast (content hosted by SoundCloud)", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("::video https://evil.example/x\"><script>alert(1)</script>")]
    [InlineData("::video javascript:alert(1)")]
    [InlineData("::video https://youtu.be/dQw4w9WgXcQ <img src=x onerror=alert(1)>")]
    [InlineData("::podcast https://x.example/a.mp3 \" onclick=\"alert(1)")]
    [InlineData("```\n::video https://youtu.be/dQw4w9WgXcQ\n```")]
    public void ToSafeHtml_ShortcodeAbuse_LeavesNothingExecutable(string markdown)
    {
        var html = ContentMarkdown.ToSafeHtml(markdown);
        var elements = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).Body!.QuerySelectorAll("*").ToList();

        Assert.DoesNotContain(elements, e => e.LocalName is "script" or "img" or "iframe");
        Assert.DoesNotContain(elements.SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.Ordinal));
    }

    [Fact]
    public void ToSafeHtml_ShortcodeInsideFencedCode_StaysCode()
    {
        var html = ContentMarkdown.ToSafeHtml("```\n::video https://youtu.be/dQw4w9WgXcQ\n```");

        Assert.DoesNotContain("figure", html, StringComparison.Ordinal);
        Assert.Contains("::video https://youtu.be/dQw4w9WgXcQ", html, StringComparison.Ordinal);
    }
}
