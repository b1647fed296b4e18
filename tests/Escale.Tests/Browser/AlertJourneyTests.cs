using System.Text.RegularExpressions;
using Escale.Tests.Infrastructure;
using Escale.Tests.Integration.Pages.Offres;
using Escale.Web.Pages.Offres.Alertes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Escale.Tests.Browser;

/// <summary>
/// A visitor saves a search as an alert, confirms it from the e-mail and receives the digest. Its own application
/// (on a real port) sends mail to a real SMTP sink, which the shared browser fixture has no need of.
/// </summary>
public sealed partial class AlertJourneyTests : IAsyncLifetime
{
    private MailBrowserApp _site = null!;

    public async Task InitializeAsync() => _site = await MailBrowserApp.StartAsync();

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task Visitor_SavesASearch_ConfirmsFromTheEmail_AndGetsTheDigestOfANewMatchingOpportunity()
    {
        var page = await _site.NewPageAsync();
        var email = $"visiteur-{Guid.NewGuid():N}@test.escale";
        var word = OpportunitySeed.UniqueWord();

        await page.GotoAsync($"/offres/alertes/nouvelle?type=emploi&contrat=cdi&q={word}");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Offres d’emploi · « " + word + " » · CDI");
        await page.GetByLabel("Adresse électronique").FillAsync(email);
        await page.GetByLabel("J’accepte de recevoir ces offres").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer l’alerte" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("confirmez l’alerte");

        var confirmation = await _site.Mail.WaitForMessageAsync(email);
        var link = new Uri(ConfirmLink().Match(confirmation.TextBody ?? "").Value);
        await page.GotoAsync(link.PathAndQuery);
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirmer l’alerte" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Votre alerte est active");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "flux RSS de cette recherche" })).ToBeVisibleAsync();

        await OpportunitySeed.AddAsync(_site.App, $"Charpentier {word}", publishedAt: DateTimeOffset.UtcNow.AddSeconds(1));
        await using (var scope = _site.App.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<AlertDigestJob>().RunAsync(CancellationToken.None);
        }
        var digest = await _site.Mail.WaitForMessageAsync(email, where: m => (m.Subject ?? "").Contains("nouvelle offre", StringComparison.Ordinal));

        Assert.Contains($"Charpentier {word}", digest.TextBody ?? "", StringComparison.Ordinal);
        Assert.Contains("/offres/alertes/desabonner/", digest.Headers["List-Unsubscribe"], StringComparison.Ordinal);
    }

    [GeneratedRegex(@"https?://\S+/offres/alertes/confirmer/[A-Za-z0-9_-]+")]
    private static partial Regex ConfirmLink();
}
