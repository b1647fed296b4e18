using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Escale.Core.Identity;
using Escale.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Escale.Tests.Integration.Pages.Admin.Utilisateurs;

[Collection(AccountsCollection.Name)]
public sealed class ModifierTests(MailAppFixture fixture)
{
    [Theory, EveryDatabase]
    public async Task Administrator_MakesAUserWelcomeReferent_MemberOfTwoOrganisations_CoordinatorOfOne(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var user = await MailAppFixture.CreateUserAsync(app, roles: Roles.Newcomer);
        var organisations = await app.WithDbAsync(db => db.WelcomeOrganisations.OrderBy(o => o.Name).Take(2).Select(o => new { o.Id, o.Name }).ToListAsync());
        var client = app.CreateBrowserlessClient();
        await client.SignInAsync(MailAppFixture.AdminEmail, MailAppFixture.Password);

        var page = await Html.ParseAsync(await client.GetAsync(new Uri($"/admin/utilisateurs/{user.Id}", UriKind.Relative)));
        var response = await client.SubmitPairsAsync(page.QuerySelector<IHtmlFormElement>("main form")!,
        [
            new("Input.Roles", Roles.WelcomeReferent),
            new("Input.OrganisationIds", organisations[0].Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Input.OrganisationIds", organisations[1].Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Input.CoordinatorOf", organisations[1].Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ]);

        Assert.Equal("/admin/utilisateurs", response.Headers.Location!.OriginalString);
        await using var scope = app.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        Assert.Equal([Roles.WelcomeReferent], await users.GetRolesAsync((await users.FindByIdAsync(user.Id))!));
        var memberships = await app.WithDbAsync(db => db.WelcomeOrganisationMembers.Where(m => m.UserId == user.Id)
            .ToDictionaryAsync(m => m.OrganisationId, m => m.IsCoordinator));
        Assert.Equal(new Dictionary<int, bool> { [organisations[0].Id] = false, [organisations[1].Id] = true }, memberships);
        var referent = app.CreateBrowserlessClient();
        await referent.SignInAsync(user.Email!, MailAppFixture.Password);
        var account = await Html.ParseAsync(await referent.GetAsync(new Uri("/compte", UriKind.Relative)));
        Assert.Equal(organisations.Select(o => o.Name), account.QuerySelectorAll("#compte-organisations-accueil li").Select(li => li.TextContent.Trim()));
    }

    [Fact]
    public async Task WelcomeReferent_CannotSeeOrPostTheForm()
    {
        var app = await fixture.AppAsync(DatabaseProvider.Sqlite);
        var target = await MailAppFixture.CreateUserAsync(app, roles: Roles.Newcomer);
        var referent = await MailAppFixture.CreateUserAsync(app, roles: Roles.WelcomeReferent);
        var client = app.CreateBrowserlessClient();
        await client.SignInAsync(referent.Email!, MailAppFixture.Password);

        var backOffice = await client.GetAsync(new Uri("/admin", UriKind.Relative));
        var form = await client.GetAsync(new Uri($"/admin/utilisateurs/{target.Id}", UriKind.Relative));
        // A valid anti-forgery token for this user, from the sign-out form every page carries.
        var anyPage = await Html.ParseAsync(await client.GetAsync(new Uri("/compte", UriKind.Relative)));
        var token = anyPage.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        var post = await client.PostAsync(new Uri($"/admin/utilisateurs/{target.Id}", UriKind.Relative), new FormUrlEncodedContent(
            [new("__RequestVerificationToken", token), new("Input.Roles", Roles.Administrator)]));

        Assert.Equal(HttpStatusCode.OK, backOffice.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, form.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        await using var scope = app.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        Assert.Equal([Roles.Newcomer], await users.GetRolesAsync((await users.FindByIdAsync(target.Id))!));
    }
}
