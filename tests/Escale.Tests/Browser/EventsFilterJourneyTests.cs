using Escale.Core.Content;
using Escale.Tests.Integration.Pages.Admin.Contenus;
using Microsoft.Playwright;

namespace Escale.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class EventsFilterJourneyTests(BrowserFixture browser) : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => browser.CloseVisitorsAsync();

    [Fact]
    public async Task AVisitor_WhoReversesTheDates_SeesTheMessageBesideThem_WithEveryFilterKept_AndCorrectsTheEnd()
    {
        var title = $"Festival des jeunes {StorySteps.Unique()}";
        var startsAt = new DateTimeOffset(2027, 3, 22, 18, 0, 0, TimeSpan.FromHours(1));
        await ContentSteps.ArrangeAsync(browser.App, Integration.Pages.Recits.IndexTests.Item(ContentType.Event, title, ["jeunes"], startsAt: startsAt));
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/evenements");

        await page.Locator("#filtre-persona").SelectOptionAsync(new SelectOptionValue { Value = "jeunes" });
        await page.GetByLabel("Du", new() { Exact = true }).FillAsync("2027-03-20");
        await page.GetByLabel("Au", new() { Exact = true }).FillAsync("2027-03-10");
        var refused = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Filtrer" }).ClickAsync(),
            response => response.Url.Contains("/evenements?", StringComparison.Ordinal));

        Assert.Equal(400, refused.Status);
        Assert.Equal("Événements", (await page.Locator("h1").InnerTextAsync()).Trim());
        Assert.Equal("La fin de la période ne peut pas précéder son début.", (await page.Locator("#filtre-au-erreur").InnerTextAsync()).Trim());
        Assert.Equal("2027-03-20", await page.GetByLabel("Du", new() { Exact = true }).InputValueAsync());
        Assert.Equal("2027-03-10", await page.GetByLabel("Au", new() { Exact = true }).InputValueAsync());
        Assert.Equal("jeunes", await page.Locator("#filtre-persona").InputValueAsync());
        Assert.Equal(1, await page.Locator(".content-card h3", new() { HasTextString = title }).CountAsync());

        await page.GetByLabel("Au", new() { Exact = true }).FillAsync("2027-03-25");
        var accepted = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Filtrer" }).ClickAsync(),
            response => response.Url.Contains("/evenements?", StringComparison.Ordinal));

        Assert.Equal(200, accepted.Status);
        Assert.Equal(0, await page.Locator(".field-validation-error").CountAsync());
        Assert.Equal("Événements de la période", (await page.Locator("#periode-titre").InnerTextAsync()).Trim());
        Assert.Equal("jeunes", await page.Locator("#filtre-persona").InputValueAsync());
        Assert.Equal([title], await page.Locator(".content-card h3").AllInnerTextsAsync());
    }
}
