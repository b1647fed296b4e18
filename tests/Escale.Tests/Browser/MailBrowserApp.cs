using Escale.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Escale.Tests.Browser;

/// <summary>
/// An application of its own on a real port, sending mail to a real SMTP sink, with Chromium to drive it:
/// for journeys that read e-mail, which the shared browser fixture has no need of.
/// </summary>
public sealed class MailBrowserApp : IAsyncDisposable
{
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    private int _mailPort;

    /// <summary>The SMTP sink; null while the mail server is down (<c>StartAsync(mailServerUp: false)</c>).</summary>
    public SmtpSink Mail { get; private set; } = null!;
    public EscaleAppFactory App { get; private set; } = null!;

    /// <param name="mailServerUp">False: nothing listens on the SMTP port until <see cref="StartMailServerAsync"/>.</param>
    /// <param name="settings">More settings for the application.</param>
    public static async Task<MailBrowserApp> StartAsync(bool mailServerUp = true, IDictionary<string, string?>? settings = null)
    {
        var started = new MailBrowserApp();
        if (mailServerUp)
        {
            started.Mail = await SmtpSink.StartAsync();
            started._mailPort = started.Mail.Port;
        }
        else
        {
            started._mailPort = SmtpSink.FreePort();
        }
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["Smtp:Port"] = started._mailPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        started.App = await EscaleAppFactory.CreateAsync(DatabaseProvider.Sqlite, all);
        started.App.UseKestrel(0);
        started.App.StartServer();
        started._playwright = await Playwright.CreateAsync();
        started._browser = await started._playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable(BrowserFixture.ChromiumVariable) is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        return started;
    }

    /// <summary>The SMTP server comes back, on the port the application was given.</summary>
    public async Task<SmtpSink> StartMailServerAsync()
    {
        Mail = await SmtpSink.StartAsync(_mailPort);
        return Mail;
    }

    /// <summary>A page in a context of its own (its own cookies: one person).</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { Locale = "fr-FR", BaseURL = App.ClientOptions.BaseAddress.ToString() });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await App.DisposeAsync();
        if (Mail is not null)
        {
            await Mail.DisposeAsync();
        }
    }
}

/// <summary>Steps the journeys share: signing in, and listening for what goes wrong on a page.</summary>
public static class BrowserSteps
{
    public static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/compte/connexion");
        await page.GetByLabel("Adresse électronique").FillAsync(email);
        await page.GetByLabel("Mot de passe").FillAsync(MailAppFixture.Password);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/compte/connexion", StringComparison.Ordinal));
    }

    /// <summary>Console errors, uncaught exceptions, failed requests and HTTP errors the page meets from now on.</summary>
    public static List<string> WatchForProblems(IPage page)
    {
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (problems)
                {
                    problems.Add("console: " + message.Text);
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (problems)
            {
                problems.Add("page error: " + error);
            }
        };
        page.RequestFailed += (_, request) =>
        {
            lock (problems)
            {
                problems.Add($"request failed: {request.Url} ({request.Failure})");
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                lock (problems)
                {
                    problems.Add($"HTTP {response.Status}: {response.Url}");
                }
            }
        };
        return problems;
    }
}
