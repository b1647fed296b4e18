using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Escale.Core.Identity;
using Escale.Core.Opportunities;
using Escale.Tests.Infrastructure;
using Escale.Web.Pages.EspacePartenaire;
using Microsoft.Extensions.DependencyInjection;

namespace Escale.Tests.Integration.Links;

/// <summary>
/// Applications whose <c>AllowedHosts</c> lets a forged host through, as a deployment that left it too wide would:
/// every absolute link must still start with <c>Site:BaseUrl</c>, never with the request's Host header.
/// </summary>
public sealed class ForgedHostFixture : MailAppFixture
{
    public const string Site = "https://escale.example";
    public const string ForgedHost = "evil.example";

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Site:BaseUrl"] = Site,
        ["AllowedHosts"] = "localhost;" + ForgedHost,
    };
}

public sealed partial class ForgedHostTests(ForgedHostFixture fixture) : IClassFixture<ForgedHostFixture>
{
    private static HttpClient ForgedClient(EscaleAppFactory app)
    {
        var client = app.CreateBrowserlessClient();
        client.DefaultRequestHeaders.Host = ForgedHostFixture.ForgedHost;
        return client;
    }

    private static void AssertEveryLinkIsOnTheSite(string? body)
    {
        var links = AnyLink().Matches(body ?? "").Select(m => m.Value).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, link => Assert.StartsWith(ForgedHostFixture.Site + "/", link, StringComparison.Ordinal));
    }

    [Theory, EveryDatabase]
    public async Task PasswordReset_AskedWithForgedHost_MailsALinkOnSiteBaseUrl(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var user = await MailAppFixture.CreateUserAsync(app);
        var client = ForgedClient(app);

        var forgot = await Html.ParseAsync(await client.GetAsync(new Uri("/compte/mot-de-passe-oublie", UriKind.Relative)));
        var sent = await client.SubmitAsync(forgot.QuerySelector<IHtmlFormElement>("main form")!, new Dictionary<string, string> { ["Email"] = user.Email! });
        var message = await fixture.Mail.WaitForMessageAsync(user.Email!);

        Assert.True(sent.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, sent.StatusCode.ToString());
        Assert.Matches($"^{Regex.Escape(ForgedHostFixture.Site)}/compte/reinitialiser-mot-de-passe\\?", AnyLink().Match(message.TextBody ?? "").Value);
        Assert.DoesNotContain(ForgedHostFixture.ForgedHost, message.TextBody + message.HtmlBody, StringComparison.Ordinal);
        AssertEveryLinkIsOnTheSite(message.HtmlBody);
    }

    [Theory, EveryDatabase]
    public async Task SignUp_WithForgedHost_MailsAConfirmationLinkOnSiteBaseUrl(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var client = ForgedClient(app);
        var email = $"camille-{Guid.NewGuid():N}@test.escale";

        var form = await Html.ParseAsync(await client.GetAsync(new Uri("/compte/inscription", UriKind.Relative)));
        await client.SubmitAsync(form.QuerySelector<IHtmlFormElement>("main form")!, new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Camille Nouvelle",
            ["Input.Email"] = email,
            ["Input.Password"] = MailAppFixture.Password,
            ["Input.ConfirmPassword"] = MailAppFixture.Password,
            ["Input.AcceptPrivacy"] = "true",
        });
        var message = await fixture.Mail.WaitForMessageAsync(email);

        Assert.Matches($"^{Regex.Escape(ForgedHostFixture.Site)}/compte/confirmer\\?userId=", AnyLink().Match(message.TextBody ?? "").Value);
        Assert.DoesNotContain(ForgedHostFixture.ForgedHost, message.TextBody + message.HtmlBody, StringComparison.Ordinal);
    }

    [Theory, EveryDatabase]
    public async Task ModerationDecisions_TakenWithForgedHost_MailLinksOnSiteBaseUrl(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var partner = await PartnerSteps.SignedInPartnerAsync(app);
        var approved = await PartnerSteps.OpportunityAsync(app, partner.OrganisationId, "À approuver " + Guid.NewGuid().ToString("N")[..6], OpportunityStatus.InReview, submittedBy: partner.User.Id);
        var rejected = await PartnerSteps.OpportunityAsync(app, partner.OrganisationId, "À refuser " + Guid.NewGuid().ToString("N")[..6], OpportunityStatus.InReview, submittedBy: partner.User.Id);
        var moderator = await MailAppFixture.CreateUserAsync(app, roles: Roles.Editor);
        var client = ForgedClient(app);
        await client.SignInAsync(moderator.Email!, MailAppFixture.Password);

        var (_, approvePage) = await client.GetPageAsync($"/admin/moderation/{approved.Id}");
        await client.SubmitAsync(approvePage.QuerySelector<IHtmlFormElement>("form[action*='Approuver']")!, new Dictionary<string, string>());
        var (_, rejectPage) = await client.GetPageAsync($"/admin/moderation/{rejected.Id}");
        await client.SubmitAsync(rejectPage.QuerySelector<IHtmlFormElement>("form[action*='Refuser']")!, new Dictionary<string, string> { ["Note"] = "Indiquez le salaire." });
        var approval = await fixture.Mail.WaitForMessageAsync(partner.User.Email!, where: m => m.Subject?.Contains(approved.Title, StringComparison.Ordinal) == true);
        var refusal = await fixture.Mail.WaitForMessageAsync(partner.User.Email!, where: m => m.Subject?.Contains(rejected.Title, StringComparison.Ordinal) == true);

        Assert.Contains(ForgedHostFixture.Site + "/espace-partenaire", approval.TextBody, StringComparison.Ordinal);
        Assert.Contains($"{ForgedHostFixture.Site}/espace-partenaire/offres/{rejected.Id}", refusal.TextBody, StringComparison.Ordinal);
        AssertEveryLinkIsOnTheSite(approval.TextBody + refusal.TextBody);
    }

    [Theory, EveryDatabase]
    public async Task ExpiryReminder_LinksToSiteBaseUrl(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var partner = await PartnerSteps.SignedInPartnerAsync(app);
        var title = "Expire bientôt " + Guid.NewGuid().ToString("N")[..6];
        await PartnerSteps.OpportunityAsync(app, partner.OrganisationId, title, expires: DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3), submittedBy: partner.User.Id);

        await using (var scope = app.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<ExpiryReminderJob>().RunAsync(CancellationToken.None);
        }
        var reminder = await fixture.Mail.WaitForMessageAsync(partner.User.Email!, where: m => m.Subject?.Contains(title, StringComparison.Ordinal) == true);

        Assert.Contains(ForgedHostFixture.Site + "/espace-partenaire", reminder.TextBody, StringComparison.Ordinal);
        AssertEveryLinkIsOnTheSite(reminder.TextBody);
    }

    [Theory, EveryDatabase]
    public async Task OpportunityPage_ReadWithForgedHost_HasCanonicalAndJobPostingUrlOnSiteBaseUrl(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var (user, organisationId) = await PartnerSteps.PartnerAsync(app);
        var opportunity = await PartnerSteps.OpportunityAsync(app, organisationId, "Boulangère " + Guid.NewGuid().ToString("N")[..6], submittedBy: user.Id);
        var client = ForgedClient(app);

        var (response, page) = await client.GetPageAsync($"/offres/{opportunity.Id}/{opportunity.Slug}");
        var expected = $"{ForgedHostFixture.Site}/offres/{opportunity.Id}/{opportunity.Slug}";

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Contains($"\"url\":\"{expected}\"", page.QuerySelector("script[type='application/ld+json']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommunePage_ReadWithForgedHost_HasCanonicalOnSiteBaseUrl()
    {
        var app = await fixture.AppAsync(DatabaseProvider.Sqlite);

        var (_, page) = await ForgedClient(app).GetPageAsync("/communes/46042/cahors");

        Assert.Equal(ForgedHostFixture.Site + "/communes/46042/cahors", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
    }

    [GeneratedRegex(@"https?://[^\s""<>]+")]
    private static partial Regex AnyLink();
}
