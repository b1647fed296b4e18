using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Escale.Core.Calls;
using Escale.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Escale.Tests.Infrastructure.JurySteps;

namespace Escale.Tests.Integration.Pages.Jury;

[Collection(AccountsCollection.Name)]
public sealed class EvaluationTests(MailAppFixture fixture)
{
    [Theory, EveryDatabase]
    public async Task Evaluation_ShowsPublicAndPrivateAnswers_NeverAHiddenAnswerNorTheTeamsIdentity(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var call = await CallAsync(app);
        var team = await ApplicationAsync(app, call);
        var juror = await JurorAsync(app, call);
        var assignment = await AssignAsync(app, call, team.Application.Id, juror.User.Id);

        var response = await juror.Client.GetAsync(new Uri($"/jury/evaluations/{assignment.Id}", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(team.Application.ProjectTitle, html, StringComparison.Ordinal);
        Assert.Contains(PublicAnswer, html, StringComparison.Ordinal);
        Assert.Contains(PrivateAnswer, html, StringComparison.Ordinal);
        Assert.Contains(PrivateFileName, html, StringComparison.Ordinal);
        Assert.DoesNotContain(HiddenAnswer, html, StringComparison.Ordinal);
        Assert.DoesNotContain(HiddenFileName, html, StringComparison.Ordinal);
        Assert.DoesNotContain("Établissement scolaire", html, StringComparison.Ordinal);
        foreach (var member in team.Members)
        {
            Assert.DoesNotContain(member.Name, html, StringComparison.Ordinal);
            Assert.DoesNotContain(member.Email, html, StringComparison.OrdinalIgnoreCase);
            if (member.School is not null)
            {
                Assert.DoesNotContain(member.School, html, StringComparison.Ordinal);
            }
        }
        Assert.DoesNotContain(team.Lead.Id, html, StringComparison.Ordinal);
    }

    [Theory, EveryDatabase]
    public async Task Files_OfAVisibleField_DownloadWithoutBeingStored_AndOfAHiddenField_AreNotFound(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var call = await CallAsync(app);
        var team = await ApplicationAsync(app, call);
        var juror = await JurorAsync(app, call);
        var assignment = await AssignAsync(app, call, team.Application.Id, juror.User.Id);
        var fields = call.Fields.OrderBy(f => f.Order).ToList();

        var visible = await juror.Client.GetAsync(new Uri($"/jury/evaluations/{assignment.Id}/fichier?champ={fields[3].Id}", UriKind.Relative));
        var hidden = await juror.Client.GetAsync(new Uri($"/jury/evaluations/{assignment.Id}/fichier?champ={fields[4].Id}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, visible.StatusCode);
        Assert.Equal("%PDF-1.4 ok\n", await visible.Content.ReadAsStringAsync());
        Assert.True(visible.Headers.CacheControl?.NoStore);
        Assert.Equal(PrivateFileName, visible.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
    }

    [Theory, EveryDatabase]
    public async Task AnotherJurorsEvaluation_IsNotFound_ItsPageAndItsFiles(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var call = await CallAsync(app);
        var team = await ApplicationAsync(app, call);
        var owner = await JurorAsync(app, call);
        var other = await JurorAsync(app, call);
        var assignment = await AssignAsync(app, call, team.Application.Id, owner.User.Id);

        var page = await other.Client.GetAsync(new Uri($"/jury/evaluations/{assignment.Id}", UriKind.Relative));
        var file = await other.Client.GetAsync(new Uri($"/jury/evaluations/{assignment.Id}/fichier?champ={call.Fields.OrderBy(f => f.Order).ElementAt(3).Id}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, file.StatusCode);
    }

    [Theory, EveryDatabase]
    public async Task Submit_WithAScoreOf11_IsRefusedBesideTheCriterion_AndNothingIsSaved(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var call = await CallAsync(app);
        var team = await ApplicationAsync(app, call);
        var juror = await JurorAsync(app, call);
        var assignment = await AssignAsync(app, call, team.Application.Id, juror.User.Id);
        var criteria = call.Criteria.OrderBy(c => c.Order).ToList();
        var (_, page) = await juror.Client.GetPageAsync($"/jury/evaluations/{assignment.Id}");

        var response = await juror.Client.SubmitAsync(page.QuerySelector<IHtmlFormElement>("#formulaire-notes")!, new Dictionary<string, string>
        {
            ["Criteria[0].Score"] = "11",
            ["Criteria[0].Comment"] = "Très original",
            ["Criteria[1].Score"] = "7",
            ["Comment"] = "Bon dossier",
            ["envoyer"] = "1",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await Html.ParseAsync(response);
        Assert.Equal("La note doit être un nombre entier de 0 à 10.", result.Text($"#note-{criteria[0].Id}-erreur"));
        Assert.Equal("true", result.QuerySelector($"#note-{criteria[0].Id}")!.GetAttribute("aria-invalid"));
        Assert.Equal("11", result.QuerySelector<IHtmlInputElement>($"#note-{criteria[0].Id}")!.Value);
        var saved = await app.WithDbAsync(db => db.JurorAssignments.AsNoTracking().Include(a => a.Scores).SingleAsync(a => a.Id == assignment.Id));
        Assert.Null(saved.SubmittedAt);
        Assert.Null(saved.WeightedScore);
        Assert.Null(saved.Comment);
        Assert.Empty(saved.Scores);
    }

    [Theory, EveryDatabase]
    public async Task Draft_ThenSubmit_StoresTheWeightedTotal_AndASubmittedEvaluationIsFinal(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var call = await CallAsync(app);
        var team = await ApplicationAsync(app, call);
        var juror = await JurorAsync(app, call);
        var assignment = await AssignAsync(app, call, team.Application.Id, juror.User.Id);
        var (_, page) = await juror.Client.GetPageAsync($"/jury/evaluations/{assignment.Id}");
        var form = page.QuerySelector<IHtmlFormElement>("#formulaire-notes")!;

        var draft = await juror.Client.SubmitAsync(form, new Dictionary<string, string> { ["Criteria[0].Score"] = "8", ["Criteria[0].Comment"] = "Idée forte" });
        var (_, draftPage) = await juror.Client.GetPageAsync($"/jury/evaluations/{assignment.Id}");
        var (_, listWithDraft) = await juror.Client.GetPageAsync("/jury");
        var submitted = await juror.Client.SubmitAsync(draftPage.QuerySelector<IHtmlFormElement>("#formulaire-notes")!, new Dictionary<string, string>
        {
            ["Criteria[1].Score"] = "5",
            ["Comment"] = "Solide",
            ["envoyer"] = "1",
        });
        var again = await juror.Client.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Criteria[0].Score"] = "0",
            ["Criteria[1].Score"] = "0",
            ["envoyer"] = "1",
        });
        var (_, finalPage) = await juror.Client.GetPageAsync($"/jury/evaluations/{assignment.Id}");

        Assert.Equal(HttpStatusCode.Redirect, draft.StatusCode);
        Assert.Equal("8", draftPage.QuerySelector<IHtmlInputElement>("input[name='Criteria[0].Score']")!.Value);
        Assert.Equal("Draft", listWithDraft.QuerySelector($"tr[data-assignment='{assignment.Id}']")!.GetAttribute("data-state"));
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Equal("/jury", submitted.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var saved = await app.WithDbAsync(db => db.JurorAssignments.AsNoTracking().Include(a => a.Scores).SingleAsync(a => a.Id == assignment.Id));
        Assert.NotNull(saved.SubmittedAt);
        Assert.Equal(6.8, saved.WeightedScore!.Value, 6);
        Assert.Equal("Solide", saved.Comment);
        Assert.Equal([5, 8], saved.Scores.Select(s => s.Score).Order());
        Assert.Null(finalPage.QuerySelector("#formulaire-notes"));
        Assert.Null(finalPage.QuerySelector("#formulaire-conflit"));
        Assert.Contains("6,80", finalPage.Text("#etat-evaluation"), StringComparison.Ordinal);
    }

    [Theory, EveryDatabase]
    public async Task Submit_WithACriterionUnscored_IsRefused(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var call = await CallAsync(app);
        var team = await ApplicationAsync(app, call);
        var juror = await JurorAsync(app, call);
        var assignment = await AssignAsync(app, call, team.Application.Id, juror.User.Id);
        var (_, page) = await juror.Client.GetPageAsync($"/jury/evaluations/{assignment.Id}");

        var response = await juror.Client.SubmitAsync(page.QuerySelector<IHtmlFormElement>("#formulaire-notes")!,
            new Dictionary<string, string> { ["Criteria[0].Score"] = "6", ["envoyer"] = "1" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("pour envoyer", (await Html.ParseAsync(response)).Text($"#note-{call.Criteria.OrderBy(c => c.Order).Last().Id}-erreur"), StringComparison.Ordinal);
        Assert.Null(await app.WithDbAsync(db => db.JurorAssignments.Where(a => a.Id == assignment.Id).Select(a => a.SubmittedAt).SingleAsync()));
    }

    [Theory, EveryDatabase]
    public async Task DeclareConflict_NeedsAReason_ThenRecusesForGood_AndTheScoresFormDisappears(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var call = await CallAsync(app);
        var team = await ApplicationAsync(app, call);
        var juror = await JurorAsync(app, call);
        var assignment = await AssignAsync(app, call, team.Application.Id, juror.User.Id);
        var (_, page) = await juror.Client.GetPageAsync($"/jury/evaluations/{assignment.Id}");
        var conflictForm = page.QuerySelector<IHtmlFormElement>("#formulaire-conflit")!;
        var scoresForm = page.QuerySelector<IHtmlFormElement>("#formulaire-notes")!;

        var withoutReason = await juror.Client.SubmitAsync(conflictForm, new Dictionary<string, string> { ["ConflictReason"] = "  " });
        var declared = await juror.Client.SubmitAsync(conflictForm, new Dictionary<string, string> { ["ConflictReason"] = "Je connais la famille du porteur." });
        var scoredAfter = await juror.Client.SubmitAsync(scoresForm, new Dictionary<string, string>
            { ["Criteria[0].Score"] = "9", ["Criteria[1].Score"] = "9", ["envoyer"] = "1" });
        var (_, after) = await juror.Client.GetPageAsync($"/jury/evaluations/{assignment.Id}");

        Assert.Equal(HttpStatusCode.OK, withoutReason.StatusCode);
        Assert.Equal("Indiquez la raison du conflit d’intérêts.", (await Html.ParseAsync(withoutReason)).Text("#raison-conflit-erreur"));
        Assert.Equal(HttpStatusCode.Redirect, declared.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, scoredAfter.StatusCode);
        Assert.Null(after.QuerySelector("#formulaire-notes"));
        Assert.Null(after.QuerySelector("#formulaire-conflit"));
        Assert.Contains("Je connais la famille du porteur.", after.Text("#etat-evaluation"), StringComparison.Ordinal);
        var saved = await app.WithDbAsync(db => db.JurorAssignments.AsNoTracking().Include(a => a.Scores).SingleAsync(a => a.Id == assignment.Id));
        Assert.NotNull(saved.ConflictDeclaredAt);
        Assert.Null(saved.SubmittedAt);
        Assert.Empty(saved.Scores);
    }

    [Theory, EveryDatabase]
    public async Task Evaluation_AfterTheResultsArePublished_CannotChange(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var call = await CallAsync(app);
        var team = await ApplicationAsync(app, call);
        var juror = await JurorAsync(app, call);
        var assignment = await AssignAsync(app, call, team.Application.Id, juror.User.Id);
        var (_, page) = await juror.Client.GetPageAsync($"/jury/evaluations/{assignment.Id}");
        await app.WithDbAsync(db => db.Calls.Where(c => c.Id == call.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.ResultsPublishedAt, DateTimeOffset.UtcNow)));

        var response = await juror.Client.SubmitAsync(page.QuerySelector<IHtmlFormElement>("#formulaire-notes")!,
            new Dictionary<string, string> { ["Criteria[0].Score"] = "6", ["Criteria[1].Score"] = "6", ["envoyer"] = "1" });
        var (_, after) = await juror.Client.GetPageAsync($"/jury/evaluations/{assignment.Id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Null(after.QuerySelector("#formulaire-notes"));
        Assert.Null(await app.WithDbAsync(db => db.JurorAssignments.Where(a => a.Id == assignment.Id).Select(a => a.SubmittedAt).SingleAsync()));
    }
}
