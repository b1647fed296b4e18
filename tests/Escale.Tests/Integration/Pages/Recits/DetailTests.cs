using System.Net;
using Escale.Core.Content;
using Escale.Tests.Infrastructure;
using Escale.Tests.Integration.Pages.Admin.Contenus;

namespace Escale.Tests.Integration.Pages.Recits;

[Collection(AccountsCollection.Name)]
public sealed class DetailTests(MailAppFixture fixture)
{
    [Theory, EveryDatabase]
    public async Task InEnglish_WithoutTranslation_ShowsTheFrench_MarkedAsFrench(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var title = $"Rester au pays {Guid.NewGuid():N}";
        var item = await ContentSteps.ArrangeAsync(app, ContentSteps.Story(title));
        var client = await app.CreateBrowserlessClient().InEnglishAsync();

        var (response, page) = await client.GetPageAsync($"/recits/{item.Slug}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(title, page.Text("article h1"));
        Assert.Equal("fr", page.QuerySelector("article")!.GetAttribute("lang"));
    }

    [Theory, EveryDatabase]
    public async Task InEnglish_WithTranslation_ShowsTheEnglish(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var item = await ContentSteps.ArrangeAsync(app, ContentSteps.Story($"Revenir {Guid.NewGuid():N}", "Coming back"));
        var client = await app.CreateBrowserlessClient().InEnglishAsync();

        var page = (await client.GetPageAsync($"/recits/{item.Slug}")).Page;

        Assert.Equal("Coming back", page.Text("article h1"));
        Assert.Null(page.QuerySelector("article")!.GetAttribute("lang"));
    }

    [Theory]
    [InlineData("/recits/ce-recit-n-existe-pas")]
    [InlineData("/evenements/ce-recit-n-existe-pas")]
    [InlineData("/vivre-ici/ce-recit-n-existe-pas")]
    public async Task UnknownSlug_IsTheSite404(string path)
    {
        var app = await fixture.AppAsync(DatabaseProvider.Sqlite);

        var response = await app.CreateBrowserlessClient().GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Event_ShowsItsDatesInParisTime_InFrench()
    {
        var app = await fixture.AppAsync(DatabaseProvider.Sqlite);
        var item = await ContentSteps.ArrangeAsync(app, new ContentDraft
        {
            Type = ContentType.Event,
            StartsAt = new DateTimeOffset(2026, 7, 14, 16, 0, 0, TimeSpan.Zero),
            Texts = [new ContentText("fr", $"Feu d’artifice {Guid.NewGuid():N}", null, null)],
        });

        var page = (await app.CreateBrowserlessClient().GetPageAsync($"/evenements/{item.Slug}")).Page;

        Assert.Equal("mardi 14 juillet 2026 à 18:00", page.Text(".event-facts time"));
    }

    [Fact]
    public async Task AnEventSlug_IsNotAStory()
    {
        var app = await fixture.AppAsync(DatabaseProvider.Sqlite);
        var item = await ContentSteps.ArrangeAsync(app, new ContentDraft
        {
            Type = ContentType.Event,
            StartsAt = DateTimeOffset.UtcNow,
            Texts = [new ContentText("fr", $"Marché {Guid.NewGuid():N}", null, null)],
        });

        var response = await app.CreateBrowserlessClient().GetAsync(new Uri($"/recits/{item.Slug}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task StoryWithEmbeds_HasNoThirdPartyAddressInAnySource_BeforeTheClick()
    {
        var app = await fixture.AppAsync(DatabaseProvider.Sqlite);
        var item = await ContentSteps.ArrangeAsync(app, new ContentDraft
        {
            Type = ContentType.Portrait,
            Texts = [new ContentText("fr", $"Le podcast du causse {Guid.NewGuid():N}", null,
                "::video https://vimeo.com/76979871 Le causse\n\n::podcast https://open.spotify.com/episode/4rOoJ6Egrf8K2IrywzwOMk\n\n::podcast https://media.radio.example/ep.mp3")],
        });

        var (response, page) = await app.CreateBrowserlessClient().GetPageAsync($"/recits/{item.Slug}");
        var sources = page.QuerySelectorAll("[src], [srcset], [data], link[href]")
            .SelectMany(e => new[] { e.GetAttribute("src"), e.GetAttribute("srcset"), e.GetAttribute("data"), e.LocalName == "link" ? e.GetAttribute("href") : null })
            .OfType<string>();

        Assert.Equal(3, page.QuerySelectorAll("article figure.embed").Length);
        Assert.Empty(page.QuerySelectorAll("iframe, audio, video, object, embed"));
        // Every address the page names by itself (sources, stylesheet, canonical) is the site's own, none another host's.
        Assert.All(sources, s => Assert.Matches("^(/[^/]|http://localhost:5080/)", s));
        Assert.Equal(["https://player.vimeo.com/video/76979871?dnt=1", "https://open.spotify.com/embed/episode/4rOoJ6Egrf8K2IrywzwOMk", "https://media.radio.example/ep.mp3"],
            page.QuerySelectorAll("figure.embed").Select(f => f.GetAttribute("data-embed-src")));
        var csp = string.Join(';', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-src https://www.youtube-nocookie.com https://player.vimeo.com https://www.dailymotion.com https://player.ausha.co https://w.soundcloud.com https://open.spotify.com", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("https://www.youtube.com", csp, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("script[src^='/js/embeds.js']"));
    }
}
