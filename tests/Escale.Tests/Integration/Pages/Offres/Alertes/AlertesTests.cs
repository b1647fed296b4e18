using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Escale.Core.Opportunities;
using Escale.Core.Opportunities.Alerts;
using Escale.Tests.Infrastructure;
using Escale.Web.Pages.Offres.Alertes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Escale.Tests.Integration.Pages.Offres.Alertes;

[Collection(AccountsCollection.Name)]
public sealed partial class AlertesTests(MailAppFixture fixture)
{
    private static async Task<HttpResponseMessage> SaveAlertAsync(HttpClient client, string query, string email, bool consent = true)
    {
        var page = await Html.ParseAsync(await client.GetAsync(new Uri("/offres/alertes/nouvelle?" + query, UriKind.Relative)));
        var form = page.QuerySelector<IHtmlFormElement>("main form")!;
        var values = new Dictionary<string, string> { ["Email"] = email };
        if (consent)
        {
            values["Consent"] = "true";
        }
        return await client.SubmitAsync(form, values);
    }

    private static async Task RunDigestAsync(EscaleAppFactory app)
    {
        await using var scope = app.Scope();
        await scope.ServiceProvider.GetRequiredService<AlertDigestJob>().RunAsync(CancellationToken.None);
    }

    private static async Task ConfirmAsync(HttpClient client, MimeMessage confirmation)
    {
        var link = new Uri(ConfirmLink().Match(confirmation.TextBody ?? "").Value);
        var page = await Html.ParseAsync(await client.GetAsync(new Uri(link.PathAndQuery, UriKind.Relative)));
        var confirmed = await client.SubmitAsync(page.QuerySelector<IHtmlFormElement>("main form")!, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
    }

    private static string Email() => $"alerte-{Guid.NewGuid():N}@test.escale";

    private static bool IsDigest(MimeMessage m) => (m.Subject ?? "").Contains("nouvelle", StringComparison.Ordinal);

    [Theory, EveryDatabase]
    public async Task SavedSearch_IsSentOnlyAfterConfirmation_WithOnlyNewMatchingOpportunities_AndOnlyOnce(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var client = app.CreateBrowserlessClient();
        var email = Email();
        var word = OpportunitySeed.UniqueWord();
        await OpportunitySeed.AddAsync(app, $"Ancienne offre {word}", publishedAt: DateTimeOffset.UtcNow.AddDays(-1));

        var saved = await SaveAlertAsync(client, $"q={word}&type=emploi&contrat=cdi", email);
        var confirmation = await fixture.Mail.WaitForMessageAsync(email);
        await OpportunitySeed.AddAsync(app, $"Avant confirmation {word}", publishedAt: DateTimeOffset.UtcNow.AddSeconds(1));
        await RunDigestAsync(app);
        var beforeConfirmation = fixture.Mail.MessagesTo(email).Count(IsDigest);

        await ConfirmAsync(client, confirmation);
        await OpportunitySeed.AddAsync(app, $"Infirmière {word}", contract: ContractType.Cdd, publishedAt: DateTimeOffset.UtcNow.AddSeconds(2));
        await OpportunitySeed.AddAsync(app, $"Développeuse {word}", publishedAt: DateTimeOffset.UtcNow.AddSeconds(2));
        await RunDigestAsync(app);
        var digest = await fixture.Mail.WaitForMessageAsync(email, where: IsDigest);
        await RunDigestAsync(app);
        await Task.Delay(300);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Confirmez votre alerte", confirmation.Subject, StringComparison.Ordinal);
        Assert.Contains("/offres/flux.rss?", confirmation.TextBody ?? "", StringComparison.Ordinal);
        Assert.Equal(0, beforeConfirmation);
        Assert.Contains($"Développeuse {word}", digest.TextBody ?? "", StringComparison.Ordinal);
        Assert.Contains($"Avant confirmation {word}", digest.TextBody ?? "", StringComparison.Ordinal);
        Assert.DoesNotContain($"Infirmière {word}", digest.TextBody ?? "", StringComparison.Ordinal);
        Assert.DoesNotContain($"Ancienne offre {word}", digest.TextBody ?? "", StringComparison.Ordinal);
        Assert.Contains("http://localhost:5080/offres/", digest.TextBody ?? "", StringComparison.Ordinal);
        Assert.Matches("^<http://localhost:5080/offres/alertes/desabonner/[A-Za-z0-9_-]{43}>$", digest.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", digest.Headers["List-Unsubscribe-Post"]);
        Assert.Single(fixture.Mail.MessagesTo(email), IsDigest);
    }

    [Theory, EveryDatabase]
    public async Task SameSearchSavedTwice_MakesOneAlert(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var client = app.CreateBrowserlessClient();
        var email = Email();

        await SaveAlertAsync(client, "contrat=cdd&type=emploi", email);
        await SaveAlertAsync(client, "type=EMPLOI&contrat=CDD&page=3", email.ToUpperInvariant());

        var alerts = await app.WithDbAsync(db => db.SearchAlerts.Where(a => a.Email == email).ToListAsync());
        var alert = Assert.Single(alerts);
        Assert.Equal("type=emploi&contrat=cdd", alert.QueryString);
        Assert.Equal("Offres d’emploi · CDD", alert.Label);
    }

    [Theory, EveryDatabase]
    public async Task AlertBeyondTheLimitPerAddress_IsRefusedInFrench(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var client = app.CreateBrowserlessClient();
        var email = Email();
        string[] searches = ["type=emploi", "type=reprise", "type=creation", "type=sante", "contrat=cdi"];
        foreach (var search in searches)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await SaveAlertAsync(client, search, email)).StatusCode);
        }

