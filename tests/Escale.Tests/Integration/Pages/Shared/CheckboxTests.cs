using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Escale.Core.Identity;
using Escale.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Escale.Tests.Integration.Pages.Shared;

/// <summary>A checkbox bound to a yes/no answer, posted with a value that is neither (a hand-edited form, a robot).</summary>
[Collection(AccountsCollection.Name)]
public sealed class CheckboxTests(MailAppFixture fixture)
{
    private const string Refused = "Cette case ne peut être que cochée ou décochée.";

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, params string[] rememberMe)
    {
        var (_, page) = await client.GetPageAsync("/compte/connexion");
        var fields = new List<KeyValuePair<string, string>> { new("Input.Email", email), new("Input.Password", MailAppFixture.Password) };
        fields.AddRange(rememberMe.Select(value => new KeyValuePair<string, string>("Input.RememberMe", value)));
        return await client.SubmitPairsAsync(page.QuerySelector<IHtmlFormElement>("main form")!, fields);
    }

    [Theory, EveryDatabase]
    public async Task SignIn_WithRememberMeNeitherTrueNorFalse_ShowsTheFormAgainWithAMessageBesideIt(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var user = await MailAppFixture.CreateUserAsync(app);
        var client = app.CreateBrowserlessClient();

        // What a browser posts for a checked box whose value was edited: the box, then the hidden « false » after it.
        var response = await SignInAsync(client, user.Email!, "peut-être", "false");
        var page = await Html.ParseAsync(response);
        var account = await client.GetAsync(new Uri("/compte", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Refused, page.Text("[data-valmsg-for='Input.RememberMe']"));
        Assert.Equal(user.Email, page.QuerySelector<IHtmlInputElement>("[name='Input.Email']")!.Value);
        Assert.False(page.QuerySelector<IHtmlInputElement>("input[type=checkbox][name='Input.RememberMe']")!.IsChecked);
        Assert.Equal(HttpStatusCode.Redirect, account.StatusCode);
    }

    [Fact]
    public async Task SignIn_WithRememberMeNeitherTrueNorFalse_ShowsTheMessageInEnglishToAnEnglishVisitor()
    {
        var app = await fixture.AppAsync(DatabaseProvider.Sqlite);
        var user = await MailAppFixture.CreateUserAsync(app);
        var client = await app.CreateBrowserlessClient().InEnglishAsync();

        var page = await Html.ParseAsync(await SignInAsync(client, user.Email!, "1"));

        Assert.Equal("This box can only be ticked or unticked.", page.Text("[data-valmsg-for='Input.RememberMe']"));
    }

    [Theory, EveryDatabase]
    public async Task SignIn_WithRememberMeTickedOrNot_SignsIn_WithALastingCookieOnlyWhenTicked(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var user = await MailAppFixture.CreateUserAsync(app);

        var ticked = await SignInAsync(app.CreateBrowserlessClient(), user.Email!, "true", "false");
        var unticked = await SignInAsync(app.CreateBrowserlessClient(), user.Email!, "false");

        Assert.Equal(HttpStatusCode.Redirect, ticked.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, unticked.StatusCode);
        Assert.Contains("expires=", SessionCookie(ticked), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("expires=", SessionCookie(unticked), StringComparison.OrdinalIgnoreCase);
    }

    private static string SessionCookie(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Single(cookie => cookie.StartsWith("escale-session=", StringComparison.Ordinal));

    [Theory, EveryDatabase]
    public async Task NewAlert_WithConsentNeitherTrueNorFalse_IsNotSaved_AndKeepsTheAddress(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var client = app.CreateBrowserlessClient();
        var email = $"alerte-{Guid.NewGuid():N}@test.escale";
        var (_, form) = await client.GetPageAsync("/offres/alertes/nouvelle?type=emploi");

        var response = await client.SubmitAsync(form.QuerySelector<IHtmlFormElement>("main form")!,
            new Dictionary<string, string> { ["Email"] = email, ["Consent"] = "oui" });
        var page = await Html.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Refused, page.Text("[data-valmsg-for='Consent']"));
        Assert.Equal(email, page.QuerySelector<IHtmlInputElement>("[name='Email']")!.Value);
        Assert.Equal(0, await app.WithDbAsync(db => db.SearchAlerts.CountAsync(a => a.Email == email)));
    }

    [Theory, EveryDatabase]
    public async Task PartnerOffer_WithOpenToDisabledWorkersNeitherTrueNorFalse_IsNotSaved_AndKeepsWhatWasTyped(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var partner = await PartnerSteps.SignedInPartnerAsync(app);
        var title = "Menuisier " + Guid.NewGuid().ToString("N")[..6];
        var fields = PartnerSteps.JobFields(title, DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(2));
        fields["Input.OpenToDisabledWorkers"] = "<script>";

        var response = await partner.Client.SubmitAsync(await partner.NewOpportunityFormAsync(), fields);
        var page = await Html.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Refused, page.Text("[data-valmsg-for='Input.OpenToDisabledWorkers']"));
        Assert.Equal(title, page.QuerySelector<IHtmlInputElement>("[name='Input.Title']")!.Value);
        Assert.Equal("28000", page.QuerySelector<IHtmlInputElement>("[name='Input.SalaryMax']")!.Value);
        Assert.False(await app.WithDbAsync(db => db.Opportunities.AnyAsync(o => o.Title == title)));
    }

    [Fact]
    public async Task SignUp_WithAcceptPrivacyNeitherTrueNorFalse_CreatesNoAccount_AndKeepsTheName()
    {
        var app = await fixture.AppAsync(DatabaseProvider.Sqlite);
        var client = app.CreateBrowserlessClient();
        var email = $"inscription-{Guid.NewGuid():N}@test.escale";
        var (_, form) = await client.GetPageAsync("/compte/inscription");

        var response = await client.SubmitAsync(form.QuerySelector<IHtmlFormElement>("main form")!, new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Camille Martin", ["Input.Email"] = email, ["Input.Password"] = MailAppFixture.Password,
            ["Input.ConfirmPassword"] = MailAppFixture.Password, ["Input.AcceptPrivacy"] = "on",
        });
        var page = await Html.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Refused, page.Text("[data-valmsg-for='Input.AcceptPrivacy']"));
        Assert.Equal("Camille Martin", page.QuerySelector<IHtmlInputElement>("[name='Input.DisplayName']")!.Value);
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
    }
}
