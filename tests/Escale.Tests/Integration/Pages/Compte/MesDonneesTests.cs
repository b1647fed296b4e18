using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Escale.Core.Data;
using Escale.Core.Identity;
using Escale.Core.Opportunities;
using Escale.Core.Opportunities.Alerts;
using Escale.Core.Opportunities.Interest;
using Escale.Tests.Infrastructure;
using Escale.Tests.Integration.Pages.Admin.Campagnes;
using Escale.Tests.Integration.Pages.Offres;
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
        Assert.True(response.Headers.CacheControl!.NoStore);
        Assert.Equal(user.Email, data.GetProperty("Compte").GetProperty("Courriel").GetString());
        Assert.Equal(["Nouvel arrivant"], data.GetProperty("Compte").GetProperty("Roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(alert.Label, data.GetProperty("Alertes")[0].GetProperty("Recherche").GetString());
    }

    [Theory, EveryDatabase]
    public async Task Export_GivesTheCampaignsOfEachContact_StatusesInWords_IsoDates_AndFrenchKeysOnly(DatabaseProvider provider)
    {
        var app = await apps.AppAsync(provider);
        var (user, client, _) = await PersonWithAlertAsync(app);
        var campaign = await CampaignSteps.ArrangeAsync(app);
        var job = await OpportunityData.AddAsync(app, "Boulanger");
        var takeover = await OpportunityData.AddAsync(app, "Boulangerie à reprendre", o => (o.Kind, o.Contract, o.NafCode) = (OpportunityKind.Takeover, null, "10.71C"));
        var at = new DateTimeOffset(2026, 11, 3, 9, 30, 0, TimeSpan.Zero);
        await app.WithDbAsync(async db =>
        {
            db.OpportunityInterests.Add(new OpportunityInterest
            {
                OpportunityId = job, Name = "Sam", Email = user.Email!, ConsentedAt = at, CreatedAt = at, Source = OpportunityInterest.OpportunitySource,
                CampaignCode = $"{campaign.Slug}_{campaign.Code}", FirstCampaignCode = "campagne-effacee", Status = CandidateStatus.Contacted, UserId = user.Id,
            });
            db.TakeoverContactRequests.Add(new TakeoverContactRequest
            {
                OpportunityId = takeover, Name = "Sam", Email = user.Email!, TokenHash = Guid.NewGuid().ToString("N"), ConsentedAt = at, CreatedAt = at,
                Status = ContactRequestStatus.Pending, CampaignCode = campaign.Slug, UserId = user.Id,
            });
            return await db.SaveChangesAsync();
        });

        var response = await client.GetAsync(new Uri("/compte/mes-donnees/export", UriKind.Relative));
        var data = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        var interest = data.GetProperty("InteretsPourDesOffres")[0];
        Assert.Equal("Contacté·e", interest.GetProperty("Statut").GetString());
        Assert.Equal("2026-11-03T09:30:00+00:00", interest.GetProperty("EnvoyeLe").GetString());
        var touches = interest.GetProperty("Campagnes");
        Assert.Equal(($"{campaign.Slug}_{campaign.Code}", "Salon " + campaign.Slug), (touches.GetProperty("DernierContact").GetProperty("Code").GetString(), touches.GetProperty("DernierContact").GetProperty("Campagne").GetString()));
        Assert.Equal(("campagne-effacee", JsonValueKind.Null), (touches.GetProperty("PremierContact").GetProperty("Code").GetString(), touches.GetProperty("PremierContact").GetProperty("Campagne").ValueKind));
        var request = data.GetProperty("DemandesDeContactReprise")[0];
        Assert.Equal("En attente de la réponse du cédant", request.GetProperty("Statut").GetString());
        Assert.Equal("Salon " + campaign.Slug, request.GetProperty("Campagnes").GetProperty("DernierContact").GetProperty("Campagne").GetString());
        Assert.Empty(Keys(data).Intersect(EnglishKeys));
    }

    /// <summary>The English names the export used to mix with French ones.</summary>
    private static readonly HashSet<string> EnglishKeys =
        ["Email", "Name", "DisplayName", "Phone", "Label", "QueryString", "Id", "At", "Detail", "CreatedAt", "ConsentedAt", "DecidedAt", "LastSentAt", "ConfirmedAt", "EmailConfirmed", "LastSignInAt", "Adults", "RomeCode"];

    private static IEnumerable<string> Keys(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Keys(p.Value).Prepend(p.Name)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Keys),
        _ => [],
    };

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
