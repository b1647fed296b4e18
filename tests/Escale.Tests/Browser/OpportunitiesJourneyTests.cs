using System.Text.RegularExpressions;
using Escale.Core.Identity;
using Escale.Tests.Infrastructure;
using Escale.Web.Pages.Offres.Alertes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Escale.Tests.Browser;

/// <summary>
/// The opportunities journey of issue 4 in one go, in Chromium: a partner publishes a job opportunity, an editor approves it,
/// a visitor finds it through the facets and on the map, saves the search, confirms the alert from the e-mail,
/// and receives the digest when a second matching opportunity is approved. Mail goes through a real SMTP server.
/// </summary>
public sealed partial class OpportunitiesJourneyTests : IAsyncLifetime
{
    private MailBrowserApp _site = null!;

    public async Task InitializeAsync() => _site = await MailBrowserApp.StartAsync();

    public async Task DisposeAsync() => await _site.DisposeAsync();

    private static async Task PublishJobAsync(IPage partner, string title, string commune)
    {
        await partner.GotoAsync("/espace-partenaire");
        await partner.Locator(".partner-actions a", new() { HasTextString = "Offre d’emploi" }).ClickAsync();
        await partner.GetByLabel("Intitulé").FillAsync(title);
        await partner.GetByLabel("Commune (nom ou code INSEE)").FillAsync(commune);
        await partner.GetByLabel("Code ROME du métier (ex. J1506)").FillAsync("H2903");
        await partner.GetByLabel("Contrat").SelectOptionAsync("Cdi");
        await partner.GetByLabel("Salaire annuel brut minimum (€)").FillAsync("28000");
        await partner.GetByLabel("Salaire annuel brut maximum (€)").FillAsync("32000");
        await partner.GetByLabel("Adresse e-mail pour candidater").FillAsync("recrutement@exemple.invalid");
        await partner.GetByRole(AriaRole.Button, new() { Name = "Soumettre pour validation" }).ClickAsync();
        await partner.WaitForURLAsync("**/espace-partenaire");
    }

    private static async Task ApproveAsync(IPage editor, string title)
    {
        await editor.GotoAsync("/admin/moderation");
        await editor.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await editor.GetByRole(AriaRole.Button, new() { Name = "Approuver et publier" }).ClickAsync();
        await editor.WaitForURLAsync("**/admin/moderation");
    }

    [Fact]
    public async Task PartnerPublishes_EditorApproves_VisitorFindsSavesAndGetsTheDigestOfTheNextOne()
    {
        var (partnerUser, _) = await PartnerSteps.PartnerAsync(_site.App);
        var editorUser = await MailAppFixture.CreateUserAsync(_site.App, roles: Roles.Editor);
        var word = "Journée" + Guid.NewGuid().ToString("N")[..6];
        var partner = await _site.NewPageAsync();
        var editor = await _site.NewPageAsync();
        var visitor = await _site.NewPageAsync();
        var email = $"visiteur-{Guid.NewGuid():N}@test.escale";
        await BrowserSteps.SignInAsync(partner, partnerUser.Email!);
        await BrowserSteps.SignInAsync(editor, editorUser.Email!);

        await PublishJobAsync(partner, $"Tourneur fraiseur {word}", "Figeac");
        await ApproveAsync(editor, $"Tourneur fraiseur {word}");

        await visitor.GotoAsync($"/offres?q={word}");
        await visitor.Locator("#recherche-contrat").SelectOptionAsync("cdi");
        await visitor.Locator("form.offer-search button[type=submit]").ClickAsync();
        await visitor.WaitForURLAsync("**contrat=cdi**");
        Assert.Equal("1 offre", (await visitor.Locator("#resultats-titre").InnerTextAsync()).Trim());
        Assert.Contains($"Tourneur fraiseur {word}", await visitor.Locator("#resultats").InnerTextAsync(), StringComparison.Ordinal);

        await visitor.Locator("text=Voir ces offres sur la carte").ClickAsync();
        var cluster = visitor.Locator(".offers-map.leaflet-container path.offer-cluster");
        await cluster.First.WaitForAsync();
        Assert.Equal(1, await cluster.CountAsync());

        await visitor.GoBackAsync();
        await visitor.GetByRole(AriaRole.Link, new() { Name = "Recevoir les nouvelles offres de cette recherche par courriel" }).ClickAsync();
        await visitor.GetByLabel("Adresse électronique").FillAsync(email);
        await visitor.GetByLabel("J’accepte de recevoir ces offres").CheckAsync();
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Créer l’alerte" }).ClickAsync();
        var confirmation = await _site.Mail.WaitForMessageAsync(email);
        await visitor.GotoAsync(new Uri(ConfirmLink().Match(confirmation.TextBody ?? "").Value).PathAndQuery);
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Confirmer l’alerte" }).ClickAsync();
        await Assertions.Expect(visitor.GetByRole(AriaRole.Status)).ToContainTextAsync("Votre alerte est active");

        await PublishJobAsync(partner, $"Tourneur de nuit {word}", "Cahors");
        await ApproveAsync(editor, $"Tourneur de nuit {word}");
        await using (var scope = _site.App.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<AlertDigestJob>().RunAsync(CancellationToken.None);
        }
        var digest = await _site.Mail.WaitForMessageAsync(email, where: m => (m.Subject ?? "").Contains("nouvelle offre", StringComparison.Ordinal));

        Assert.Contains($"Tourneur de nuit {word}", digest.TextBody ?? "", StringComparison.Ordinal);
        Assert.DoesNotContain($"Tourneur fraiseur {word}", digest.TextBody ?? "", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"https?://\S+/offres/alertes/confirmer/[A-Za-z0-9_-]+")]
    private static partial Regex ConfirmLink();
}
