using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Escale.Core.Calls;
using Escale.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Escale.Tests.Infrastructure.JurySteps;

namespace Escale.Tests.Integration.Pages.Admin.Appels.Jury;

[Collection(AccountsCollection.Name)]
public sealed class ClassementTests(MailAppFixture fixture)
{
    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    [Theory, EveryDatabase]
    public async Task Ranking_LeavesARecusedJurorOutOfTheAverage_AndRanksByIt(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var call = await CallAsync(app);
        var team = await TeamMemberAsync(app);
        var jurors = new[] { await JurorAsync(app, call), await JurorAsync(app, call), await JurorAsync(app, call) };
        var strong = (await ApplicationAsync(app, call)).Application;
        var weak = (await ApplicationAsync(app, call)).Application;
        await AssignAsync(app, call, strong.Id, jurors[0].User.Id, scores: [8, 8]);
        await AssignAsync(app, call, strong.Id, jurors[1].User.Id, scores: [6, 6]);
        await AssignAsync(app, call, strong.Id, jurors[2].User.Id, conflict: "Ancien collègue du porteur");
        await AssignAsync(app, call, weak.Id, jurors[0].User.Id, scores: [2, 2]);
        await AssignAsync(app, call, weak.Id, jurors[2].User.Id, scores: [9, 9]);

        var (response, page) = await team.Client.GetPageAsync($"/admin/appels/{call.Id}/jury/classement");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var strongRow = page.QuerySelector($"tr[data-application='{Id(strong.Id)}']")!;
        var weakRow = page.QuerySelector($"tr[data-application='{Id(weak.Id)}']")!;
        Assert.Equal("7,00", strongRow.QuerySelector("td[data-column='average']")!.TextContent.Trim());
        Assert.Equal("2", strongRow.QuerySelector("td[data-column='evaluations']")!.TextContent.Trim());
        Assert.Equal("1", strongRow.QuerySelector("td[data-column='recusals']")!.TextContent.Trim());
        Assert.Equal("1", strongRow.QuerySelector("td[data-column='rank']")!.TextContent.Trim());
        Assert.Equal("5,50", weakRow.QuerySelector("td[data-column='average']")!.TextContent.Trim());
        Assert.Equal("2", weakRow.QuerySelector("td[data-column='rank']")!.TextContent.Trim());
        Assert.NotNull(weakRow.QuerySelector("[data-large-spread]"));
        Assert.Null(strongRow.QuerySelector("[data-large-spread]"));
        Assert.Equal(2, strongRow.QuerySelectorAll("details li").Length);
        Assert.Contains("ne sont pas harmonisées", page.Text("#note-harmonisation"), StringComparison.Ordinal);
    }

    [Theory, EveryDatabase]
    public async Task ConflictDeclaredByAJuror_TakesThemOutOfTheAverageTheTeamSees_AtOnce(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var call = await CallAsync(app);
        var team = await TeamMemberAsync(app);
        var first = await JurorAsync(app, call);
        var second = await JurorAsync(app, call);
        var application = (await ApplicationAsync(app, call)).Application;
        await AssignAsync(app, call, application.Id, first.User.Id, scores: [8, 8]);
        var pending = await AssignAsync(app, call, application.Id, second.User.Id);
        var (_, before) = await team.Client.GetPageAsync($"/admin/appels/{call.Id}/jury/classement");
        var (_, evaluation) = await second.Client.GetPageAsync($"/jury/evaluations/{pending.Id}");
        await second.Client.SubmitAsync(evaluation.QuerySelector<IHtmlFormElement>("#formulaire-notes")!,
            new Dictionary<string, string> { ["Criteria[0].Score"] = "2", ["Criteria[1].Score"] = "2", ["envoyer"] = "1" });
        var (_, scored) = await team.Client.GetPageAsync($"/admin/appels/{call.Id}/jury/classement");

        var other = (await ApplicationAsync(app, call)).Application;
        await AssignAsync(app, call, other.Id, first.User.Id, scores: [6, 6]);
        var recusing = await AssignAsync(app, call, other.Id, second.User.Id);
        var (_, page) = await second.Client.GetPageAsync($"/jury/evaluations/{recusing.Id}");
        await second.Client.SubmitAsync(page.QuerySelector<IHtmlFormElement>("#formulaire-conflit")!,
            new Dictionary<string, string> { ["ConflictReason"] = "Mon frère fait partie de l’équipe." });
        var (_, after) = await team.Client.GetPageAsync($"/admin/appels/{call.Id}/jury/classement");
        var (_, detail) = await team.Client.GetPageAsync($"/admin/appels/{call.Id}/jury/candidatures/{other.Id}");

        string Cell(AngleSharp.Html.Dom.IHtmlDocument document, int id, string column) =>
            document.QuerySelector($"tr[data-application='{Id(id)}'] td[data-column='{column}']")!.TextContent.Trim();
        Assert.Equal("8,00", Cell(before, application.Id, "average"));
        Assert.Equal("5,00", Cell(scored, application.Id, "average"));
        Assert.Equal("6,00", Cell(after, other.Id, "average"));
        Assert.Equal("1", Cell(after, other.Id, "evaluations"));
        Assert.Equal("1", Cell(after, other.Id, "recusals"));
        Assert.Contains("Mon frère fait partie de l’équipe.", detail.Text("[data-recused]"), StringComparison.Ordinal);
    }

