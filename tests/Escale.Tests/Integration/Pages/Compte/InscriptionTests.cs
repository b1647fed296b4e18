using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Escale.Core.Identity;
using Escale.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Escale.Tests.Integration.Pages.Compte;

[Collection(AccountsCollection.Name)]
public sealed partial class InscriptionTests(MailAppFixture fixture)
{
    private static Dictionary<string, string> SignUp(string email, string password = MailAppFixture.Password, string? confirmation = null) => new()
    {
        ["Input.DisplayName"] = "Camille Nouvelle",
        ["Input.Email"] = email,
        ["Input.Password"] = password,
        ["Input.ConfirmPassword"] = confirmation ?? password,
        ["Input.AcceptPrivacy"] = "true",
    };

    private static async Task<IHtmlFormElement> FormAsync(HttpClient client)
    {
        var page = await Html.ParseAsync(await client.GetAsync(new Uri("/compte/inscription", UriKind.Relative)));
        return page.QuerySelector<IHtmlFormElement>("main form")!;
    }

    private static Task<int> AccountsWithAsync(EscaleAppFactory app, string email)
    {
        var normalized = email.ToUpperInvariant();
        return app.WithDbAsync(db => db.Users.CountAsync(u => u.NormalizedEmail == normalized));
    }

    [Theory, EveryDatabase]
    public async Task SignUp_SendsConfirmationOverSmtp_WhoseLinkConfirms_ThenSignInWorks(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var client = app.CreateBrowserlessClient();
        var email = $"camille-{Guid.NewGuid():N}@test.escale";

        var submitted = await client.SubmitAsync(await FormAsync(client), SignUp(email));
        var message = await fixture.Mail.WaitForMessageAsync(email);
        var link = new Uri(ConfirmationLink().Match(message.TextBody ?? "").Value);
        var confirmed = await client.GetAsync(new Uri(link.PathAndQuery, UriKind.Relative));
        var signedIn = await client.SignInAsync(email, MailAppFixture.Password);
        var account = await Html.ParseAsync(await client.GetAsync(new Uri("/compte", UriKind.Relative)));

        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Contains("Confirmez votre adresse", message.Subject, StringComparison.Ordinal);
        var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(message.HtmlBody ?? "");
        Assert.Equal(link.ToString(), html.QuerySelector("a")?.GetAttribute("href"));
        Assert.Equal("/compte/connexion", confirmed.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/compte", signedIn.Headers.Location!.OriginalString);
        Assert.Equal(email, account.Text("#compte-courriel"));
        Assert.Equal("Nouvel arrivant", account.Text("#compte-roles"));
    }

    [Theory, EveryDatabase]
    public async Task SignUp_WithMismatchedConfirmation_ShowsFrenchMessageBesideTheField_AndCreatesNothing(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var client = app.CreateBrowserlessClient();
        var email = $"dominique-{Guid.NewGuid():N}@test.escale";

        var response = await client.SubmitAsync(await FormAsync(client), SignUp(email, confirmation: "Autre-Mot-De-Passe-34"));
        var page = await Html.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Les deux mots de passe ne sont pas identiques.", page.Text("[data-valmsg-for='Input.ConfirmPassword']"));
        Assert.Equal(0, await AccountsWithAsync(app, email));
    }

    [Theory, EveryDatabase]
    public async Task SignUp_WithWeakPassword_ShowsFrenchRulesBesideThePassword_AndCreatesNothing(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var client = app.CreateBrowserlessClient();
        var email = $"alex-{Guid.NewGuid():N}@test.escale";

        var response = await client.SubmitAsync(await FormAsync(client), SignUp(email, password: "courtmdp"));
        var page = await Html.ParseAsync(response);

        var message = page.Text("[data-valmsg-for='Input.Password']");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("au moins 12 caractères", message, StringComparison.Ordinal);
        Assert.Contains("au moins un chiffre", message, StringComparison.Ordinal);
        Assert.Contains("au moins une majuscule", message, StringComparison.Ordinal);
        Assert.Equal(0, await AccountsWithAsync(app, email));
    }

    [Fact]
    public async Task SignUp_WithoutConsent_AsksForIt()
    {
        var app = await fixture.AppAsync(DatabaseProvider.Sqlite);
        var client = app.CreateBrowserlessClient();
        var email = $"sam-{Guid.NewGuid():N}@test.escale";
        var values = SignUp(email);
        values.Remove("Input.AcceptPrivacy");

        var page = await Html.ParseAsync(await client.SubmitAsync(await FormAsync(client), values));

        Assert.Contains("acceptez la politique de confidentialité", page.Text("[data-valmsg-for='Input.AcceptPrivacy']"), StringComparison.Ordinal);
        Assert.Equal(0, await AccountsWithAsync(app, email));
    }

    [Theory, EveryDatabase]
    public async Task SignUp_SubmittedTwiceAtOnce_CreatesOneAccount_AndAnswersBothKindly(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var client = app.CreateBrowserlessClient();
        var email = $"double-{Guid.NewGuid():N}@test.escale";
        var form = await FormAsync(client);

        var responses = await Task.WhenAll(client.SubmitAsync(form, SignUp(email)), client.SubmitAsync(form, SignUp(email)));
        var again = await client.SubmitAsync(form, SignUp(email));

        Assert.All(responses.Append(again), r => Assert.Equal("/compte/connexion", r.Headers.Location?.OriginalString));
        Assert.Equal(1, await AccountsWithAsync(app, email));
        var status = await Html.ParseAsync(await client.GetAsync(new Uri("/compte/connexion", UriKind.Relative)));
        Assert.Contains("Un courriel vient de partir", status.Text(".status-message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignUp_PostedWithoutAntiforgeryToken_IsRejected()
    {
        var app = await fixture.AppAsync(DatabaseProvider.Sqlite);
        var client = app.CreateBrowserlessClient();
        var email = $"csrf-{Guid.NewGuid():N}@test.escale";

        var response = await client.PostAsync(new Uri("/compte/inscription", UriKind.Relative), new FormUrlEncodedContent(SignUp(email)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await AccountsWithAsync(app, email));
    }

    [GeneratedRegex(@"https?://\S+/compte/confirmer\?\S+")]
    private static partial Regex ConfirmationLink();

    [Theory, EveryDatabase]
    public async Task SignUp_AfterACampaignLink_StoresTheCampaignOnTheAccount(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var campaign = await Admin.Campagnes.CampaignSteps.ArrangeAsync(app);
        var client = Admin.Campagnes.CampaignSteps.Visitor(app);
        var email = $"noah-{Guid.NewGuid():N}@test.escale";

        await client.GetAsync(new Uri("/c/" + campaign.Code, UriKind.Relative));
        var submitted = await client.SubmitAsync(await FormAsync(client), SignUp(email));
        var normalized = email.ToUpperInvariant();
        var account = await app.WithDbAsync(db => db.Users.AsNoTracking().Where(u => u.NormalizedEmail == normalized)
            .Select(u => new { u.FirstCampaignCode, u.CampaignCode }).SingleAsync());

        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Equal(($"{campaign.Slug}_{campaign.Code}", $"{campaign.Slug}_{campaign.Code}"), (account.FirstCampaignCode, account.CampaignCode));
    }
}
