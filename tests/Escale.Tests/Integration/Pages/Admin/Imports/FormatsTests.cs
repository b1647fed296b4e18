using System.Net;
using Escale.Core.Identity;
using Escale.Tests.Infrastructure;

namespace Escale.Tests.Integration.Pages.Admin.Imports;

[Collection(AccountsCollection.Name)]
public sealed class FormatsTests(MailAppFixture fixture)
{
    private static async Task<HttpClient> SignedInAsync(EscaleAppFactory app, string role)
    {
        var user = await MailAppFixture.CreateUserAsync(app, roles: role);
        var client = app.CreateBrowserlessClient();
        await client.SignInAsync(user.Email!, MailAppFixture.Password);
        return client;
    }

    [Theory, EveryDatabase]
    public async Task Editor_ReadsEachFormatsFieldsAndAnExample(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var client = await SignedInAsync(app, Roles.Editor);

        var (response, page) = await client.GetPageAsync("/admin/imports/formats");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Formats des fichiers d’import", page.Text("h1"));
        foreach (var (format, field) in new[] { ("france-travail", "romeCode"), ("jobposting", "occupationalCategory"), ("reprises-csv", "code_insee") })
        {
            var section = page.QuerySelector($"section[aria-labelledby='{format}']")!;
            Assert.Contains(section.QuerySelectorAll("tbody th[scope=row] code"), c => c.TextContent == field);
            Assert.NotEmpty(section.Text("pre code"));
        }
    }

    [Fact]
    public async Task Page_IsInEnglishForAnEnglishVisitor()
    {
        var app = await fixture.AppAsync(DatabaseProvider.Sqlite);
        var client = await (await SignedInAsync(app, Roles.Administrator)).InEnglishAsync();

        var (_, page) = await client.GetPageAsync("/admin/imports/formats");

        Assert.Equal("Import file formats", page.Text("h1"));
        Assert.Equal("Accepted values", page.Text("section[aria-labelledby='reprises-csv'] thead th:nth-child(3)"));
    }

    [Theory]
    [InlineData(Roles.Partner)]
    [InlineData(Roles.WelcomeReferent)]
    public async Task OthersThanEditorsAndAdministrators_AreRefused(string role)
    {
        var app = await fixture.AppAsync(DatabaseProvider.Sqlite);
        var client = await SignedInAsync(app, role);

        var response = await client.GetAsync(new Uri("/admin/imports/formats", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task ImportPageAndBackOfficeHome_LinkToTheFormats_ForThoseWhoMayImport()
    {
        var app = await fixture.AppAsync(DatabaseProvider.Sqlite);
        var editor = await SignedInAsync(app, Roles.Editor);
        var referent = await SignedInAsync(app, Roles.WelcomeReferent);

        var (_, importPage) = await editor.GetPageAsync("/admin/imports");
        var (_, home) = await editor.GetPageAsync("/admin");
        var (_, referentHome) = await referent.GetPageAsync("/admin");

        Assert.Equal("/admin/imports/formats", importPage.QuerySelector("#import-formats")!.GetAttribute("href"));
        Assert.Equal("/admin/imports/formats", home.QuerySelector("#admin-import-formats")!.GetAttribute("href"));
        Assert.Equal("/admin/imports", home.QuerySelector("#admin-imports")!.GetAttribute("href"));
        Assert.Null(referentHome.QuerySelector("#admin-import-formats"));
    }
}