    [Theory, EveryDatabase]
    public async Task Ranking_WithNormalisation_SaysWhichJurorsWereNormalised(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var call = await CallAsync(app, normalise: true, minScores: 3);
        var team = await TeamMemberAsync(app);
        var harsh = await JurorAsync(app, call);
        var newcomer = await JurorAsync(app, call);
        for (var i = 0; i < 3; i++)
        {
            var application = (await ApplicationAsync(app, call)).Application;
            await AssignAsync(app, call, application.Id, harsh.User.Id, scores: [2 + i, 2 + i]);
            if (i == 0)
            {
                await AssignAsync(app, call, application.Id, newcomer.User.Id, scores: [9, 9]);
            }
        }

        var (_, page) = await team.Client.GetPageAsync($"/admin/appels/{call.Id}/jury/classement");

        Assert.Equal("true", page.QuerySelector($"#jures-harmonises li[data-juror='{harsh.User.Id}']")!.GetAttribute("data-normalised"));
        Assert.Equal("false", page.QuerySelector($"#jures-harmonises li[data-juror='{newcomer.User.Id}']")!.GetAttribute("data-normalised"));
        Assert.Contains("au moins 3 évaluations", page.Text("#note-harmonisation"), StringComparison.Ordinal);
    }

    [Theory, EveryDatabase]
    public async Task Publish_WhileAnApplicationHasNoDecision_IsRefused_AndChangesNothing(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var call = await CallAsync(app);
        var team = await TeamMemberAsync(app);
        var juror = await JurorAsync(app, call);
        var decided = await ApplicationAsync(app, call);
        var undecided = await ApplicationAsync(app, call);
        await AssignAsync(app, call, decided.Application.Id, juror.User.Id, scores: [7, 7]);
        await AssignAsync(app, call, undecided.Application.Id, juror.User.Id, scores: [5, 5]);
        await DecideAsync(team.Client, call.Id, decided.Application.Id, "Laureate", "Projet le mieux classé", "Bravo");
        var (_, page) = await team.Client.GetPageAsync($"/admin/appels/{call.Id}/jury/classement");

        var response = await team.Client.SubmitAsync(page.QuerySelector<IHtmlFormElement>("#formulaire-publication")!, new Dictionary<string, string>());
        var (_, after) = await team.Client.GetPageAsync(response.Headers.Location!.OriginalString);

        Assert.Contains("Publication impossible", after.Text(".status-message"), StringComparison.Ordinal);
        Assert.Null(await app.WithDbAsync(db => db.Calls.Where(c => c.Id == call.Id).Select(c => c.ResultsPublishedAt).SingleAsync()));
        Assert.Equal(ApplicationStatus.UnderEvaluation, await app.WithDbAsync(db => db.CallApplications.Where(a => a.Id == decided.Application.Id).Select(a => a.Status).SingleAsync()));
        await Task.Delay(300);
        Assert.Empty(fixture.Mail.MessagesTo(decided.Lead.Email!));
    }

