using System.Net;
using Escale.Tests.Infrastructure;
using static Escale.Tests.Infrastructure.JurySteps;

namespace Escale.Tests.Integration.Pages.Jury;

[Collection(AccountsCollection.Name)]
public sealed class IndexTests(MailAppFixture fixture)
{
    [Theory, EveryDatabase]
    public async Task Index_ListsOnlyTheJurorsOwnEvaluations_ByCall_WithTheirStateAndProgress(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var call = await CallAsync(app);
        var other = await CallAsync(app);
        var juror = await JurorAsync(app, call);
        var colleague = await JurorAsync(app, call);
        var toDo = await ApplicationAsync(app, call);
        var submitted = await ApplicationAsync(app, call);
        var recused = await ApplicationAsync(app, call);
        var elsewhere = await ApplicationAsync(app, other);
        var notMine = await ApplicationAsync(app, call);
        var a1 = await AssignAsync(app, call, toDo.Application.Id, juror.User.Id);
        var a2 = await AssignAsync(app, call, submitted.Application.Id, juror.User.Id, scores: [7, 6]);
        var a3 = await AssignAsync(app, call, recused.Application.Id, juror.User.Id, conflict: "Parent d’un membre");
        var a4 = await AssignAsync(app, other, elsewhere.Application.Id, juror.User.Id);
        await AssignAsync(app, call, notMine.Application.Id, colleague.User.Id);

        var (response, page) = await juror.Client.GetPageAsync("/jury");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, page.QuerySelectorAll("section[data-call]").Length);
        var states = page.QuerySelectorAll("tr[data-assignment]").ToDictionary(r => r.GetAttribute("data-assignment")!, r => r.GetAttribute("data-state"));
        Assert.Equal(4, states.Count);
        Assert.Equal("ToDo", states[a1.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        Assert.Equal("Submitted", states[a2.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        Assert.Equal("Recused", states[a3.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        Assert.Equal("ToDo", states[a4.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        Assert.DoesNotContain(notMine.Application.ProjectTitle, page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("2", page.QuerySelector($"section[data-call='{call.Id}'] progress")!.GetAttribute("value"));
        Assert.Equal("3", page.QuerySelector($"section[data-call='{call.Id}'] progress")!.GetAttribute("max"));
    }

    [Theory, EveryDatabase]
    public async Task Juror_IsRefusedTheTeamsJuryPages_AndTheBackOffice(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var call = await CallAsync(app);
        var juror = await JurorAsync(app, call);

        foreach (var path in new[] { "/admin", $"/admin/appels/{call.Id}/jury", $"/admin/appels/{call.Id}/jury/classement" })
        {
            var response = await juror.Client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
    }
}
