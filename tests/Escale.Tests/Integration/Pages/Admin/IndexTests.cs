using System.Net;
using Escale.Core.Identity;
using Escale.Core.Opportunities;
using Escale.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Escale.Tests.Integration.Pages.Admin;

[Collection(AccountsCollection.Name)]
public sealed class IndexTests(MailAppFixture fixture)
{
    [Fact]
    public async Task Anonymous_IsSentToSignIn()
    {
        var client = (await fixture.AppAsync(DatabaseProvider.Sqlite)).CreateBrowserlessClient();

        var response = await client.GetAsync(new Uri("/admin", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/compte/connexion?retour=%2Fadmin", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Newcomer_GetsTheAccessDeniedPage()
    {
        var app = await fixture.AppAsync(DatabaseProvider.Sqlite);
        var user = await MailAppFixture.CreateUserAsync(app, roles: Roles.Newcomer);
        var client = app.CreateBrowserlessClient();
        await client.SignInAsync(user.Email!, MailAppFixture.Password);

        var response = await client.GetAsync(new Uri("/admin", UriKind.Relative));
        var page = await Html.ParseAsync(response);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Accès refusé", page.Text("h1"));
    }

    [Theory, EveryDatabase]
    public async Task FirstAdministrator_FromConfiguration_IsCreated_AndSeesTheBackOffice(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var client = app.CreateBrowserlessClient();

        bool confirmed, administrator;
        await using (var scope = app.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var admin = await users.FindByEmailAsync(MailAppFixture.AdminEmail);
            Assert.NotNull(admin);
            confirmed = admin.EmailConfirmed;
            administrator = await users.IsInRoleAsync(admin, Roles.Administrator);
        }
        await client.SignInAsync(MailAppFixture.AdminEmail, MailAppFixture.Password);
        var response = await client.GetAsync(new Uri("/admin", UriKind.Relative));
        var page = await Html.ParseAsync(response);

        Assert.True(confirmed);
        Assert.True(administrator);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("312", page.Text("#admin-communes"));
    }

    [Theory, EveryDatabase]
    public async Task Editor_SeesHowManyOffersWaitForModeration_OnTheLink(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var partner = await PartnerSteps.SignedInPartnerAsync(app);
        await PartnerSteps.OpportunityAsync(app, partner.OrganisationId, "En attente " + Guid.NewGuid().ToString("N")[..6], OpportunityStatus.InReview);
        var editor = await MailAppFixture.CreateUserAsync(app, roles: Roles.Editor);
        var client = app.CreateBrowserlessClient();
        await client.SignInAsync(editor.Email!, MailAppFixture.Password);

        var (_, page) = await client.GetPageAsync("/admin");
        // New offers in review, and published ones with an edit waiting beside them.
        var waiting = await app.WithDbAsync(db => db.Opportunities.CountAsync(o => o.Status == OpportunityStatus.InReview
            || (o.Status == OpportunityStatus.Published && db.PendingEdits.Any(e => e.OpportunityId == o.Id))));

        Assert.True(waiting >= 1);
        Assert.Equal($"Offres à modérer ({waiting.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("fr-FR"))})", page.Text("#admin-a-moderer"));
        Assert.Equal("/admin/moderation", page.QuerySelector("#admin-a-moderer")!.GetAttribute("href"));
    }
}
