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
    private SmtpSink _mail = null!;
    private EscaleAppFactory _app = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        _mail = await SmtpSink.StartAsync();
        _app = await EscaleAppFactory.CreateAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?>
        {
            ["Smtp:Port"] = _mail.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        _app.UseKestrel(0);
        _app.StartServer();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable(BrowserFixture.ChromiumVariable) is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    [Fact]
    public async Task Visitor_SavesASearch_ConfirmsFromTheEmail_AndGetsTheDigestOfANewMatchingOffer()
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { Locale = "fr-FR", BaseURL = _app.ClientOptions.BaseAddress.ToString() });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        var email = $"visiteur-{Guid.NewGuid():N}@test.escale";
        var word = OfferSeed.UniqueWord();

        await page.GotoAsync($"/offres/alertes/nouvelle?type=emploi&contrat=cdi&q={word}");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Offres d’emploi · « " + word + " » · CDI");
        await page.GetByLabel("Adresse électronique").FillAsync(email);
        await page.GetByLabel("J’accepte de recevoir ces offres").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer l’alerte" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("confirmez l’alerte");

        var confirmation = await _mail.WaitForMessageAsync(email);
        var link = new Uri(ConfirmLink().Match(confirmation.TextBody ?? "").Value);
        await page.GotoAsync(link.PathAndQuery);
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirmer l’alerte" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Votre alerte est active");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "flux RSS de cette recherche" })).ToBeVisibleAsync();

        await OfferSeed.AddAsync(_app, $"Charpentier {word}", publishedAt: DateTimeOffset.UtcNow.AddSeconds(1));
        await using (var scope = _app.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<AlertDigestJob>().RunAsync(CancellationToken.None);
        }
        var digest = await _mail.WaitForMessageAsync(email, where: m => (m.Subject ?? "").Contains("nouvelle offre", StringComparison.Ordinal));

        Assert.Contains($"Charpentier {word}", digest.TextBody ?? "", StringComparison.Ordinal);
        Assert.Contains("/offres/alertes/desabonner/", digest.Headers["List-Unsubscribe"], StringComparison.Ordinal);
        await context.DisposeAsync();
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _app.DisposeAsync();
        await _mail.DisposeAsync();
    }

    [GeneratedRegex(@"https?://\S+/offres/alertes/confirmer/[A-Za-z0-9_-]+")]
    private static partial Regex ConfirmLink();
}
