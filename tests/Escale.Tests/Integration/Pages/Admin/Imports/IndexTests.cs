using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Escale.Core.Identity;
using Escale.Core.Opportunities;
using Escale.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Escale.Tests.Integration.Pages.Admin.Imports;

[Collection(AccountsCollection.Name)]
public sealed class IndexTests(MailAppFixture fixture)
{
    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> UploadAsync(EscaleAppFactory app, string format, string fileName, byte[] content)
    {
        var editor = await MailAppFixture.CreateUserAsync(app, roles: Roles.Editor);
        var client = app.CreateBrowserlessClient();
        await client.SignInAsync(editor.Email!, MailAppFixture.Password);
        var (_, page) = await client.GetPageAsync("/admin/imports");
        var token = page.QuerySelector<IHtmlInputElement>("main form input[name=__RequestVerificationToken]")!.Value;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(format), "Format" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "Upload", fileName);
        var response = await client.PostAsync(new Uri("/admin/imports", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Html.ParseAsync(response);
    }

    [Theory, EveryDatabase]
    public async Task Upload_TakeoverCsv_ShowsTheCounts_AndPublishes(DatabaseProvider provider)
    {
        await using var app = await EscaleAppFactory.CreateAsync(provider, new Dictionary<string, string?> { ["Smtp:Port"] = fixture.Mail.Port.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var csv = "reference;intitule;code_naf;code_insee;prix_min;prix_max;organisme\nCMA-1;Boulangerie du bourg;10.71C;46042;120 000;150 000;CMA\nCMA-2;Salon de coiffure;96.02A;46042;;;CCI\n";

        var page = await UploadAsync(app, "reprises-csv", "reprises.csv", Encoding.UTF8.GetBytes(csv));

        Assert.Equal(("2", "0", "0"), (page.Text("#import-created"), page.Text("#import-updated"), page.Text("#import-withdrawn")));
        Assert.Equal(2, await app.WithDbAsync(db => db.Opportunities.CountAsync(o => o.Source == OpportunitySource.TakeoverCsv && o.Status == OpportunityStatus.Published)));
    }

    [Fact]
    public async Task Upload_CsvWithErrors_ShowsEachErrorAndImportsNothing()
    {
        await using var app = await EscaleAppFactory.CreateAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Smtp:Port"] = fixture.Mail.Port.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var csv = "reference;intitule;code_naf;code_insee;prix_min;prix_max\nR-1;Garage;45.20A;46042;200000;100000\nR-2;Boulangerie;10.71C;99999;;\n";

        var page = await UploadAsync(app, "reprises-csv", "reprises.csv", Encoding.UTF8.GetBytes(csv));

        Assert.Contains("Rien n’a été importé", page.Text("#import-refused"), StringComparison.Ordinal);
        var rows = page.QuerySelectorAll(".import-errors tbody tr").Select(r => r.Children.Select(c => c.TextContent.Trim()).ToArray()).ToList();
        Assert.Contains(rows, r => r[0] == "ligne 2" && r[1] == "prix_min");
        Assert.Contains(rows, r => r[0] == "ligne 3" && r[1] == "code_insee");
        Assert.Equal(0, await app.WithDbAsync(db => db.Opportunities.CountAsync()));
    }

    [Theory]
    [InlineData("france-travail", "offres.json", "<html>pas du json</html>", "JSON")]
    [InlineData("jobposting", "offres.csv", "{}", ".json")]
    [InlineData("reprises-csv", "reprises.csv", "reference\0\0\0", "CSV")]
    public async Task Upload_FileNotOfTheChosenFormat_IsRefusedBesideTheField(string format, string fileName, string content, string expected)
    {
        var app = await fixture.AppAsync(DatabaseProvider.Sqlite);

        var page = await UploadAsync(app, format, fileName, Encoding.UTF8.GetBytes(content));

        Assert.Contains(expected, page.Text("span[data-valmsg-for='Upload']"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Partner_IsRefused()
    {
        var app = await fixture.AppAsync(DatabaseProvider.Sqlite);
        var partner = await PartnerSteps.SignedInPartnerAsync(app);

        var response = await partner.Client.GetAsync(new Uri("/admin/imports", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
