using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Escale.Core.Identity;
using Escale.Tests.Infrastructure;

namespace Escale.Tests.Integration.Pages.Compte;

[Collection(AccountsCollection.Name)]
public sealed partial class ConnexionTests(MailAppFixture fixture)
{
    [Theory, EveryDatabase]
    public async Task SignIn_BeforeConfirmation_IsRefusedWithFrenchMessage(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var user = await MailAppFixture.CreateUserAsync(app, confirmed: false);
        var client = app.CreateBrowserlessClient();

        var response = await client.SignInAsync(user.Email!, MailAppFixture.Password);
        var page = await Html.ParseAsync(response);
        var account = await client.GetAsync(new Uri("/compte", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("n’est pas encore confirmée", page.Text(".validation-summary"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, account.StatusCode);
    }

    [Theory, EveryDatabase]
    public async Task SignIn_AfterFiveWrongPasswords_IsLockedEvenWithTheRightOne(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var user = await MailAppFixture.CreateUserAsync(app);
        var client = app.CreateBrowserlessClient();

        for (var attempt = 0; attempt < 5; attempt++)
        {
            await client.SignInAsync(user.Email!, "Pas-Le-Bon-Mot-De-Passe-1");
        }
        var response = await client.SignInAsync(user.Email!, MailAppFixture.Password);
        var page = await Html.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("verrouillé pendant 15 minutes", page.Text(".validation-summary"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_UnknownAddressAndWrongPassword_GetTheSameMessage()
    {
        var app = await fixture.AppAsync(DatabaseProvider.Sqlite);
        var user = await MailAppFixture.CreateUserAsync(app);
        var client = app.CreateBrowserlessClient();

        var unknown = await Html.ParseAsync(await client.SignInAsync($"inconnu-{Guid.NewGuid():N}@test.escale", MailAppFixture.Password));
        var wrong = await Html.ParseAsync(await client.SignInAsync(user.Email!, "Pas-Le-Bon-Mot-De-Passe-1"));

        Assert.Equal("Adresse électronique ou mot de passe incorrect.", unknown.Text(".validation-summary"));
        Assert.Equal(unknown.Text(".validation-summary"), wrong.Text(".validation-summary"));
    }

    [Fact]
    public async Task SignIn_WithLocalReturnUrl_GoesBackThere_AndSignOutIsPostOnly()
    {
        var app = await fixture.AppAsync(DatabaseProvider.Sqlite);
        var user = await MailAppFixture.CreateUserAsync(app);
        var client = app.CreateBrowserlessClient();

        var page = await Html.ParseAsync(await client.GetAsync(new Uri("/compte/connexion?retour=%2Fcompte%3Fx%3D1", UriKind.Relative)));
        var signedIn = await client.SubmitAsync(page.QuerySelector<IHtmlFormElement>("main form")!,
            new Dictionary<string, string> { ["Input.Email"] = user.Email!, ["Input.Password"] = MailAppFixture.Password });
        var signOutByGet = await client.GetAsync(new Uri("/compte/deconnexion", UriKind.Relative));
        var account = await Html.ParseAsync(await client.GetAsync(new Uri("/compte", UriKind.Relative)));
        var signedOut = await client.SubmitAsync(account.QuerySelector<IHtmlFormElement>("header form.inline-form")!, new Dictionary<string, string>());
        var afterwards = await client.GetAsync(new Uri("/compte", UriKind.Relative));

        Assert.Equal("/compte?x=1", signedIn.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, signOutByGet.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.StartsWith("/compte/connexion", afterwards.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("%2F%2Fevil.example")]
    [InlineData("https%3A%2F%2Fevil.example%2F")]
    [InlineData("%2Fx%00")]
    [InlineData("%2F%0D%0AX")]
    public async Task SignIn_WithAReturnThatIsNotACleanLocalPath_GoesHome(string retour)
    {
        var app = await fixture.AppAsync(DatabaseProvider.Sqlite);
        var user = await MailAppFixture.CreateUserAsync(app);
        var client = app.CreateBrowserlessClient();

        var (shown, page) = await client.GetPageAsync("/compte/connexion?retour=" + retour);
        var signedIn = await client.SubmitAsync(page.QuerySelector<IHtmlFormElement>("main form")!,
            new Dictionary<string, string> { ["Input.Email"] = user.Email!, ["Input.Password"] = MailAppFixture.Password });

        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/", signedIn.Headers.Location!.OriginalString);
    }

    [Theory, EveryDatabase]
    public async Task ForgottenPassword_SendsLinkOverSmtp_ThatSetsANewPassword(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var user = await MailAppFixture.CreateUserAsync(app);
        var client = app.CreateBrowserlessClient();
        const string newPassword = "Nouveau-Mot-De-Passe-56";

        var forgot = await Html.ParseAsync(await client.GetAsync(new Uri("/compte/mot-de-passe-oublie", UriKind.Relative)));
        await client.SubmitAsync(forgot.QuerySelector<IHtmlFormElement>("main form")!, new Dictionary<string, string> { ["Email"] = user.Email! });
        var message = await fixture.Mail.WaitForMessageAsync(user.Email!);
        var link = new Uri(ResetLink().Match(message.TextBody ?? "").Value);
        var reset = await Html.ParseAsync(await client.GetAsync(new Uri(link.PathAndQuery, UriKind.Relative)));
        var changed = await client.SubmitAsync(reset.QuerySelector<IHtmlFormElement>("main form")!,
            new Dictionary<string, string> { ["Input.Password"] = newPassword, ["Input.ConfirmPassword"] = newPassword });
        var signedIn = await client.SignInAsync(user.Email!, newPassword);

        Assert.Equal("/compte/connexion", changed.Headers.Location!.OriginalString);
        Assert.Equal("/compte", signedIn.Headers.Location!.OriginalString);
    }

    [Theory, EveryDatabase]
    public async Task SignIn_WithoutReturnUrl_LandsEachPersonOnTheirSpace(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var (partner, _) = await PartnerSteps.PartnerAsync(app);
        var editor = await MailAppFixture.CreateUserAsync(app, roles: Roles.Editor);
        var referent = await MailAppFixture.CreateUserAsync(app, roles: Roles.WelcomeReferent);
        var household = await SpaceWelcomeSteps.HouseholdAsync(app);
        var newcomerWithoutCase = await MailAppFixture.CreateUserAsync(app, roles: Roles.Newcomer);

        async Task<string> LandingOf(ApplicationUser user) =>
            (await app.CreateBrowserlessClient().SignInAsync(user.Email!, MailAppFixture.Password)).Headers.Location!.OriginalString;

        Assert.Equal("/espace-partenaire", await LandingOf(partner));
        Assert.Equal("/admin", await LandingOf(editor));
        Assert.Equal("/admin", await LandingOf(referent));
        Assert.Equal("/mon-espace", await LandingOf(household.User));
        Assert.Equal("/compte", await LandingOf(newcomerWithoutCase));
    }

    [Fact]
    public async Task SignedInPartner_FindsTheirSpacesInTheHeaderAndOnTheAccountPage()
    {
        var app = await fixture.AppAsync(DatabaseProvider.Sqlite);
        var partner = await PartnerSteps.SignedInPartnerAsync(app);
        var administrator = await MailAppFixture.CreateUserAsync(app, roles: Roles.Administrator);
        var adminClient = app.CreateBrowserlessClient();
        await adminClient.SignInAsync(administrator.Email!, MailAppFixture.Password);

        var (_, partnerHome) = await partner.Client.GetPageAsync("/");
        var (_, partnerAccount) = await partner.Client.GetPageAsync("/compte");
        var (_, adminAccount) = await adminClient.GetPageAsync("/compte");

        Assert.Equal(["/espace-partenaire"], partnerHome.QuerySelectorAll("header a.space-link").Select(a => a.GetAttribute("href")));
        Assert.Equal(["/espace-partenaire"], partnerAccount.QuerySelectorAll("#compte-espaces a").Select(a => a.GetAttribute("href")));
        Assert.Equal(["/espace-partenaire", "/admin"], adminAccount.QuerySelectorAll("#compte-espaces a").Select(a => a.GetAttribute("href")));
        Assert.Equal(["/espace-partenaire", "/admin"], adminAccount.QuerySelectorAll("header a.space-link").Select(a => a.GetAttribute("href")));
    }

    [GeneratedRegex(@"https?://\S+/compte/reinitialiser-mot-de-passe\?\S+")]
    private static partial Regex ResetLink();
}
