using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Escale.Core.Data;
using Escale.Core.Identity;
using Escale.Core.Opportunities.Alerts;
using Escale.Tests.Infrastructure;
using Escale.Web.Pages.Compte;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Escale.Tests.Integration.Pages.Compte;

[Collection(IntegrationCollection.Name)]
public sealed class MesDonneesTests(AppFixture apps)
{
    private static SearchAlert Alert(string email) => new()
    {
        Email = email.ToUpperInvariant(), // typed in another case than the account: still the same person
        QueryString = "type=emploi",
        Label = "Offres d’emploi " + Guid.NewGuid().ToString("N")[..6],
        ConfirmationToken = Guid.NewGuid().ToString("N"),
        UnsubscribeToken = Guid.NewGuid().ToString("N"),
        CreatedAt = DateTimeOffset.UtcNow,
        LastSeenPublishedAt = DateTimeOffset.UtcNow,
    };

    private static async Task<(ApplicationUser User, HttpClient Client, SearchAlert Alert)> PersonWithAlertAsync(EscaleAppFactory app)
    {
        var user = await MailAppFixture.CreateUserAsync(app, roles: Roles.Newcomer);
        var alert = Alert(user.Email!);
        await app.WithDbAsync(async db =>
        {
            db.SearchAlerts.Add(alert);
            return await db.SaveChangesAsync();
        });
        var client = app.CreateBrowserlessClient();
        await client.SignInAsync(user.Email!, MailAppFixture.Password);
        return (user, client, alert);
    }

    [Theory, EveryDatabase]
    public async Task Export_GivesTheAccountAndTheAlertsOfItsAddress(DatabaseProvider provider)
    {
        var app = await apps.AppAsync(provider);
        var (user, client, alert) = await PersonWithAlertAsync(app);

        var response = await client.GetAsync(new Uri("/compte/mes-donnees/export", UriKind.Relative));
        var data = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(user.Email, data.GetProperty("Compte").GetProperty("Email").GetString());
        Assert.Equal(alert.Label, data.GetProperty("Alertes")[0].GetProperty("Label").GetString());
    }

    [Theory, EveryDatabase]
    public async Task Erase_WithThePassword_DeletesTheAccountAndItsAlerts_AndSignsOut(DatabaseProvider provider)
    {
        var app = await apps.AppAsync(provider);
        var (user, client, alert) = await PersonWithAlertAsync(app);
        var form = (IHtmlFormElement)(await Html.ParseAsync(await client.GetAsync(new Uri("/compte/mes-donnees", UriKind.Relative)))).QuerySelector("main form")!;

        var response = await client.SubmitAsync(form, new Dictionary<string, string> { ["Password"] = MailAppFixture.Password });
        var account = await client.GetAsync(new Uri("/compte", UriKind.Relative));

        Assert.Equal("/compte/efface", response.Headers.Location!.OriginalString);
        Assert.Null(await app.WithDbAsync(db => db.Users.SingleOrDefaultAsync(u => u.Id == user.Id)));
        Assert.False(await app.WithDbAsync(db => db.SearchAlerts.AnyAsync(a => a.Id == alert.Id)));
        Assert.Equal(HttpStatusCode.Redirect, account.StatusCode); // signed out: back to the sign-in page
    }

    [Fact]
    public async Task Erase_WithAWrongPassword_SaysSoBesideTheFieldAndKeepsEverything()
    {
        var app = await apps.AppAsync(DatabaseProvider.Sqlite);
        var (user, client, _) = await PersonWithAlertAsync(app);
        var form = (IHtmlFormElement)(await Html.ParseAsync(await client.GetAsync(new Uri("/compte/mes-donnees", UriKind.Relative)))).QuerySelector("main form")!;

        var page = await Html.ParseAsync(await client.SubmitAsync(form, new Dictionary<string, string> { ["Password"] = "pas-le-bon-mot-de-passe" }));

        Assert.Contains("n’est pas le bon", page.Text("[data-valmsg-for='Password']"), StringComparison.Ordinal);
        Assert.NotNull(await app.WithDbAsync(db => db.Users.SingleOrDefaultAsync(u => u.Id == user.Id)));
    }

    [Theory, EveryDatabase]
    public async Task RetentionJob_ErasesAccountsPastTheirPeriod_AndKeepsTheOthers(DatabaseProvider provider)
    {
        await using var app = await EscaleAppFactory.CreateAsync(provider);
        var now = DateTimeOffset.UtcNow;
        var inactive = await MailAppFixture.CreateUserAsync(app, roles: Roles.Newcomer);
        var recent = await MailAppFixture.CreateUserAsync(app, roles: Roles.Newcomer);
        var staff = await MailAppFixture.CreateUserAsync(app, roles: Roles.Editor);
        var neverConfirmed = await MailAppFixture.CreateUserAsync(app, confirmed: false);
        await app.WithDbAsync(async db =>
        {
            await Set(db, inactive.Id, now.AddDays(-4 * 365), now.AddDays(-3 * 365 - 1));
            await Set(db, recent.Id, now.AddDays(-4 * 365), now.AddDays(-2 * 365));
            await Set(db, staff.Id, now.AddDays(-5 * 365), now.AddDays(-4 * 365));
            await Set(db, neverConfirmed.Id, now.AddDays(-31), null);
            db.SearchAlerts.Add(Alert(inactive.Email!));
            return await db.SaveChangesAsync();
        });

        await using (var scope = app.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<PersonalDataRetentionJob>().RunAsync(CancellationToken.None);
        }

        var left = await app.WithDbAsync(db => db.Users.Select(u => u.Id).ToListAsync());
        Assert.DoesNotContain(inactive.Id, left);
        Assert.DoesNotContain(neverConfirmed.Id, left);
        Assert.Contains(recent.Id, left);
        Assert.Contains(staff.Id, left);
        var inactiveAlert = inactive.Email!.ToUpperInvariant();
        Assert.False(await app.WithDbAsync(db => db.SearchAlerts.AnyAsync(a => a.Email == inactiveAlert)));
    }

    private static Task<int> Set(EscaleDbContext db, string id, DateTimeOffset created, DateTimeOffset? lastSignIn) =>
        db.Users.Where(u => u.Id == id).ExecuteUpdateAsync(s => s.SetProperty(u => u.CreatedAt, created).SetProperty(u => u.LastSignInAt, lastSignIn));
}
