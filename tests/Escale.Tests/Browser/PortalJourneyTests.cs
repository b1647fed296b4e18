using Escale.Core.Content;
using Microsoft.Playwright;

namespace Escale.Tests.Browser;

/// <summary>A few whole journeys in a real browser: what only a browser can prove (scripts, maps, focus, CSP).</summary>
[Collection(BrowserCollection.Name)]
public sealed class PortalJourneyTests(BrowserFixture browser) : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => browser.CloseVisitorsAsync();

    [Fact]
    public async Task Home_ShowsFourPersonaEntries_AndFollowingOneOpensItsPage()
    {
        var page = await browser.NewPageAsync();

        await page.GotoAsync("/");
        var entries = page.Locator(".personas h3 a");
        Assert.Equal(["Je change de vie", "Profils recherchés", "Jeunes : rester ou revenir", "Du Lot en vacances au Lot pour la vie"],
            (await entries.AllInnerTextsAsync()).Select(t => t.Trim()));
        await entries.Nth(1).ClickAsync();
        await page.WaitForURLAsync("**/profils/**");

        Assert.Equal("Profils recherchés", (await page.Locator("h1").InnerTextAsync()).Trim());
    }

    [Fact]
    public async Task Home_ShowsTheLeadImagesAndAdvertisesItsFeeds_AndTheOpenDataPageLinksEveryExport_EachAnswering()
    {
        var title = $"Lucie, ébéniste à Figeac {StorySteps.Unique()}";
        await StorySteps.PublishedAsync(browser.App, StorySteps.Draft(ContentType.Portrait, title) with { Featured = true }, imageAlt: "Lucie dans son atelier");
        var page = await browser.NewPageAsync();

        await page.GotoAsync("/");
        var image = page.Locator(".highlights .content-card", new() { Has = page.GetByRole(AriaRole.Link, new() { Name = title }) }).Locator("picture img");
        await image.ScrollIntoViewIfNeededAsync();
        await Assertions.Expect(image).ToHaveAttributeAsync("alt", "Lucie dans son atelier");
        Assert.True(await image.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"));
        var feeds = page.Locator("head link[rel=alternate]");
        Assert.Equal(["application/rss+xml", "application/atom+xml"],
            (await Task.WhenAll((await feeds.AllAsync()).Select(f => f.GetAttributeAsync("type")))).Select(t => t ?? ""));
        foreach (var feed in await feeds.AllAsync())
        {
            await StorySteps.XmlAsync(page, (await feed.GetAttributeAsync("href"))!);
        }

        await page.Locator(".site-footer").GetByRole(AriaRole.Link, new() { Name = "Données ouvertes" }).ClickAsync();
        await page.WaitForURLAsync("**/donnees-ouvertes");
        var exports = await Task.WhenAll((await page.Locator(".export h2 a").AllAsync()).Select(a => a.GetAttributeAsync("href")));

        Assert.Contains("/offres/export.csv", exports);
        Assert.Contains("/offres/export.json", exports);
        foreach (var export in exports)
        {
            var response = await page.Context.APIRequest.GetAsync(export!);
            Assert.True(response.Status == 200, $"{export} answered {response.Status}");
        }
    }

    [Fact]
    public async Task CommunePage_DrawsItsMapWithLeaflet()
    {
        var page = await browser.NewPageAsync();

        await page.GotoAsync("/communes/46042/cahors");
        var shapes = page.Locator(".map.leaflet-container path.leaflet-interactive");
        await shapes.First.WaitForAsync();

        // The commune and its eight neighbours, the same as the list below the map, then a point for each service and open offer of the page.
        var points = await page.EvaluateAsync<int>("fetch('/api/v1/communes/46042/carte').then(r => r.json()).then(j => j.features.filter(f => f.properties.role === 'service' || f.properties.role === 'offre').length)");
        Assert.True(points > 0);
        Assert.Equal(9 + points, await shapes.CountAsync());
        Assert.True(await page.Locator(".map").IsVisibleAsync());
        Assert.Equal(0, await page.Locator(".leaflet-tile").CountAsync());
    }

    [Fact]
    public async Task IntercommunalityPage_DrawsItsBoundaryAndCommunes()
    {
        var page = await browser.NewPageAsync();

        await page.GotoAsync("/intercommunalites/ca-du-grand-cahors");
        var shapes = page.Locator(".map.leaflet-container path.leaflet-interactive");
        await shapes.First.WaitForAsync();

        Assert.Equal(37, await shapes.CountAsync());
    }

    [Fact]
    public async Task LanguageSwitch_OnCommunePage_ShowsEnglishOnTheSameUrl()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/communes/46042/cahors");

        await page.Locator("a.lang-switch").ClickAsync();
        await page.WaitForSelectorAsync("html[lang=en]");

        Assert.EndsWith("/communes/46042/cahors", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        Assert.Equal("Nearby communes", (await page.Locator("#voisines-titre").InnerTextAsync()).Trim());
        Assert.Equal("Français", (await page.Locator("a.lang-switch").InnerTextAsync()).Trim());
    }

    [Fact]
    public async Task Keyboard_SkipLinkComesFirstAndMovesFocusToTheMainContent()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("skip-link", await page.EvaluateAsync<string>("() => document.activeElement.className"));
        Assert.True(await page.Locator("a.skip-link").IsVisibleAsync());
        Assert.NotEqual("none", await OutlineStyleOfFocusedElementAsync(page));

        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync("() => document.activeElement && document.activeElement.id === 'contenu'");
        Assert.Equal("MAIN", await page.EvaluateAsync<string>("() => document.activeElement.tagName"));
    }

    [Fact]
    public async Task Keyboard_TabReachesEveryNavLinkWithAVisibleFocusOutline()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        var navLinks = await page.Locator("nav[aria-label] .nav-list a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");

        var reached = new List<string>();
        for (var i = 0; i < 10 && reached.Count < navLinks.Length; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var href = await page.EvaluateAsync<string?>("() => document.activeElement.closest('.nav-list') ? document.activeElement.getAttribute('href') : null");
            if (href is not null)
            {
                reached.Add(href);
                Assert.NotEqual("none", await OutlineStyleOfFocusedElementAsync(page));
                Assert.NotEqual("0px", await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineWidth"));
            }
        }

        Assert.Equal(navLinks, reached);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/profils/changer-de-vie")]
    [InlineData("/territoire")]
    [InlineData("/communes/46042/cahors")]
    [InlineData("/intercommunalites/cc-grand-figeac")]
    [InlineData("/communes?q=saint")]
    public async Task Page_HasNoConsoleErrorNorFailedRequest(string url)
    {
        var page = await browser.NewPageAsync();
        var problems = BrowserSteps.WatchForProblems(page);

        await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        if (await page.Locator(".map[data-geojson]").CountAsync() > 0)
        {
            await page.Locator(".map path.leaflet-interactive").First.WaitForAsync();
        }

        Assert.Empty(problems);
    }

    [Fact]
    public async Task InlineScript_IsBlockedByTheCsp_AndReportedAsAConsoleError()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        var problems = BrowserSteps.WatchForProblems(page);

        // What a stray inline <script> in a view would do: the CSP refuses it and Chromium says so in the console,
        // which is what Page_HasNoConsoleErrorNorFailedRequest listens to.
        await page.EvaluateAsync("() => { const s = document.createElement('script'); s.textContent = 'window.inlineRan = true'; document.body.appendChild(s); }");
        await page.WaitForTimeoutAsync(200);

        Assert.False(await page.EvaluateAsync<bool>("() => window.inlineRan === true"));
        Assert.Contains(problems, p => p.Contains("Content Security Policy", StringComparison.Ordinal));
    }

    private static Task<string> OutlineStyleOfFocusedElementAsync(IPage page) =>
        page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle");
}