    [Theory, EveryDatabase]
    public async Task Publish_GivesEachDecisionItsStatus_EmailsEveryMember_AndTwiceSendsNothingMore(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var call = await CallAsync(app);
        var team = await TeamMemberAsync(app);
        var juror = await JurorAsync(app, call);
        var laureate = await ApplicationAsync(app, call);
        var notSelected = await ApplicationAsync(app, call);
        await AssignAsync(app, call, laureate.Application.Id, juror.User.Id, scores: [9, 8]);
        await AssignAsync(app, call, notSelected.Application.Id, juror.User.Id, scores: [4, 5]);
        var decision = await DecideAsync(team.Client, call.Id, laureate.Application.Id, "Laureate", "Le plus abouti", "Un projet enthousiasmant, bravo.");
        await DecideAsync(team.Client, call.Id, notSelected.Application.Id, "NotSelected", "Modèle économique fragile", "Précisez le modèle économique.");
        var (_, page) = await team.Client.GetPageAsync($"/admin/appels/{call.Id}/jury/classement");
        var form = page.QuerySelector<IHtmlFormElement>("#formulaire-publication")!;

        var published = await team.Client.SubmitAsync(form, new Dictionary<string, string>());
        var twice = await team.Client.SubmitAsync(form, new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, decision.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, twice.StatusCode);
        var saved = await app.WithDbAsync(db => db.CallApplications.AsNoTracking().Where(a => a.CallId == call.Id).ToDictionaryAsync(a => a.Id));
        Assert.Equal(ApplicationStatus.Laureate, saved[laureate.Application.Id].Status);
        Assert.Equal(ApplicationStatus.NotSelected, saved[notSelected.Application.Id].Status);
        Assert.Equal(team.User.Id, saved[laureate.Application.Id].DecidedByUserId);
        Assert.Equal("Le plus abouti", saved[laureate.Application.Id].DecisionReason);
        Assert.NotNull(await app.WithDbAsync(db => db.Calls.Where(c => c.Id == call.Id).Select(c => c.ResultsPublishedAt).SingleAsync()));
        foreach (var member in laureate.Members)
        {
            var message = await fixture.Mail.WaitForMessageAsync(member.Email);
            Assert.Contains("lauréat", message.Subject, StringComparison.Ordinal);
            Assert.Contains("Un projet enthousiasmant, bravo.", message.TextBody, StringComparison.Ordinal);
        }
        foreach (var member in notSelected.Members)
        {
            var message = await fixture.Mail.WaitForMessageAsync(member.Email);
            Assert.Contains("Précisez le modèle économique.", message.TextBody, StringComparison.Ordinal);
            Assert.DoesNotContain("lauréat", message.Subject, StringComparison.Ordinal);
        }
        await Task.Delay(500);
        Assert.All(laureate.Members.Concat(notSelected.Members), m => Assert.Single(fixture.Mail.MessagesTo(m.Email)));
        var (_, after) = await team.Client.GetPageAsync($"/admin/appels/{call.Id}/jury/classement");
        Assert.NotNull(after.QuerySelector("#resultats-publies"));
        Assert.Null(after.QuerySelector("#formulaire-publication"));
    }

    [Theory, EveryDatabase]
    public async Task Decision_WithoutAReason_IsRefusedBesideTheField(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var call = await CallAsync(app);
        var team = await TeamMemberAsync(app);
        var application = await ApplicationAsync(app, call);

        var response = await DecideAsync(team.Client, call.Id, application.Application.Id, "Laureate", "", "");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Indiquez la raison de la décision.", (await Html.ParseAsync(response)).Text("[data-valmsg-for='Input.Reason']"));
        Assert.Null(await app.WithDbAsync(db => db.CallApplications.Where(a => a.Id == application.Application.Id).Select(a => a.Decision).SingleAsync()));
    }

    private static async Task<HttpResponseMessage> DecideAsync(HttpClient client, int callId, int applicationId, string decision, string reason, string feedback)
    {
        var (_, page) = await client.GetPageAsync($"/admin/appels/{callId}/jury/candidatures/{applicationId}");
        return await client.SubmitAsync(page.QuerySelector<IHtmlFormElement>("#formulaire-decision")!, new Dictionary<string, string>
        {
            ["Input.Decision"] = decision,
            ["Input.Reason"] = reason,
            ["Input.Feedback"] = feedback,
        });
    }
}
