using Escale.Core.Content;
using Escale.Tests.Integration.Pages.Admin.Contenus;
using Microsoft.Playwright;

namespace Escale.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class SearchJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task AVisitor_TypesInTheHeaderSearchBox_AndFindsThePublishedPortrait_WithTheWordsMarked()
    {
        var word = "zq" + new string(Guid.NewGuid().ToString("N").Where(char.IsAsciiLetter).Take(8).ToArray()) + "xw";
        await ContentSteps.ArrangeAsync(browser.App, new ContentDraft
        {
            Type = ContentType.Portrait,
            Texts = [new ContentText("fr", $"Inès, directrice d’école {word}", "De Lyon à Figeac.", "Elle a ouvert une classe pour les enfants du plateau.")],
        });
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");

        var box = page.GetByRole(AriaRole.Search).GetByLabel("Rechercher sur le site");
        await box.FillAsync($"enfant {word}");
        await box.PressAsync("Enter");
        await page.WaitForURLAsync("**/recherche?q=*");

        var hit = page.Locator(".search-hit");
        Assert.Equal(1, await hit.CountAsync());
        Assert.Equal($"Inès, directrice d’école {word}", (await hit.Locator("h2 a").InnerTextAsync()).Trim());
        Assert.Equal("enfants", await hit.Locator(".search-snippet mark").InnerTextAsync());
        await hit.Locator("h2 a").ClickAsync();
        await page.WaitForURLAsync("**/recits/**");
    }
}
