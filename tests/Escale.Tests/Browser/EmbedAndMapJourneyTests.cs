using Escale.Core.Content;
using Escale.Tests.Integration.Pages.Admin.Contenus;
using Escale.Tests.Integration.Pages.Recits;
using Microsoft.Playwright;

namespace Escale.Tests.Browser;

/// <summary>Stories in a real browser: the click-to-load players and the map of stories and events.</summary>
[Collection(BrowserCollection.Name)]
public sealed class EmbedAndMapJourneyTests(BrowserFixture browser) : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => browser.CloseVisitorsAsync();

    [Fact]
    public async Task VideoPlaceholder_LoadsNothingUntilClicked_ThenBecomesTheNoCookiePlayer_WithFocus()
    {
        var item = await ContentSteps.ArrangeAsync(browser.App, new ContentDraft
        {
            Type = ContentType.Portrait,
            Texts = [new ContentText("fr", $"Camille, luthière {Guid.NewGuid():N}", null, "Son atelier.\n\n::video https://www.youtube.com/watch?v=dQw4w9WgXcQ L’atelier en images\n")],
        });
        var page = await browser.NewPageAsync();
        var thirdParty = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(browser.BaseAddress.ToString(), StringComparison.Ordinal))
            {
                thirdParty.Add(request.Url);
            }
        };
        // The machine has no internet: the player's address answers from here, so the test never leaves it.
        await page.RouteAsync("https://www.youtube-nocookie.com/**", route => route.FulfillAsync(new RouteFulfillOptions
        {
            Status = 200, ContentType = "text/html", Body = "<!doctype html><title>Lecteur factice</title><p>Lecteur</p>",
        }));

        await page.GotoAsync($"/recits/{item.Slug}");
        var button = page.Locator("figure.embed button.embed-play");
        await button.WaitForAsync();
        Assert.Equal("Lire la vidéo (contenu hébergé par YouTube)", (await button.InnerTextAsync()).Trim());
        Assert.Empty(thirdParty);
        Assert.Equal(0, await page.Locator("iframe").CountAsync());

        await button.ClickAsync();
        var frame = page.Locator("figure.embed iframe");
        await frame.WaitForAsync();

        Assert.Equal("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", await frame.GetAttributeAsync("src"));
        Assert.Equal("L’atelier en images", await frame.GetAttributeAsync("title"));
        Assert.True(await frame.EvaluateAsync<bool>("f => document.activeElement === f"));
        Assert.Equal(0, await page.Locator("figure.embed button").CountAsync());
        Assert.Equal("https://www.youtube.com/watch?v=dQw4w9WgXcQ", await page.Locator("figure.embed a").GetAttributeAsync("href"));
        Assert.All(thirdParty, url => Assert.StartsWith("https://www.youtube-nocookie.com/", url, StringComparison.Ordinal));
    }

    [Fact]
    public async Task StoriesMap_DrawsOneCirclePerPlace_WithoutTiles()
    {
        var cahors = await IndexTests.CommuneIdAsync(browser.App, "46042");
        var figeac = await IndexTests.CommuneIdAsync(browser.App, "46102");
        var tag = Guid.NewGuid().ToString("N");
        await ContentSteps.ArrangeAsync(browser.App, IndexTests.Item(ContentType.Portrait, $"Portrait {tag}", communeId: cahors));
        await ContentSteps.ArrangeAsync(browser.App, IndexTests.Item(ContentType.Event, $"Fête {tag}", communeId: figeac));
        var page = await browser.NewPageAsync();

        await page.GotoAsync("/recits/carte");
        var circles = page.Locator(".cluster-map.leaflet-container path.offer-cluster");
        await circles.First.WaitForAsync();

        Assert.True(await circles.CountAsync() >= 2);
        Assert.True(await page.Locator(".cluster-map").IsVisibleAsync());
        Assert.Equal(0, await page.Locator(".leaflet-tile").CountAsync());
    }
}
