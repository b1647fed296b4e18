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
public sealed class GrilleTests(MailAppFixture fixture)
{
    [Theory, EveryDatabase]
    public async Task Save_WeightsSummingTo100_StoresTheGridInOrder(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var team = await SignedInAsync(app, Roles.Editor);
        var call = await CallSteps.CallAsync(app);
        var (_, page) = await team.Client.GetPageAsync($"/admin/appels/{call.Id}/grille");

        var response = await team.Client.SubmitAsync((IHtmlFormElement)page.QuerySelector("#Rows_0__Name")!.Closest("form")!, new Dictionary<string, string>
        {
            ["Rows[0].Name"] = "Utilité pour le territoire", ["Rows[0].Weight"] = "40",
            ["Rows[1].Name"] = "Faisabilité", ["Rows[1].Weight"] = "30",
            ["Rows[2].Name"] = "Originalité", ["Rows[2].Weight"] = "30",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var criteria = await app.WithDbAsync(db => db.CallCriteria.Where(c => c.CallId == call.Id).OrderBy(c => c.Order).Select(c => new { c.Name, c.Weight }).ToListAsync());
        Assert.Equal([("Utilité pour le territoire", 40), ("Faisabilité", 30), ("Originalité", 30)], criteria.Select(c => (c.Name, c.Weight)));
    }

    [Theory, EveryDatabase]
    public async Task Save_WeightsNotSummingTo100_IsRefusedBesideTheGrid_AndNothingChanges(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var team = await SignedInAsync(app, Roles.Editor);
        var call = await CallSteps.CallAsync(app);
        await app.WithDbAsync(async db =>
        {
            db.CallCriteria.AddRange(
                new CallCriterion { CallId = call.Id, Name = "Impact", Weight = 60, Order = 1 },
                new CallCriterion { CallId = call.Id, Name = "Équipe", Weight = 40, Order = 2 });
            return await db.SaveChangesAsync();
        });
        var (_, page) = await team.Client.GetPageAsync($"/admin/appels/{call.Id}/grille");

        // The first criterion renamed and re-weighted, a third added: 50 + 40 + 30 = 120.
        var response = await team.Client.SubmitAsync((IHtmlFormElement)page.QuerySelector("#Rows_0__Name")!.Closest("form")!, new Dictionary<string, string>
        {
            ["Rows[0].Name"] = "Impact local", ["Rows[0].Weight"] = "50",
            ["Rows[2].Name"] = "Originalité", ["Rows[2].Weight"] = "30",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var refused = await Html.ParseAsync(response);
        Assert.Equal(CallPhases.GridRefusal([50, 40, 30]), refused.Text("[data-valmsg-for='Grid']"));
        Assert.Equal("Impact local", refused.QuerySelector<IHtmlInputElement>("#Rows_0__Name")!.Value);
        var criteria = await app.WithDbAsync(db => db.CallCriteria.Where(c => c.CallId == call.Id).OrderBy(c => c.Order).Select(c => new { c.Name, c.Weight }).ToListAsync());
        Assert.Equal([("Impact", 60), ("Équipe", 40)], criteria.Select(c => (c.Name, c.Weight)));
    }
}
