using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Escale.Core.Welcome;
using Escale.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Escale.Tests.Infrastructure.ReferentWelcomeSteps;

namespace Escale.Tests.Integration.Pages.Admin.Dossiers;

[Collection(AccountsCollection.Name)]
public sealed class DetailTests(MailAppFixture fixture)
{
    private static IHtmlFormElement Form(AngleSharp.Html.Dom.IHtmlDocument page, string handler) =>
        page.QuerySelector<IHtmlFormElement>($"form[action*='handler={handler}']")!;

    [Theory, EveryDatabase]
    public async Task ReferentOfAnotherIntercommunality_GetsNotFound_AndDoesNotSeeTheCase_TheDepartmentalTeamDoes(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var (welcomeCase, _) = await CaseAsync(app, GrandFigeac);
        var figeac = await SignedInReferentAsync(app, GrandFigeac);
        var cahors = await SignedInReferentAsync(app, GrandCahors);
        var team = await SignedInReferentAsync(app, DepartmentalTeam);

        var forged = await cahors.Client.GetAsync(new Uri($"/admin/dossiers/{welcomeCase.Id}", UriKind.Relative));
        var forgedPost = await cahors.Client.PostAsync(new Uri($"/admin/dossiers/{welcomeCase.Id}?handler=Qualifier", UriKind.Relative),
            new FormUrlEncodedContent([new("__RequestVerificationToken", await AntiForgeryTokenAsync(cahors.Client))]));
        var (_, cahorsCaseload) = await cahors.Client.GetPageAsync("/admin/dossiers");
        var (own, _) = await figeac.Client.GetPageAsync($"/admin/dossiers/{welcomeCase.Id}");
        var (_, figeacCaseload) = await figeac.Client.GetPageAsync("/admin/dossiers");
        var (teamView, _) = await team.Client.GetPageAsync($"/admin/dossiers/{welcomeCase.Id}");
        var (_, teamCaseload) = await team.Client.GetPageAsync("/admin/dossiers");

        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, forgedPost.StatusCode);
        Assert.Null(cahorsCaseload.QuerySelector($"tr[data-case='{welcomeCase.Id}']"));
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.NotNull(figeacCaseload.QuerySelector($"tr[data-case='{welcomeCase.Id}']"));
        Assert.Equal(HttpStatusCode.OK, teamView.StatusCode);
        Assert.NotNull(teamCaseload.QuerySelector($"tr[data-case='{welcomeCase.Id}']"));
        Assert.Equal(CaseStage.NewContact, await app.WithDbAsync(db => db.Cases.Where(c => c.Id == welcomeCase.Id).Select(c => c.Stage).SingleAsync()));
    }

    [Theory, EveryDatabase]
    public async Task CaseFile_ShowsTheSchoolsForEachChild_AroundTheCommuneTheHouseholdNamed(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var figeacId = await app.WithDbAsync(db => db.Communes.Where(c => c.InseeCode == "46102").Select(c => c.Id).SingleAsync());
        var (welcomeCase, _) = await CaseAsync(app, GrandFigeac, project: p =>
        {
            p.ChildrenAges = [2, 6, 11];
            p.TargetCommuneIds = [figeacId];
        });
        var referent = await SignedInReferentAsync(app, GrandFigeac);

        var (_, page) = await referent.Client.GetPageAsync($"/admin/dossiers/{welcomeCase.Id}");

        Assert.Equal(["Pour l’enfant de 6 ans (école élémentaire)", "Pour l’enfant de 11 ans (collège)"],
            page.QuerySelectorAll("#ecoles-section h3").Select(h => h.TextContent));
        Assert.Equal(4, page.QuerySelectorAll("ul[data-age='6'] li").Length);
        Assert.Contains("Collège Marcel Masbou (public), Figeac — à 1,5 km du centre de Figeac", page.Text("ul[data-age='11']"), StringComparison.Ordinal);
    }

    [Theory, EveryDatabase]
    public async Task Viewing_WritesAnAccessEntry_WithTheReferentsNameAndOrganisation(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var (welcomeCase, _) = await CaseAsync(app, GrandFigeac);
        var referent = await SignedInReferentAsync(app, GrandFigeac);

        await referent.Client.GetPageAsync($"/admin/dossiers/{welcomeCase.Id}");

        var accesses = await app.WithDbAsync(db => db.CaseAccesses.Where(a => a.CaseId == welcomeCase.Id).ToListAsync());
        var access = Assert.Single(accesses);
        Assert.Equal((referent.User.Id, CaseAccessAction.Viewed), (access.UserId, access.Action));
        Assert.Equal(referent.User.DisplayName, access.ActorName);
        Assert.Contains("Grand-Figeac", access.OrganisationName, StringComparison.Ordinal);
    }

    [Theory, EveryDatabase]
    public async Task Qualify_EmailsTheHouseholdTheStagesMeaning_ThroughSmtp_AndASecondPostChangesNothing(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var referent = await SignedInReferentAsync(app, GrandFigeac);
        var (welcomeCase, household) = await CaseAsync(app, GrandFigeac, referent.User.Id);
        var (_, page) = await referent.Client.GetPageAsync($"/admin/dossiers/{welcomeCase.Id}");
        var form = Form(page, "Qualifier");

        var first = await referent.Client.SubmitAsync(form, new Dictionary<string, string>());
        var second = await referent.Client.SubmitAsync(form, new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        var mail = await fixture.Mail.WaitForMessageAsync(household.Email!);
        Assert.Contains("Qualifié", mail.Subject, StringComparison.Ordinal);
        Assert.Contains(Escale.Web.Pages.Accueil.WelcomeLabels.StageMeaning(CaseStage.Qualified), mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("/mon-espace", mail.TextBody, StringComparison.Ordinal);
        await Task.Delay(300);
        Assert.Single(fixture.Mail.MessagesTo(household.Email!));
        var saved = await app.WithDbAsync(db => db.Cases.Include(c => c.Assignments).Include(c => c.Events).SingleAsync(c => c.Id == welcomeCase.Id));
        Assert.Equal(CaseStage.Qualified, saved.Stage);
        Assert.NotNull(saved.FirstRespondedAt);
        Assert.NotNull(Assert.Single(saved.Assignments).RespondedAt);
        Assert.Single(saved.Events, e => e.Kind == CaseEventKind.StageChanged);
        var (_, after) = await referent.Client.GetPageAsync($"/admin/dossiers/{welcomeCase.Id}");
        Assert.Contains("Étape", after.Text("#chronologie"), StringComparison.Ordinal);
    }

    [Theory, EveryDatabase]
    public async Task Transfer_KeepsTheHouseholdsWholeWait_AndGivesTheReceiverItsOwnNewDeadline(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var referent = await SignedInReferentAsync(app, GrandFigeac);
        var cahorsId = await OrganisationIdAsync(app, GrandCahors);
        var (welcomeCase, _) = await CaseAsync(app, GrandFigeac, referent.User.Id, age: TimeSpan.FromDays(10),
            dueOn: DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-5));
        var (_, page) = await referent.Client.GetPageAsync($"/admin/dossiers/{welcomeCase.Id}");

        var response = await referent.Client.SubmitAsync(Form(page, "Transferer"), new Dictionary<string, string>
        {
            ["Transfer.FromOrganisationId"] = referent.OrganisationId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Transfer.ToOrganisationId"] = cahorsId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await app.WithDbAsync(db => db.Cases.Include(c => c.Assignments).SingleAsync(c => c.Id == welcomeCase.Id));
        var ended = saved.Assignments.Single(a => a.OrganisationId == referent.OrganisationId);
        var received = saved.Assignments.Single(a => a.OrganisationId == cahorsId);
        Assert.Equal(AssignmentEndReason.Transferred, ended.EndReason);
        Assert.Null(received.EndedAt);
        Assert.True(received.FirstResponseDueOn > DateOnly.FromDateTime(DateTime.UtcNow));
        Assert.True(saved.Wait(DateTimeOffset.UtcNow) >= TimeSpan.FromDays(10));
        var (forOldReferent, _) = await referent.Client.GetPageAsync($"/admin/dossiers/{welcomeCase.Id}");
        Assert.Equal(HttpStatusCode.NotFound, forOldReferent.StatusCode);
        var cahors = await SignedInReferentAsync(app, GrandCahors);
        var (_, receiverView) = await cahors.Client.GetPageAsync($"/admin/dossiers/{welcomeCase.Id}");
        Assert.Contains("depuis 10", receiverView.Text("#attente"), StringComparison.Ordinal);
        Assert.Null(receiverView.QuerySelector($"tr[data-organisation='{cahorsId}'] .overdue"));
    }

    [Theory, EveryDatabase]
    public async Task TaskReminder_IsEmailedToTheAssigneeOnce(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var referent = await SignedInReferentAsync(app, GrandFigeac);
        var (welcomeCase, _) = await CaseAsync(app, GrandFigeac, referent.User.Id);
        var (_, page) = await referent.Client.GetPageAsync($"/admin/dossiers/{welcomeCase.Id}");
        var title = "Rappeler " + Guid.NewGuid().ToString("N")[..6];
        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var fields = new Dictionary<string, string> { ["NewTask.Title"] = title, ["NewTask.DueOn"] = today };
        await referent.Client.SubmitAsync(Form(page, "Tache"), fields);
        await referent.Client.SubmitAsync(Form(page, "Tache"), fields);

        await RunReminderJobAsync(app);
        await RunReminderJobAsync(app);

        var mail = await fixture.Mail.WaitForMessageAsync(referent.User.Email!);
        Assert.Contains(title, mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/admin/dossiers/{welcomeCase.Id}", mail.TextBody, StringComparison.Ordinal);
        await Task.Delay(300);
        Assert.Single(fixture.Mail.MessagesTo(referent.User.Email!));
        Assert.Equal(1, await app.WithDbAsync(db => db.CaseTasks.CountAsync(t => t.CaseId == welcomeCase.Id)));
    }

    private static async Task RunReminderJobAsync(EscaleAppFactory app)
    {
        await using var scope = app.Scope();
        await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<Escale.Web.Pages.Admin.Dossiers.TaskReminderJob>(scope.ServiceProvider).RunAsync(CancellationToken.None);
    }

    private static async Task<string> AntiForgeryTokenAsync(HttpClient client)
    {
        var (_, page) = await client.GetPageAsync("/compte");
        return page.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
    }
}
