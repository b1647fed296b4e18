using Escale.Core.Content;
using Escale.Web.Infrastructure.Links;
using Microsoft.Playwright;

namespace Escale.Tests.Browser;

/// <summary>
/// The public pages of the editorial portal, as a keyboard or screen-reader user meets them: one main landmark the
/// skip link reaches, one h1, a text alternative on every image, and nothing failing in the console or the network.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class StoryPagesAccessibilityTests(BrowserFixture browser) : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => browser.CloseVisitorsAsync();

    [Theory]
    [InlineData("/recits")]
    [InlineData("/evenements")]
    [InlineData("/vivre-ici")]
    [InlineData("story")]
    [InlineData("event")]
    [InlineData("quality-of-life")]
    public async Task Page_HasOneMainAndH1_ImagesWithAlt_SkipLinkToMain_AndNoConsoleErrorNorFailedRequest(string which)
    {
        var url = await UrlAsync(which);
        var page = await browser.NewPageAsync();
        var problems = BrowserSteps.WatchForProblems(page);

        var response = await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        // Lazy images load once seen: scroll them in so their requests are watched too.
        foreach (var img in await page.Locator("img").AllAsync())
        {
            await img.ScrollIntoViewIfNeededAsync();
            await img.EvaluateAsync("img => img.complete ? null : new Promise(done => { img.onload = done; img.onerror = done; })");
        }

        Assert.Equal(200, response!.Status);
        Assert.Equal(1, await page.Locator("main").CountAsync());
        Assert.Equal(1, await page.Locator("h1").CountAsync());
        Assert.True(await page.Locator("main h1").IsVisibleAsync());
        Assert.Empty(await page.Locator("img").EvaluateAllAsync<string[]>(
            "imgs => imgs.filter(i => !i.hasAttribute('alt') || (i.alt.trim() === '' && !i.closest('[aria-hidden=true]'))).map(i => i.src)"));
        Assert.Equal(0, await page.Locator("select:not([id]), input:not([type=hidden]):not([id])").CountAsync());
        Assert.Empty(await page.Locator("select[id], input[id]:not([type=hidden])").EvaluateAllAsync<string[]>(
            "fields => fields.filter(f => !document.querySelector(`label[for='${f.id}']`) && !f.getAttribute('aria-label')).map(f => f.id)"));

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("skip-link", await page.EvaluateAsync<string>("() => document.activeElement.className"));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync("() => document.activeElement && document.activeElement.tagName === 'MAIN'");

        Assert.Empty(problems);
    }

    private async Task<string> UrlAsync(string which)
    {
        if (which.StartsWith('/'))
        {
            return which;
        }
        var suffix = StorySteps.Unique();
        var draft = which switch
        {
            "story" => StorySteps.Draft(ContentType.Portrait, $"Karim, maraîcher à Prayssac {suffix}", "changer-de-vie"),
            "event" => StorySteps.Draft(ContentType.Event, $"Trail des coteaux de Cahors {suffix}") with
            {
                StartsAt = DateTimeOffset.UtcNow.AddDays(10),
                EndsAt = DateTimeOffset.UtcNow.AddDays(10).AddHours(5),
                Venue = "Pont Valentré",
            },
            _ => StorySteps.Draft(ContentType.QualityOfLife, $"La fibre dans tout le Ségala {suffix}") with { Themes = [ContentTheme.Broadband] },
        };
        var item = await StorySteps.PublishedAsync(browser.App, draft, imageAlt: "Une photographie de " + draft.Texts[0].Title);
        return SiteLinks.ContentPath(item.Type, item.Slug);
    }
}
