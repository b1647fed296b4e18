using Escale.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Escale.Tests.Browser;

/// <summary>
/// axe-core (restored from tests/Escale.Tests/package-lock.json by the build) on every kind of public page, on a
/// wide screen and on a phone, with the header menu open: no serious or critical violation, no skipped heading level,
/// and the accessible name of every link or button contains its visible text.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AxeAccessibilityTests(BrowserFixture browser) : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => browser.CloseVisitorsAsync();

    private static readonly string AxeScript = Path.Combine(RepoPaths.Root, "tests", "Escale.Tests", "node_modules", "axe-core", "axe.min.js");

    /// <summary>
    /// Serious and critical violations, plus two rules that axe ranks lower or keeps experimental but that the site
    /// promises: headings that skip a level, and names that do not contain the visible label (WCAG 2.5.3).
    /// </summary>
    private const string Violations = """
        async () => {
          const results = await axe.run(document, {
            resultTypes: ['violations'],
            rules: { 'label-content-name-mismatch': { enabled: true }, 'heading-order': { enabled: true } },
          });
          return results.violations
            .filter(v => v.impact === 'serious' || v.impact === 'critical' || v.id === 'heading-order' || v.id === 'label-content-name-mismatch')
            .map(v => `${v.id} (${v.impact}): ${v.nodes.slice(0, 5).map(n => n.target.join(' ')).join(' | ')}`);
        }
        """;

    public static TheoryData<string> PublicPages => SitePages.Public;

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task PublicPage_HasNoSeriousAccessibilityViolation(string which)
    {
        var pages = await SitePages.OfAsync(browser);
        var page = await browser.NewPageAsync(new ViewportSize { Width = 1280, Height = 900 }, injectsScripts: true);

        await GoAsync(page, pages[which]);

        Assert.Empty(await ViolationsAsync(page));
    }

    [Theory]
    [InlineData("home")]
    [InlineData("offers")]
    [InlineData("offer")]
    [InlineData("events-month")]
    [InlineData("communes")]
    public async Task PublicPage_OnAPhone_WithTheMenuOpen_HasNoSeriousAccessibilityViolation(string which)
    {
        var pages = await SitePages.OfAsync(browser);
        var page = await browser.NewPageAsync(new ViewportSize { Width = 390, Height = 844 }, injectsScripts: true);

        await GoAsync(page, pages[which]);
        await page.Locator(".site-menu-button").ClickAsync();

        Assert.Empty(await ViolationsAsync(page));
    }

    [Theory]
    [InlineData("partner:partner-space")]
    [InlineData("partner:partner-candidates")]
    [InlineData("partner:partner-candidate")]
    [InlineData("partner:account")]
    [InlineData("partner:brand-propose")]
    [InlineData("partner:brand-mine")]
    public async Task PartnerPage_HasNoSeriousAccessibilityViolation(string which)
    {
        var pages = await SitePages.OfAsync(browser);
        var page = await browser.NewPageAsync(new ViewportSize { Width = 1280, Height = 900 }, injectsScripts: true);
        await pages.SignInForAsync(page, which);

        await GoAsync(page, pages[which]);

        Assert.Empty(await ViolationsAsync(page));
    }

    [Fact]
    public async Task OpportunitiesMap_ItsCirclesHaveAnAccessibleName()
    {
        var pages = await SitePages.OfAsync(browser);
        var page = await browser.NewPageAsync(new ViewportSize { Width = 1280, Height = 900 }, injectsScripts: true);

        await GoAsync(page, pages["offers-map"]);
        await page.Locator(".offers-map path.offer-cluster").First.WaitForAsync();

        Assert.Empty(await page.Locator(".offers-map [tabindex], .offers-map path.leaflet-interactive").EvaluateAllAsync<string[]>(
            "elements => elements.filter(e => !(e.getAttribute('aria-label') || '').trim()).map(e => e.outerHTML.slice(0, 80))"));
        Assert.Empty(await ViolationsAsync(page));
    }

    private static async Task<string[]> ViolationsAsync(IPage page)
    {
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = AxeScript });
        return await page.EvaluateAsync<string[]>(Violations);
    }

    private static async Task GoAsync(IPage page, string url)
    {
        var response = await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        Assert.Equal(200, response!.Status);
    }
}
