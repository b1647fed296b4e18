using Escale.Core.Identity;
using Escale.Tests.Infrastructure;

namespace Escale.Tests.Browser;

/// <summary>A newcomer signs up while the mail server is down; it comes back, the confirmation arrives, and the back office shows it sent.</summary>
public sealed class EmailOutboxJourneyTests
{
    [Fact]
    public async Task SignUp_WithMailServerDown_ConfirmationArrivesWhenItComesBack_AndBackOfficeShowsItSent()
    {
        await using var app = await MailBrowserApp.StartAsync(mailServerUp: false, new Dictionary<string, string?>
        {
            ["Email:OutboxPollSeconds"] = "1",
            ["Email:OutboxRetrySeconds:0"] = "1",
        });
        var admin = await MailAppFixture.CreateUserAsync(app.App, roles: Roles.Administrator);
        var email = $"nouvelle-{Guid.NewGuid():N}@test.escale";

        var newcomer = await app.NewPageAsync();
        var problems = BrowserSteps.WatchForProblems(newcomer);
        await newcomer.GotoAsync("/compte/inscription");
        await newcomer.Locator("#Input_DisplayName").FillAsync("Nina Delmas");
        await newcomer.Locator("#Input_Email").FillAsync(email);
        await newcomer.Locator("#Input_Password").FillAsync(MailAppFixture.Password);
        await newcomer.Locator("#Input_ConfirmPassword").FillAsync(MailAppFixture.Password);
        await newcomer.Locator("#Input_AcceptPrivacy").CheckAsync();
        await newcomer.Locator("main form button[type=submit]").ClickAsync();
        await newcomer.WaitForURLAsync("**/compte/connexion");
        var said = await newcomer.Locator("[role=status]").InnerTextAsync();

        var back = await app.StartMailServerAsync();
        var confirmation = await back.WaitForMessageAsync(email, TimeSpan.FromSeconds(20));
        var adminPage = await app.NewPageAsync();
        await BrowserSteps.SignInAsync(adminPage, admin.Email!);
        await adminPage.GotoAsync("/admin");
        await adminPage.Locator("#admin-courriels").ClickAsync();
        var sentRow = adminPage.Locator("#courriels-partis tbody tr", new() { HasTextString = email });

        Assert.Contains("Un courriel vient de partir", said, StringComparison.Ordinal);
        Assert.Empty(problems);
        Assert.Contains("Confirmez votre adresse", confirmation.Subject, StringComparison.Ordinal);
        Assert.Equal(1, await sentRow.CountAsync());
        Assert.Contains("Confirmez votre adresse", await sentRow.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await adminPage.Locator("#courriels-en-attente tbody tr", new() { HasTextString = email }).CountAsync());
    }
}
