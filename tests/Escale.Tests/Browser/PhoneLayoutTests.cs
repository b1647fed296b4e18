using Microsoft.Playwright;

namespace Escale.Tests.Browser;

/// <summary>
/// Every kind of page on a phone (390 × 844, and 320 px for the narrowest): nothing is wider than the screen
/// (a wide table scrolls inside its own named region), the header folds into a menu that opens without JavaScript,
/// links and buttons are big enough to touch, and the offers' long search form can be skipped.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PhoneLayoutTests(BrowserFixture browser) : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => browser.CloseVisitorsAsync();

    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };
    private static readonly ViewportSize SmallPhone = new() { Width = 320, Height = 640 };

    /// <summary>
    /// What sticks out past the right or left edge of the screen. Inside a scroll region or the map, content may be
    /// wider: the region scrolls, the map clips; the region itself must fit.
    /// </summary>
    private const string Overflow = """
        () => {
          const width = window.innerWidth;
          const found = [];
          if (document.documentElement.scrollWidth > width) {
            found.push(`the page is ${document.documentElement.scrollWidth}px wide`);
          }
          for (const element of document.body.querySelectorAll('*')) {
            if (element.parentElement.closest('.scroll-region, .leaflet-container')) continue;
            if (!element.checkVisibility({ contentVisibilityAuto: true, opacityProperty: false, visibilityProperty: true })) continue;
            const box = element.getBoundingClientRect();
            if (box.width === 0 || box.height === 0) continue;
            if (box.right > width + 0.5 || box.left < -0.5) {
              const name = element.tagName.toLowerCase() + (element.id ? '#' + element.id : '') + (element.className && typeof element.className === 'string' ? '.' + element.className.trim().split(/\s+/).join('.') : '');
              found.push(`${name} spans ${Math.round(box.left)}–${Math.round(box.right)}px: "${(element.textContent || '').trim().slice(0, 40)}"`);
            }
          }
          return found.slice(0, 15);
        }
        """;

    /// <summary>
    /// Links and buttons that stand alone (not a link inside a sentence) smaller than 24 × 24 CSS pixels
    /// (WCAG 2.2, 2.5.8 Target Size (Minimum)). The map's own controls are Leaflet's.
    /// </summary>
    private const string SmallTargets = """
        () => [...document.querySelectorAll('a[href], button, summary, input[type=submit], input[type=checkbox], input[type=radio]')]
          .filter(target => target.checkVisibility({ visibilityProperty: true }) && !target.closest('.leaflet-container, .visually-hidden'))
          .filter(target => !target.classList.contains('skip-link'))
          .filter(target => {
            const own = (target.textContent || '').trim();
            const around = (target.parentElement.textContent || '').trim();
            return target.tagName !== 'A' || own === around;
          })
          .map(target => ({ target, box: target.getBoundingClientRect() }))
          .filter(({ box }) => box.width > 0 && (box.width < 23.5 || box.height < 23.5))
          .map(({ target, box }) => `${target.tagName.toLowerCase()} "${(target.textContent || target.value || target.id).trim().slice(0, 40)}" ${Math.round(box.width)}×${Math.round(box.height)}`)
          .slice(0, 15)
        """;

    public static TheoryData<string> PublicPages => SitePages.Public;
    public static TheoryData<string> SignedInPages => SitePages.SignedIn;

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task PublicPage_OnAPhone_FitsTheScreen_WithTargetsBigEnoughToTouch(string which)
    {
        var pages = await SitePages.OfAsync(browser);
        var page = await browser.NewPageAsync(Phone);

        await GoAsync(page, pages[which]);

        Assert.Empty(await page.EvaluateAsync<string[]>(Overflow));
        Assert.Empty(await page.EvaluateAsync<string[]>(SmallTargets));
    }

    [Theory]
    [MemberData(nameof(SignedInPages))]
    public async Task SignedInPage_OnAPhone_FitsTheScreen(string which)
    {
        var pages = await SitePages.OfAsync(browser);
        var page = await browser.NewPageAsync(Phone);
        await pages.SignInForAsync(page, which);

        await GoAsync(page, pages[which]);

        Assert.Empty(await page.EvaluateAsync<string[]>(Overflow));
        Assert.Empty(await page.EvaluateAsync<string[]>(SmallTargets));
    }

    [Theory]
    [InlineData("home")]
    [InlineData("offer")]
    [InlineData("offers")]
    [InlineData("events-month")]
    [InlineData("communes")]
    [InlineData("territory")]
    public async Task Page_OnTheNarrowestPhone_FitsTheScreen_WithTheMenuOpenToo(string which)
    {
        var pages = await SitePages.OfAsync(browser);
        var page = await browser.NewPageAsync(SmallPhone);

        await GoAsync(page, pages[which]);
        Assert.Empty(await page.EvaluateAsync<string[]>(Overflow));
        await page.Locator(".site-menu-button").ClickAsync();

        Assert.Empty(await page.EvaluateAsync<string[]>(Overflow));
    }

    [Fact]
    public async Task Header_OnAPhone_IsAMenuButton_ThatOpensWithoutJavaScript_FromTheKeyboard()
    {
        var page = await browser.NewPageAsync(Phone, javaScript: false);
        await page.GotoAsync("/");
        var signIn = page.GetByRole(AriaRole.Link, new() { Name = "Se connecter" });
        var menu = page.Locator("summary.site-menu-button");

        Assert.True(await menu.IsVisibleAsync());
        Assert.False(await signIn.IsVisibleAsync());
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("SUMMARY", await page.EvaluateAsync<string>("() => document.activeElement.tagName"));
        Assert.NotEqual("none", await menu.EvaluateAsync<string>("m => getComputedStyle(m).outlineStyle"));
        await page.Keyboard.PressAsync("Enter");

        Assert.True(await signIn.IsVisibleAsync());
        Assert.True(await page.GetByRole(AriaRole.Navigation, new() { Name = "Navigation principale" }).GetByRole(AriaRole.Link, new() { Name = "Communes" }).IsVisibleAsync());
        Assert.Empty(await page.EvaluateAsync<string[]>(Overflow));
        await signIn.ClickAsync();
        await page.WaitForURLAsync("**/compte/connexion**");
    }

    [Fact]
    public async Task Header_OnAWideScreen_ShowsTheNavigationWithoutAMenuButton()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");

        Assert.False(await page.Locator("summary.site-menu-button").IsVisibleAsync());
        Assert.True(await page.GetByRole(AriaRole.Link, new() { Name = "Se connecter" }).IsVisibleAsync());
        Assert.True(await page.Locator("#site-search-q").IsVisibleAsync());
    }

    [Fact]
    public async Task OpportunitiesSearch_OnAPhone_ReachesTheResultsInAFewTabStops_ThroughTheSkipLink()
    {
        var page = await browser.NewPageAsync(Phone);
        await page.GotoAsync("/offres");

        for (var stop = 1; stop <= 8; stop++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<string?>("() => document.activeElement.getAttribute('href')") == "#resultats-titre")
            {
                break;
            }
        }
        Assert.Equal("#resultats-titre", await page.EvaluateAsync<string?>("() => document.activeElement.getAttribute('href')"));
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForFunctionAsync("() => document.activeElement && document.activeElement.id === 'resultats-titre'");
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await page.EvaluateAsync<bool>("() => !!document.activeElement.closest('#resultats')"));
    }

    [Fact]
    public async Task TablesWiderThanAPhone_ScrollInsideANamedFocusableRegion()
    {
        var pages = await SitePages.OfAsync(browser);
        var page = await browser.NewPageAsync(Phone);

        foreach (var which in new[] { "communes", "territory", "events-month" })
        {
            await GoAsync(page, pages[which]);
            var regions = page.Locator(".scroll-region");
            Assert.True(await regions.CountAsync() > 0, which);
            foreach (var region in await regions.AllAsync())
            {
                Assert.Equal("region", await region.GetAttributeAsync("role"));
                Assert.Equal("0", await region.GetAttributeAsync("tabindex"));
                Assert.False(string.IsNullOrWhiteSpace(await region.GetAttributeAsync("aria-label")), which);
            }
        }
        await GoAsync(page, pages["events-month"]);
        Assert.True(await page.Locator(".scroll-region").EvaluateAsync<bool>("r => r.scrollWidth > r.clientWidth"),
            "the month calendar is wider than a phone: its region scrolls");
    }

    private static async Task GoAsync(IPage page, string url)
    {
        var response = await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        Assert.Equal(200, response!.Status);
    }
}
