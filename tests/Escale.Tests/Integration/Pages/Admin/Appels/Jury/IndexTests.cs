using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Escale.Core.Calls;
using Escale.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Escale.Tests.Infrastructure.JurySteps;

namespace Escale.Tests.Integration.Pages.Admin.Appels.Jury;

[Collection(AccountsCollection.Name)]
public sealed class IndexTests(MailAppFixture fixture)
{
    [Theory, EveryDatabase]
    public async Task Evenly_GivesEachEligibleApplicationItsJurors_SpreadsTheLoad_AndStartsTheEvaluation(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var call = await CallAsync(app);
        var team = await TeamMemberAsync(app);
        var jurors = new[] { await JurorAsync(app, call), await JurorAsync(app, call), await JurorAsync(app, call) };
        var applications = new List<CallApplication>();
        for (var i = 0; i < 4; i++)
        {
            applications.Add((await ApplicationAsync(app, call, ApplicationStatus.Eligible)).Application);
        }
        var submittedOnly = (await ApplicationAsync(app, call, ApplicationStatus.Submitted)).Application;
        var (_, page) = await team.Client.GetPageAsync($"/admin/appels/{call.Id}/jury");

        var response = await team.Client.SubmitAsync(page.QuerySelector<IHtmlFormElement>("#formulaire-repartition")!,
            new Dictionary<string, string> { ["PerApplication"] = "2" });
        var again = await team.Client.SubmitAsync(page.QuerySelector<IHtmlFormElement>("#formulaire-repartition")!,
            new Dictionary<string, string> { ["PerApplication"] = "2" });
        var (_, after) = await team.Client.GetPageAsync($"/admin/appels/{call.Id}/jury");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var ids = applications.Select(a => a.Id).ToList();
        var assignments = await app.WithDbAsync(db => db.JurorAssignments.Where(a => a.Application!.CallId == call.Id).ToListAsync());
        Assert.Equal(8, assignments.Count);
        Assert.All(ids, id => Assert.Equal(2, assignments.Count(a => a.ApplicationId == id)));
        Assert.DoesNotContain(assignments, a => a.ApplicationId == submittedOnly.Id);
        var loads = jurors.Select(j => assignments.Count(a => a.JurorUserId == j.User.Id)).Order().ToList();
        Assert.True(loads[^1] - loads[0] <= 1, string.Join(",", loads));
        var statuses = await app.WithDbAsync(db => db.CallApplications.Where(a => ids.Contains(a.Id)).Select(a => a.Status).ToListAsync());
        Assert.All(statuses, s => Assert.Equal(ApplicationStatus.UnderEvaluation, s));
        Assert.Equal(loads.Sum(), after.QuerySelectorAll("#avancement-jures td[data-column='assigned']").Sum(td => int.Parse(td.TextContent, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory, EveryDatabase]
    public async Task ByHand_AssignsAndRemovesUntouchedPairs_KeepsARecusal_AndShowsCompletion(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var call = await CallAsync(app);
        var team = await TeamMemberAsync(app);
        var first = await JurorAsync(app, call);
        var second = await JurorAsync(app, call);
        var application = (await ApplicationAsync(app, call, ApplicationStatus.Eligible)).Application;
        var other = (await ApplicationAsync(app, call)).Application;
        await AssignAsync(app, call, other.Id, second.User.Id, conflict: "Voisin du porteur");
        await AssignAsync(app, call, other.Id, first.User.Id);
        var (_, page) = await team.Client.GetPageAsync($"/admin/appels/{call.Id}/jury");
        var form = page.QuerySelector<IHtmlFormElement>("#formulaire-attributions")!;
        // Only the first juror on the first application: the second's recusal stays, the first's untouched assignment on the other goes.
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", form.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value),
            new("paires", $"{application.Id}:{first.User.Id}"),
        };
        fields.AddRange(form.QuerySelectorAll<IHtmlInputElement>("input[name=candidatures]").Select(i => new KeyValuePair<string, string>("candidatures", i.Value)));

        var response = await team.Client.PostAsync(Html.ActionOf(form).PathAndQuery, new FormUrlEncodedContent(fields));
        var (_, after) = await team.Client.GetPageAsync($"/admin/appels/{call.Id}/jury");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var pairs = await app.WithDbAsync(db => db.JurorAssignments.Where(a => a.Application!.CallId == call.Id)
            .Select(a => new { a.ApplicationId, a.JurorUserId }).ToListAsync());
        Assert.Equal(2, pairs.Count);
        Assert.Contains(pairs, p => p.ApplicationId == application.Id && p.JurorUserId == first.User.Id);
        Assert.Contains(pairs, p => p.ApplicationId == other.Id && p.JurorUserId == second.User.Id);
        Assert.Equal(ApplicationStatus.UnderEvaluation, await app.WithDbAsync(db => db.CallApplications.Where(a => a.Id == application.Id).Select(a => a.Status).SingleAsync()));
        var secondRow = after.QuerySelector($"#avancement-jures tr[data-juror='{second.User.Id}']")!;
        Assert.Equal("1", secondRow.QuerySelector("td[data-column='recused']")!.TextContent.Trim());
        Assert.Equal("0", secondRow.QuerySelector("td[data-column='todo']")!.TextContent.Trim());
    }
}
