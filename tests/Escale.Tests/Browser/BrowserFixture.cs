using Escale.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Escale.Tests.Browser;

/// <summary>
/// The application on a real loopback port and the system's Chromium, shared by the browser tests.
/// Browsers are never downloaded: ESCALE_CHROMIUM (default /usr/bin/chromium) is launched as it is.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumVariable = "ESCALE_CHROMIUM";

    private EscaleAppFactory? _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private readonly List<IBrowserContext> _contexts = [];

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The application under test, for arranging data (users, organisations) the way the journey needs.</summary>
    public EscaleAppFactory App => _app!;

    public async Task InitializeAsync()
    {
        _app = await EscaleAppFactory.CreateAsync(DatabaseProvider.Sqlite);
        _app.UseKestrel(0);
        _app.StartServer();
        BaseAddress = _app.ClientOptions.BaseAddress;

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Headless = true,
            // Quiet, offline-friendly Chromium: no sandbox in containers, no GPU, no calls home.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh French-speaking visitor (own cookies) on a new tab.</summary>
    public Task<IPage> NewPageAsync() => NewPageAsync(new ViewportSize { Width = 1280, Height = 900 });

    /// <summary>
    /// A fresh French-speaking visitor on a screen of the given size (390 × 844 is a common phone), with or without
    /// JavaScript. Tests that inject a checker into the page (axe-core) bypass the page's Content-Security-Policy.
    /// </summary>
    public async Task<IPage> NewPageAsync(ViewportSize viewport, bool javaScript = true, bool injectsScripts = false)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "fr-FR",
            BaseURL = BaseAddress.ToString(),
            ViewportSize = viewport,
            JavaScriptEnabled = javaScript,
            BypassCSP = injectsScripts,
        });
        context.SetDefaultTimeout(30_000);
        _contexts.Add(context);
        return await context.NewPageAsync();
    }

    /// <summary>
    /// Closes the visitors a test opened (each test class calls it when its test ends): left open, their pages kept
    /// running scripts and holding memory in the one Chromium that every later test of the collection shares.
    /// </summary>
    public async Task CloseVisitorsAsync()
    {
        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }
        _contexts.Clear();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
