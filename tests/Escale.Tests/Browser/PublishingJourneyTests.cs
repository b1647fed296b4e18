using Escale.Core.Identity;
using Escale.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Escale.Tests.Browser;

/// <summary>A partner publishes a job opportunity; an editor approves it from the moderation queue.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PublishingJourneyTests(BrowserFixture browser) : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => browser.CloseVisitorsAsync();

    [Fact]
    public async Task Partner_PublishesJobOpportunity_EditorApprovesIt()
    {
        var (partner, _) = await PartnerSteps.PartnerAsync(browser.App);
        var editor = await MailAppFixture.CreateUserAsync(browser.App, roles: Roles.Editor);
        var title = "Assembleur monteur " + Guid.NewGuid().ToString("N")[..6];

        var partnerPage = await browser.NewPageAsync();
        await BrowserSteps.SignInAsync(partnerPage, partner.Email!);
        await partnerPage.GotoAsync("/espace-partenaire");
        await partnerPage.Locator(".partner-actions a", new() { HasTextString = "Offre d’emploi" }).ClickAsync();
        await partnerPage.GetByLabel("Intitulé").FillAsync(title);
        await partnerPage.GetByLabel("Commune (nom ou code INSEE)").FillAsync("Cahors");
        await partnerPage.GetByLabel("Code ROME du métier (ex. J1506)").FillAsync("H2909");
        await partnerPage.GetByLabel("Contrat").SelectOptionAsync("Cdi");
        await partnerPage.GetByLabel("Salaire annuel brut minimum (€)").FillAsync("24000");
        await partnerPage.GetByLabel("Salaire annuel brut maximum (€)").FillAsync("27000");
        await partnerPage.GetByLabel("Adresse e-mail pour candidater").FillAsync("recrutement@exemple.invalid");
        await partnerPage.GetByRole(AriaRole.Button, new() { Name = "Soumettre pour validation" }).ClickAsync();
        await partnerPage.WaitForURLAsync("**/espace-partenaire");
        var row = partnerPage.Locator("tr", new() { HasTextString = title });
        Assert.Contains("En attente de validation", await row.Locator(".offer-status").InnerTextAsync(), StringComparison.Ordinal);

        var editorPage = await browser.NewPageAsync();
        await BrowserSteps.SignInAsync(editorPage, editor.Email!);
        await editorPage.GotoAsync("/admin/moderation");
        await editorPage.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await editorPage.GetByRole(AriaRole.Button, new() { Name = "Approuver et publier" }).ClickAsync();
        await editorPage.WaitForURLAsync("**/admin/moderation");
        Assert.Contains("est publiée", await editorPage.Locator(".status-message").InnerTextAsync(), StringComparison.Ordinal);

        await partnerPage.ReloadAsync();
        Assert.Equal("Publiée", (await partnerPage.Locator("tr", new() { HasTextString = title }).Locator(".offer-status").InnerTextAsync()).Trim());
    }
}
