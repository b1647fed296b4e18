using Escale.Core.Content;
using Escale.Core.Opportunities;
using Escale.Tests.Infrastructure;
using Escale.Tests.Integration.Pages.Admin.Contenus;
using Escale.Tests.Integration.Pages.Offres;
using Escale.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Escale.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class SearchJourneyTests(BrowserFixture browser) : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => browser.CloseVisitorsAsync();

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
        Assert.Equal($"Inès, directrice d’école {word}", (await hit.Locator("h3 a").InnerTextAsync()).Trim());
        Assert.Equal("enfants", await hit.Locator(".search-snippet mark").InnerTextAsync());
        await hit.Locator("h3 a").ClickAsync();
        await page.WaitForURLAsync("**/recits/**");
    }

    [Fact]
    public async Task TheFamily_SearchesInfirmierNearFigeac_FromTheHeaderOnAPhone_AndFindsTheNurseOffersAndHerPortrait()
    {
        // The demo portrait of the nurse who came back to Figeac, as the territory pack writes it.
        var portrait = DemoContent.Load(RepoPaths.LotPack).Items.Single(i => i.Slug == "clemence-infirmiere-revenue-a-figeac");
        var figeac = await browser.App.WithDbAsync(db => db.Communes.Where(c => c.InseeCode == OpportunityData.Figeac).Select(c => c.Id).SingleAsync());
        await ContentSteps.ArrangeAsync(browser.App, DemoContent.ToDraft(portrait, figeac, null, DateOnly.FromDateTime(DateTime.UtcNow), ParisTime.Zone));
        var word = OpportunityData.UniqueWord();
        await OpportunityData.AddAsync(browser.App, $"Infirmière de bloc opératoire {word}",
            o => (o.RomeCode, o.RomeDomainCode, o.RomeGrandDomainCode) = ("J1504", "J15", "J"), OpportunityData.Figeac);
        await OpportunityData.AddAsync(browser.App, $"Infirmier·e libéral·e {word}",
            o => (o.Kind, o.Contract, o.RomeCode, o.RomeDomainCode, o.RomeGrandDomainCode) = (OpportunityKind.HealthInstallation, ContractType.Liberal, "J1506", "J15", "J"),
            OpportunityData.Figeac);
        await OpportunityData.AddAsync(browser.App, $"Menuisier {word}", o => o.RomeCode = null, OpportunityData.Figeac);
        var page = await browser.NewPageAsync(new ViewportSize { Width = 390, Height = 844 });
        await page.GotoAsync("/");

        await page.GetByText("Menu", new PageGetByTextOptions { Exact = true }).ClickAsync();
        var box = page.GetByRole(AriaRole.Search).GetByLabel("Rechercher sur le site");
        await box.FillAsync("infirmier Figeac");
        await box.PressAsync("Enter");
        await page.WaitForURLAsync("**/recherche?q=*");

        var offers = await page.Locator(".search-offer h3 a").AllInnerTextsAsync();
        Assert.Contains($"Infirmière de bloc opératoire {word}", offers);
        Assert.Contains($"Infirmier·e libéral·e {word}", offers);
        Assert.DoesNotContain($"Menuisier {word}", offers);
        Assert.Contains("Clémence, infirmière revenue à Figeac", await page.Locator(".search-hit:not(.search-offer) h3 a").AllInnerTextsAsync());
        Assert.Equal("Figeac", (await page.Locator(".search-place a").First.InnerTextAsync()).Trim());
        // Nothing is wider than the phone's screen.
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"));

        await page.Locator(".search-kinds a", new PageLocatorOptions { HasTextRegex = new System.Text.RegularExpressions.Regex("offres?$") }).ClickAsync();
        await page.WaitForURLAsync("**/offres?q=*");
        var listed = await page.Locator("#resultats h3 a").AllInnerTextsAsync();
        Assert.Contains($"Infirmière de bloc opératoire {word}", listed);
        Assert.Contains($"Infirmier·e libéral·e {word}", listed);

        await page.GoBackAsync();
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Clémence, infirmière revenue à Figeac" }).First.ClickAsync();
        await page.WaitForURLAsync("**/recits/**");
        Assert.Equal("Clémence, infirmière revenue à Figeac", (await page.Locator("h1").InnerTextAsync()).Trim());
    }
}
