using AngleSharp.Dom;
using System.Net;
using AngleSharp.Html.Dom;
using Escale.Core.Calls;
using Escale.Core.Identity;
using Escale.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Escale.Tests.Infrastructure.NetworkSteps;

namespace Escale.Tests.Integration.Pages.Admin.Appels;

[Collection(AccountsCollection.Name)]
public sealed class EditionTests(MailAppFixture fixture)
{
    private static Dictionary<string, string> Valid(string title) => new()
    {
        ["Input.Title"] = title,
        ["Input.Kind"] = nameof(CallKind.CallForProjects),
        ["Input.Summary"] = "Des projets de jeunes pour le territoire.",
        ["Input.Audience"] = nameof(CallAudience.Youth),
        ["Input.MinAge"] = "11",
        ["Input.MaxAge"] = "25",
        ["Input.MinTeamSize"] = "1",
        ["Input.MaxTeamSize"] = "4",
        ["Input.OpensAt"] = "2027-03-01T09:00",
        ["Input.ClosesAt"] = "2027-04-30T18:00",
        ["Input.MinScoresForNormalisation"] = "5",
    };

    private static async Task<HttpResponseMessage> CreateAsync(HttpClient client, IDictionary<string, string> values)
    {
        var (_, page) = await client.GetPageAsync("/admin/appels/edition");
        var form = (IHtmlFormElement)page.QuerySelector("#Input_Title")!.Closest("form")!;
        return await client.SubmitAsync(form, values);
    }

    [Theory, EveryDatabase]
    public async Task Create_StoresTheDeadlineTypedInParisTimeAsUtc_AsADraft(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var team = await SignedInAsync(app, Roles.Editor);
        var title = CallSteps.Unique("Appel jeunesse");

        var response = await CreateAsync(team.Client, Valid(title));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var call = await app.WithDbAsync(db => db.Calls.SingleAsync(c => c.Title == title));
        // 18:00 in Paris on 30 April 2027 is summer time (UTC+2).
        Assert.Equal(new DateTimeOffset(2027, 4, 30, 16, 0, 0, TimeSpan.Zero), call.ClosesAt);
        Assert.Equal(Escale.Core.Territories.Slug.From(title), call.Slug);
        Assert.Null(call.PublishedAt);
        Assert.Equal((11, 25), (call.MinAge, call.MaxAge));
    }

    [Theory, EveryDatabase]
    public async Task Create_WithBadBounds_IsRefusedBesideEachField_AndNothingSaved(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var team = await SignedInAsync(app, Roles.Editor);
        var title = CallSteps.Unique("Appel à l’envers");
        var values = Valid(title);
        values["Input.ClosesAt"] = "2027-02-01T18:00";
        values["Input.MinAge"] = "20";
        values["Input.MaxAge"] = "12";
        values["Input.MinTeamSize"] = "5";
        values["Input.MaxTeamSize"] = "2";

        var response = await CreateAsync(team.Client, values);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("après l’ouverture", page.Text("[data-valmsg-for='Input.ClosesAt']"), StringComparison.Ordinal);
        Assert.Contains("âge maximum", page.Text("[data-valmsg-for='Input.MaxAge']"), StringComparison.Ordinal);
        Assert.Contains("taille d’équipe maximale", page.Text("[data-valmsg-for='Input.MaxTeamSize']"), StringComparison.Ordinal);
        Assert.Equal(title, page.QuerySelector<IHtmlInputElement>("#Input_Title")!.Value);
        Assert.False(await app.WithDbAsync(db => db.Calls.AnyAsync(c => c.Title == title)));
    }

    [Theory, EveryDatabase]
    public async Task Create_PostedTwice_MakesOneCall(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var team = await SignedInAsync(app, Roles.Editor);
        var title = CallSteps.Unique("Concours création");
        var (_, page) = await team.Client.GetPageAsync("/admin/appels/edition");
        var form = (IHtmlFormElement)page.QuerySelector("#Input_Title")!.Closest("form")!;

        var first = await team.Client.SubmitAsync(form, Valid(title));
        var second = await team.Client.SubmitAsync(form, Valid(title));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(1, await app.WithDbAsync(db => db.Calls.CountAsync(c => c.Title == title)));
    }

    [Theory, EveryDatabase]
    public async Task Publish_ThenThePublicPageAnswers(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var team = await SignedInAsync(app, Roles.Administrator);
        var call = await CallSteps.CallAsync(app, published: false);
        var visitor = app.CreateBrowserlessClient();
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(new Uri("/appels/" + call.Slug, UriKind.Relative))).StatusCode);

        var (_, page) = await team.Client.GetPageAsync($"/admin/appels/edition/{call.Id}");
        var publish = page.QuerySelector<IHtmlFormElement>("form[action*='handler=Publish']")!;
        var response = await team.Client.SubmitAsync(publish, new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(new Uri("/appels/" + call.Slug, UriKind.Relative))).StatusCode);
    }

    [Theory, EveryDatabase]
    public async Task Prize_AddedWithoutAmount_ThenRemoved(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var team = await SignedInAsync(app, Roles.Editor);
        var call = await CallSteps.CallAsync(app);
        var (_, page) = await team.Client.GetPageAsync($"/admin/appels/edition/{call.Id}");
        var form = page.QuerySelector<IHtmlFormElement>("form[action*='handler=Prize']")!;

        var refused = await team.Client.SubmitAsync(form, new Dictionary<string, string> { ["title"] = "Prix du public", ["amount"] = "beaucoup" });
        await team.Client.SubmitAsync(form, new Dictionary<string, string> { ["title"] = "Prix du public", ["amount"] = "1 500,50" });
        await team.Client.SubmitAsync(form, new Dictionary<string, string> { ["title"] = "Accompagnement en incubateur", ["amount"] = "" });

        Assert.Contains("montant en euros", (await Html.ParseAsync(refused)).Text("[data-valmsg-for='amount']"), StringComparison.Ordinal);
        var prizes = await app.WithDbAsync(db => db.CallPrizes.Where(p => p.CallId == call.Id).OrderBy(p => p.Order).ToListAsync());
        Assert.Equal([("Prix du public", (decimal?)1500.50m), ("Accompagnement en incubateur", null)], prizes.Select(p => (p.Title, p.AmountEuros)));

        var (_, again) = await team.Client.GetPageAsync($"/admin/appels/edition/{call.Id}");
        await team.Client.SubmitAsync(again.QuerySelector<IHtmlFormElement>("form[action*='handler=RemovePrize']")!, new Dictionary<string, string>());
        Assert.Equal(1, await app.WithDbAsync(db => db.CallPrizes.CountAsync(p => p.CallId == call.Id)));
    }
}
