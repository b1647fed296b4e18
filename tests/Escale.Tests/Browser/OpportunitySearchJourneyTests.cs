using Escale.Core.Opportunities;
using Escale.Tests.Integration.Pages.Offres;
using Microsoft.Playwright;

namespace Escale.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class OpportunitySearchJourneyTests(BrowserFixture browser) : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => browser.CloseVisitorsAsync();

    [Fact]
    public async Task Visitor_FindsAnOpportunityThroughFacets_SeesItOnTheMap_AndItsPage_WithoutConsoleErrors()
    {
        var word = OpportunityData.UniqueWord();
        await OpportunityData.AddAsync(browser.App, $"Ébéniste {word}", o => (o.Contract, o.SalaryMin, o.SalaryMax) = (ContractType.Cdd, 24000, 28000), OpportunityData.Figeac);
        await OpportunityData.AddAsync(browser.App, $"Menuisier {word}");
        var page = await browser.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                problems.Add(message.Text + " " + message.Location);
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                problems.Add($"{response.Status} {response.Url}");
            }
        };
        page.PageError += (_, error) => problems.Add(error);

        await page.GotoAsync($"/offres?q={word}");
        Assert.Equal("2 offres", (await page.Locator("#resultats-titre").InnerTextAsync()).Trim());
        await page.Locator("#recherche-contrat").SelectOptionAsync("cdd");
        await page.Locator("form.offer-search button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**contrat=cdd**");
        Assert.Equal("1 offre", (await page.Locator("#resultats-titre").InnerTextAsync()).Trim());

        await page.Locator("text=Voir ces offres sur la carte").ClickAsync();
        await page.WaitForURLAsync("**/offres/carte?**");
        var cluster = page.Locator(".offers-map.leaflet-container path.offer-cluster");
        await cluster.First.WaitForAsync();
        Assert.Equal(1, await cluster.CountAsync());
        Assert.Equal(0, await page.Locator(".leaflet-tile").CountAsync());
        await cluster.First.ClickAsync(new LocatorClickOptions { Force = true });
        var opportunityLink = page.Locator(".leaflet-popup a", new PageLocatorOptions { HasText = "Ébéniste" });
        await opportunityLink.ClickAsync();
        await page.WaitForURLAsync("**/offres/*/ebeniste-*");

        Assert.Equal($"Ébéniste {word}", (await page.Locator("h1").InnerTextAsync()).Trim());
        Assert.Equal(1, await page.Locator("script[type='application/ld+json']").CountAsync());
        // Any console error or warning, failed response (the favicon included) or CSP violation is a failure.
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
