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
    public async Task Administrator_MakesAUserWelcomeReferentOfTwoIntercommunalities(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var user = await MailAppFixture.CreateUserAsync(app, roles: Roles.Newcomer);
        var epcis = await app.WithDbAsync(db => db.Intercommunalities.OrderBy(e => e.Name).Take(2).Select(e => new { e.Id, e.Name }).ToListAsync());
        var client = app.CreateBrowserlessClient();
        await client.SignInAsync(MailAppFixture.AdminEmail, MailAppFixture.Password);

        var page = await Html.ParseAsync(await client.GetAsync(new Uri($"/admin/utilisateurs/{user.Id}", UriKind.Relative)));
        var response = await client.SubmitPairsAsync(page.QuerySelector<IHtmlFormElement>("main form")!,
        [
            new("Input.Roles", Roles.WelcomeReferent),
            new("Input.IntercommunalityIds", epcis[0].Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Input.IntercommunalityIds", epcis[1].Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ]);

        Assert.Equal("/admin/utilisateurs", response.Headers.Location!.OriginalString);
        await using var scope = app.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var saved = await users.Users.Include(u => u.ReferentIntercommunalities).SingleAsync(u => u.Id == user.Id);
        Assert.Equal([Roles.WelcomeReferent], await users.GetRolesAsync(saved));
        Assert.Equal(epcis.Select(e => e.Name).Order(), saved.ReferentIntercommunalities.Select(e => e.Name).Order());
        var referent = app.CreateBrowserlessClient();
        await referent.SignInAsync(user.Email!, MailAppFixture.Password);
        var account = await Html.ParseAsync(await referent.GetAsync(new Uri("/compte", UriKind.Relative)));
        Assert.Equal(epcis.Select(e => e.Name), account.QuerySelectorAll("#compte-intercommunalites li").Select(li => li.TextContent.Trim()));
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
