using System.Net;
using AngleSharp.Html.Dom;
using Escale.Core.Identity;
using Escale.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Escale.Tests.Integration.Pages.Admin.Kits;

[Collection(AccountsCollection.Name)]
public sealed class EtapesTests(MailAppFixture fixture)
{
    private const string Persona = "changer-de-vie";

    [Theory, EveryDatabase]
    public async Task AStepAnEditorAdds_AppearsInTheKitsOfThePersona_InFrenchAndInEnglish_Once(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var editor = await SignedInAsync(app, Roles.Editor);
        var word = Guid.NewGuid().ToString("N")[..8];
        var values = new Dictionary<string, string>
        {
            ["NewStep.Text"] = $"Inscrire les enfants à la cantine {word}",
            ["NewStep.TextEnglish"] = $"Register the children for school meals {word}",
            ["NewStep.Link"] = "https://www.service-public.fr/",
        };

        var (_, form) = await editor.GetPageAsync($"/admin/kits/{Persona}");
        var first = await editor.SubmitAsync((IHtmlFormElement)form.QuerySelector("#ajout-etape")!, values);
        var second = await editor.SubmitAsync((IHtmlFormElement)form.QuerySelector("#ajout-etape")!, values);
        var visitor = app.CreateBrowserlessClient();
        var (_, kit) = await visitor.GetPageAsync($"/kits-accueil/{Persona}/cc-grand-figeac");
        var (_, english) = await (await app.CreateBrowserlessClient().InEnglishAsync()).GetPageAsync($"/kits-accueil/{Persona}/cc-grand-figeac");

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Single(kit.QuerySelectorAll("#kit-premiers-pas ol li"), li => li.TextContent.Contains($"Inscrire les enfants à la cantine {word}", StringComparison.Ordinal));
        Assert.NotNull(kit.QuerySelector("#kit-premiers-pas a[href='https://www.service-public.fr/']"));
        Assert.Contains($"Register the children for school meals {word}", english.Text("#kit-premiers-pas"), StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.WelcomeKitSteps.CountAsync(s => s.Text.EndsWith(word))));
    }

    [Theory, EveryDatabase]
    public async Task ALinkThatIsNotOne_IsRefusedBesideTheField_KeepingWhatWasTyped(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var editor = await SignedInAsync(app, Roles.Editor);
        var word = Guid.NewGuid().ToString("N")[..8];

        var (_, form) = await editor.GetPageAsync($"/admin/kits/{Persona}");
        var response = await editor.SubmitAsync((IHtmlFormElement)form.QuerySelector("#ajout-etape")!,
            new Dictionary<string, string> { ["NewStep.Text"] = $"Étape {word}", ["NewStep.Link"] = "javascript:alert(1)" });
        var page = await Html.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Le lien commence par https://", page.Text("[data-valmsg-for='NewStep.Link']"), StringComparison.Ordinal);
        Assert.Equal($"Étape {word}", page.QuerySelector("#NewStep_Text")!.GetAttribute("value"));
        Assert.Equal(0, await app.WithDbAsync(db => db.WelcomeKitSteps.CountAsync(s => s.Text.EndsWith(word))));
    }

    [Theory, EveryDatabase]
    public async Task OnlyEditorsAndAdministrators_MayEditTheSteps(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var editor = await SignedInAsync(app, Roles.Editor);
        var (_, form) = await editor.GetPageAsync($"/admin/kits/{Persona}");
        var token = form.QuerySelector("#ajout-etape input[name='__RequestVerificationToken']")!.GetAttribute("value")!;

        foreach (var role in new[] { Roles.WelcomeReferent, Roles.Newcomer, Roles.CommissionMember })
        {
            var other = await SignedInAsync(app, role);
            var get = await other.GetAsync($"/admin/kits/{Persona}");
            var post = await other.PostAsync($"/admin/kits/{Persona}/add", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["NewStep.Text"] = "Étape non autorisée", ["__RequestVerificationToken"] = token,
            }));

            Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        }
        var administrator = await SignedInAsync(app, Roles.Administrator);
        Assert.Equal(HttpStatusCode.OK, (await administrator.GetAsync($"/admin/kits/{Persona}")).StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.WelcomeKitSteps.CountAsync(s => s.Text == "Étape non autorisée")));
    }

    private static async Task<HttpClient> SignedInAsync(EscaleAppFactory app, string role)
    {
        var user = await MailAppFixture.CreateUserAsync(app, roles: role);
        var client = app.CreateBrowserlessClient();
        await client.SignInAsync(user.Email!, MailAppFixture.Password);
        return client;
    }
}