        var refused = await SaveAlertAsync(client, "contrat=cdd", email);
        var page = await Html.ParseAsync(refused);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("le maximum", page.Text("main"), StringComparison.Ordinal);
        Assert.Equal(5, await app.WithDbAsync(db => db.SearchAlerts.CountAsync(a => a.Email == email)));
    }

    [Theory, EveryDatabase]
    public async Task AlertWithoutConsent_IsNotSaved(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var email = Email();

        var response = await SaveAlertAsync(app.CreateBrowserlessClient(), "type=emploi", email, consent: false);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.SearchAlerts.CountAsync(a => a.Email == email)));
    }

    [Theory, EveryDatabase]
    public async Task OneClickUnsubscribePost_FromAMailClient_DeletesTheAlert(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var token = await ArrangeAlertAsync(app, confirmed: true, createdAt: DateTimeOffset.UtcNow);
        using var mailClient = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });

        var response = await mailClient.PostAsync(new Uri("/offres/alertes/desabonner/" + token.Unsubscribe, UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }));
        var again = await mailClient.PostAsync(new Uri("/offres/alertes/desabonner/" + token.Unsubscribe, UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.SearchAlerts.AnyAsync(a => a.UnsubscribeToken == token.Unsubscribe)));
    }

    [Theory, EveryDatabase]
    public async Task UnsubscribePage_ShowsTheSearch_AndItsButtonDeletes(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var client = app.CreateBrowserlessClient();
        var token = await ArrangeAlertAsync(app, confirmed: true, createdAt: DateTimeOffset.UtcNow);

        var page = await Html.ParseAsync(await client.GetAsync(new Uri("/offres/alertes/desabonner/" + token.Unsubscribe, UriKind.Relative)));
        var done = await client.SubmitAsync(page.QuerySelector<IHtmlFormElement>("main form")!, new Dictionary<string, string>());

        Assert.Contains("Offres d’emploi", page.Text("main"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.SearchAlerts.AnyAsync(a => a.UnsubscribeToken == token.Unsubscribe)));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/offres/alertes/desabonner/inconnu", UriKind.Relative))).StatusCode);
    }

    [Theory, EveryDatabase]
    public async Task DigestJob_DeletesAlertsLeftUnconfirmedForSevenDays_AndKeepsRecentOnes(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var old = await ArrangeAlertAsync(app, confirmed: false, createdAt: DateTimeOffset.UtcNow.AddDays(-8));
        var recent = await ArrangeAlertAsync(app, confirmed: false, createdAt: DateTimeOffset.UtcNow.AddDays(-6));

        await RunDigestAsync(app);

        Assert.False(await app.WithDbAsync(db => db.SearchAlerts.AnyAsync(a => a.UnsubscribeToken == old.Unsubscribe)));
        Assert.True(await app.WithDbAsync(db => db.SearchAlerts.AnyAsync(a => a.UnsubscribeToken == recent.Unsubscribe)));
    }

    [Theory, EveryDatabase]
    public async Task NewAlertForm_ForASignedInPerson_HoldsTheirAddress_AndIsEmptyForAVisitor(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var person = await MailAppFixture.CreateUserAsync(app);
        var client = app.CreateBrowserlessClient();
        await client.SignInAsync(person.Email!, MailAppFixture.Password);

        var signedIn = await Html.ParseAsync(await client.GetAsync(new Uri("/offres/alertes/nouvelle?type=emploi", UriKind.Relative)));
        var anonymous = await Html.ParseAsync(await app.CreateBrowserlessClient().GetAsync(new Uri("/offres/alertes/nouvelle?type=emploi", UriKind.Relative)));

        Assert.Equal(person.Email, signedIn.QuerySelector<IHtmlInputElement>("main form input[name='Email']")!.Value);
        Assert.Equal("", anonymous.QuerySelector<IHtmlInputElement>("main form input[name='Email']")!.Value);
    }

    [Fact]
    public async Task NewAlertPage_WithMalformedSearch_IsABadRequest()
    {
        var app = await fixture.AppAsync(DatabaseProvider.Sqlite);

        var response = await app.CreateBrowserlessClient().GetAsync(new Uri("/offres/alertes/nouvelle?contrat=stage", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static async Task<(string Confirm, string Unsubscribe)> ArrangeAlertAsync(EscaleAppFactory app, bool confirmed, DateTimeOffset createdAt)
    {
        var alert = new SearchAlert
        {
            Email = Email(),
            QueryString = "type=emploi&q=" + OpportunitySeed.UniqueWord(),
            Label = "Offres d’emploi",
            CreatedAt = createdAt,
            ConfirmedAt = confirmed ? createdAt : null,
            LastSeenPublishedAt = createdAt,
            ConfirmationToken = AlertMail.NewToken(),
            UnsubscribeToken = AlertMail.NewToken(),
        };
        await app.WithDbAsync(async db =>
        {
            db.SearchAlerts.Add(alert);
            return await db.SaveChangesAsync();
        });
        return (alert.ConfirmationToken, alert.UnsubscribeToken);
    }

    [GeneratedRegex(@"https?://\S+/offres/alertes/confirmer/[A-Za-z0-9_-]+")]
    private static partial Regex ConfirmLink();
}
