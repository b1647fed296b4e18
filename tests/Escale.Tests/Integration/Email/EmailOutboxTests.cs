using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Escale.Core.Data;
using Escale.Core.Email;
using Escale.Core.Identity;
using Escale.Tests.Infrastructure;
using Escale.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Escale.Tests.Integration.Email;

public sealed class EmailOutboxTests
{
    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);

    private static async Task<OutboxEmail> WaitForAsync(EscaleAppFactory app, string to, Func<OutboxEmail, bool> until, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var email = await app.WithDbAsync(db => db.OutboxEmails.AsNoTracking().SingleOrDefaultAsync(e => e.To == to));
            if (email is not null && until(email))
            {
                return email;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The outbox e-mail did not reach the expected state (status {email?.Status}, {email?.Attempts} attempts).");
            }
            await Task.Delay(50);
        }
    }

    [Theory, EveryDatabase]
    public async Task PasswordReset_WithSmtpDown_IsAccepted_AndTheMailArrivesWithinAMinuteOnceTheServerIsBack(DatabaseProvider provider)
    {
        var port = SmtpSink.FreePort();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await EscaleAppFactory.CreateAsync(provider, new Dictionary<string, string?> { ["Smtp:Port"] = Port(port) },
            services => services.AddSingleton<TimeProvider>(clock));
        var user = await MailAppFixture.CreateUserAsync(app);
        var client = app.CreateBrowserlessClient();

        var forgot = await Html.ParseAsync(await client.GetAsync(new Uri("/compte/mot-de-passe-oublie", UriKind.Relative)));
        var accepted = await client.SubmitAsync(forgot.QuerySelector<IHtmlFormElement>("main form")!, new Dictionary<string, string> { ["Email"] = user.Email! });
        var signInPage = await Html.ParseAsync(await client.GetAsync(accepted.Headers.Location!));
        var waiting = await WaitForAsync(app, user.Email!, e => e.Attempts == 1);
        await using var mail = await SmtpSink.StartAsync(port);
        clock.Advance(TimeSpan.FromMinutes(1));
        var message = await mail.WaitForMessageAsync(user.Email!, TimeSpan.FromSeconds(15));
        var sent = await WaitForAsync(app, user.Email!, e => e.Status == OutboxEmailStatus.Sent);

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Contains("un lien pour choisir un nouveau mot de passe vient de lui être envoyé", signInPage.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(OutboxEmailStatus.Pending, waiting.Status);
        Assert.True(waiting.NextAttemptAt - waiting.LastAttemptAt <= TimeSpan.FromMinutes(1));
        Assert.StartsWith("SocketException", waiting.LastError, StringComparison.Ordinal);
        Assert.DoesNotContain("@", waiting.LastError, StringComparison.Ordinal);
        Assert.Contains("/compte/reinitialiser-mot-de-passe?", message.TextBody, StringComparison.Ordinal);
        Assert.Equal((2, "", ""), (sent.Attempts, sent.TextBody, sent.HtmlBody));
        Assert.Single(mail.MessagesTo(user.Email!));
    }

    [Theory, EveryDatabase]
    public async Task Message_FailingEveryAttempt_IsMarkedFailed_AndRenvoyerSendsIt(DatabaseProvider provider)
    {
        var port = SmtpSink.FreePort();
        await using var app = await EscaleAppFactory.CreateAsync(provider, new Dictionary<string, string?>
        {
            ["Smtp:Port"] = Port(port),
            ["Email:OutboxPollSeconds"] = "1",
            ["Email:OutboxRetrySeconds:0"] = "1",
            ["Email:OutboxRetrySeconds:1"] = "1",
            ["Admin:Email"] = MailAppFixture.AdminEmail,
            ["Admin:Password"] = MailAppFixture.Password,
        });
        var to = $"echec-{Guid.NewGuid():N}@test.escale";
        await using (var scope = app.Scope())
        {
            scope.ServiceProvider.GetRequiredService<IEmailOutbox>().Enqueue(new EmailMessage(to, null, "Essai d’envoi", "Texte", "<p>Texte</p>"));
            await scope.ServiceProvider.GetRequiredService<EscaleDbContext>().SaveChangesAsync();
        }

        var failed = await WaitForAsync(app, to, e => e.Status == OutboxEmailStatus.Failed);
        await Task.Delay(1500); // a failed message is not tried again
        var stillFailed = await WaitForAsync(app, to, _ => true);
        var client = app.CreateBrowserlessClient();
        await client.SignInAsync(MailAppFixture.AdminEmail, MailAppFixture.Password);
        var home = await Html.ParseAsync(await client.GetAsync(new Uri("/admin", UriKind.Relative)));
        var outbox = await Html.ParseAsync(await client.GetAsync(new Uri("/admin/courriels", UriKind.Relative)));
        await using var mail = await SmtpSink.StartAsync(port);
        var resend = outbox.QuerySelector<IHtmlFormElement>($"#courriels-en-echec tr[data-email='{failed.Id}'] form")!;
        var resent = await client.SubmitAsync(resend, new Dictionary<string, string>());
        var after = await Html.ParseAsync(await client.GetAsync(resent.Headers.Location!));
        var message = await mail.WaitForMessageAsync(to);

        Assert.Equal((3, 3), (failed.Attempts, stillFailed.Attempts));
        Assert.DoesNotContain(to, failed.LastError, StringComparison.Ordinal);
        Assert.Equal("1", home.QuerySelector("#admin-courriels-en-echec")!.TextContent.Trim());
        Assert.Contains(to, outbox.QuerySelector("#courriels-en-echec")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, resent.StatusCode);
        Assert.Contains("de nouveau en file d’attente", after.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Essai d’envoi", message.Subject);
    }

    [Theory, EveryDatabase]
    public async Task TwoWorkersOnOneDatabase_SendEachMessageOnce(DatabaseProvider provider)
    {
        await using var mail = await SmtpSink.StartAsync();
        await using var app = await EscaleAppFactory.CreateAsync(provider, new Dictionary<string, string?> { ["Smtp:Port"] = Port(mail.Port) });
        var prefix = Guid.NewGuid().ToString("N")[..8];
        var addresses = Enumerable.Range(0, 30).Select(i => $"lot-{prefix}-{i}@test.escale").ToList();
        await using (var scope = app.Scope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<IEmailOutbox>();
            foreach (var address in addresses)
            {
                outbox.Enqueue(new EmailMessage(address, null, "Message " + address, "Texte", "<p>Texte</p>"));
            }
            await scope.ServiceProvider.GetRequiredService<EscaleDbContext>().SaveChangesAsync();
        }
        OutboxWorker Instance() => new(app.Services.GetRequiredService<IServiceScopeFactory>(), new OutboxSignal(),
            app.Services.GetRequiredService<IEmailSender>(), TimeProvider.System,
            Options.Create(new EmailOutboxSettings()), NullLogger<OutboxWorker>.Instance);

        // With the application's own worker, nudged by the commit above, three workers compete for the same rows.
        await Task.WhenAll(Instance().SendDueAsync(CancellationToken.None), Instance().SendDueAsync(CancellationToken.None));
        foreach (var address in addresses)
        {
            await mail.WaitForMessageAsync(address);
        }
        await Task.Delay(500);

        Assert.All(addresses, address => Assert.Single(mail.MessagesTo(address)));
        var statuses = await app.WithDbAsync(db => db.OutboxEmails.Where(e => e.To.StartsWith("lot-" + prefix)).Select(e => new { e.Status, e.Attempts }).ToListAsync());
        Assert.All(statuses, s => Assert.Equal((OutboxEmailStatus.Sent, 1), (s.Status, s.Attempts)));
    }

    [Fact]
    public void DevelopmentMailServer_ReceivesWhateverPortItWasGiven()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Smtp:Host"] = "smtp.example.org",
            ["Smtp:Port"] = "2525",
            ["DevMail:Enabled"] = "true",
            ["DevMail:Port"] = "2626",
        }).Build();
        var services = new ServiceCollection().AddEscaleEmail(configuration).BuildServiceProvider();

        var smtp = services.GetRequiredService<IOptions<SmtpSettings>>().Value;

        Assert.Equal(("127.0.0.1", 2626), (smtp.Host, smtp.Port));
    }

    [Fact]
    public void FailedAttempts_WaitLongerEachTime_ThenGiveUp()
    {
        var now = new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
        var email = new OutboxEmail { To = "a@test.escale", Subject = "s", TextBody = "t", HtmlBody = "h", NextAttemptAt = now };
        var waits = new List<TimeSpan>();

        while (email.Status == OutboxEmailStatus.Pending)
        {
            email.MarkAttemptFailed(now, "SocketException: ConnectionRefused", OutboxEmail.DefaultRetryDelays);
            if (email.Status == OutboxEmailStatus.Pending)
            {
                waits.Add(email.NextAttemptAt - now);
                now = email.NextAttemptAt;
            }
        }

        Assert.True(waits[0] <= TimeSpan.FromMinutes(1));
        Assert.Equal(waits.Order(), waits);
        Assert.Equal((OutboxEmailStatus.Failed, OutboxEmail.DefaultRetryDelays.Count + 1), (email.Status, email.Attempts));
        Assert.True(email.Requeue(now));
        Assert.Equal((OutboxEmailStatus.Pending, 0, now), (email.Status, email.Attempts, email.NextAttemptAt));
    }
}
