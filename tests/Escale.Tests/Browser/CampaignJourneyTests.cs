using Escale.Core.Campaigns;
using Escale.Core.Identity;
using Escale.Tests.Infrastructure;
using Escale.Tests.Integration.Pages.Admin.Campagnes;
using Escale.Tests.Integration.Pages.Offres;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Escale.Tests.Browser;

/// <summary>A visitor follows a campaign's short link, says they are interested in an opportunity; the editor sees both in the report.</summary>
public sealed class CampaignJourneyTests
{
    [Fact]
    public async Task Visitor_ComesThroughCampaignLink_SendsInterest_EditorSeesVisitAndContactInReport()
    {
        await using var app = await MailBrowserApp.StartAsync();
        var campaign = await CampaignSteps.ArrangeAsync(app.App);
        var opportunity = await OpportunityData.AddAsync(app.App, "Technicienne de maintenance");
        await app.App.WithDbAsync(async db =>
        {
            var page = await db.LandingPages.Include(p => p.Blocks).SingleAsync(p => p.Id == campaign.LandingPageId);
            page.Blocks.Add(new LandingBlock
            {
                Kind = LandingBlockKind.CallToAction, Position = 2, LinkLabel = "Voir l’offre de la semaine",
                LinkUrl = $"/offres/{opportunity}/technicienne-de-maintenance",
            });
            return await db.SaveChangesAsync();
        });
        var editor = await MailAppFixture.CreateUserAsync(app.App, roles: Roles.Editor);
        var email = $"lina-{Guid.NewGuid():N}@test.escale";

        var visitor = await app.NewPageAsync();
        await visitor.GotoAsync("/c/" + campaign.Code);
        await visitor.WaitForURLAsync("**/decouvrir/" + campaign.LandingSlug);
        Assert.Equal("Vivre dans le Lot", await visitor.Locator("h1").InnerTextAsync());
        await visitor.GetByRole(AriaRole.Link, new() { Name = "Voir l’offre de la semaine" }).ClickAsync();
        await visitor.Locator("#Input_Name").FillAsync("Lina Martin");
        await visitor.Locator("#Input_Email").FillAsync(email);
        await visitor.Locator("#Input_Consent").CheckAsync();
        await visitor.Locator(".interest button[type=submit]").ClickAsync();
        await visitor.WaitForURLAsync("**#interet");
        await app.Mail.WaitForMessageAsync(email);

        var editorPage = await app.NewPageAsync();
        await BrowserSteps.SignInAsync(editorPage, editor.Email!);
        await editorPage.GotoAsync("/admin/campagnes");
        await editorPage.Locator("tr", new() { HasTextString = campaign.Slug }).GetByRole(AriaRole.Link, new() { Name = "Voir le rapport" }).ClickAsync();
        Assert.Equal("1", (await editorPage.Locator("#rapport-visites").InnerTextAsync()).Trim());
        Assert.Equal("1", (await editorPage.Locator("#rapport-contacts-dernier").InnerTextAsync()).Trim());
        Assert.Equal("1", (await editorPage.Locator("#rapport-contacts-premier").InnerTextAsync()).Trim());
        var posterRow = editorPage.Locator("#rapport-liens tbody tr", new() { HasTextString = campaign.Code });
        Assert.Equal(["1", "1", "1"], (await posterRow.Locator("td").AllInnerTextsAsync()).Select(t => t.Trim()));
    }
}
