using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Escale.Core.Welcome;
using Escale.Tests.Infrastructure;
using Escale.Web.Pages.Accueil;
using Escale.Web.Pages.Questionnaire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Escale.Tests.Integration.Pages.Questionnaire;

[Collection(AccountsCollection.Name)]
public sealed partial class IndexTests(MailAppFixture fixture)
{
    private static async Task RunFollowUpAsync(EscaleAppFactory app)
    {
        await using var scope = app.Scope();
        await scope.ServiceProvider.GetRequiredService<FollowUpJob>().RunAsync(CancellationToken.None);
    }

    [Theory, EveryDatabase]
    public async Task SixMonthsAfterInstallation_TheHouseholdIsToldAndAnswersOnce(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var household = await SpaceWelcomeSteps.HouseholdAsync(app, stage: CaseStage.Installed, followUp: true,
            installedOn: DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(-7));

        await RunFollowUpAsync(app);
        var mail = await fixture.Mail.WaitForMessageAsync(household.User.Email!, where: m => (m.Subject ?? "").Contains("Suivi à 6 mois", StringComparison.Ordinal));
        var link = new Uri(QuestionnaireLink().Match(mail.TextBody ?? "").Value);
        var visitor = app.CreateBrowserlessClient();
        var (_, form) = await visitor.GetPageAsync(link.PathAndQuery);
        var answered = await visitor.SubmitAsync(form.QuerySelector<IHtmlFormElement>("main form")!, new Dictionary<string, string>
        {
            ["StillLivingHere"] = "true", ["WhatHelped"] = "Le séjour découverte", ["WhatWasMissing"] = "Une crèche", ["Recommendation"] = "9",
        });
        var (again, used) = await visitor.GetPageAsync(link.PathAndQuery);
        var repost = await visitor.SubmitAsync(form.QuerySelector<IHtmlFormElement>("main form")!, new Dictionary<string, string> { ["StillLivingHere"] = "false", ["Recommendation"] = "0" });

        Assert.Contains(WelcomeLabels.StageMeaning(CaseStage.FollowUpSixMonths), mail.TextBody ?? "", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
        Assert.NotNull(used.QuerySelector("#deja-repondu"));
        Assert.Equal(HttpStatusCode.Gone, repost.StatusCode);
        var (welcomeCase, questionnaire, events) = await app.WithDbAsync(async db => (
            await db.Cases.AsNoTracking().SingleAsync(c => c.Id == household.CaseId),
            await db.CaseQuestionnaires.SingleAsync(q => q.CaseId == household.CaseId),
            await db.CaseEvents.Where(e => e.CaseId == household.CaseId && e.Kind >= CaseEventKind.QuestionnaireSent).Select(e => e.Kind).ToListAsync()));
        Assert.Equal(CaseStage.FollowUpSixMonths, welcomeCase.Stage);
        Assert.Equal(QuestionnaireMilestone.SixMonths, questionnaire.Milestone);
        Assert.True(questionnaire.StillLivingHere);
        Assert.Equal("Le séjour découverte", questionnaire.WhatHelped);
        Assert.Equal(9, questionnaire.Recommendation);
        Assert.DoesNotContain(link.Segments[^1], questionnaire.TokenHash, StringComparison.Ordinal);
        Assert.Equal([CaseEventKind.QuestionnaireSent, CaseEventKind.QuestionnaireAnswered], events.Order());
    }

    [Theory, EveryDatabase]
    public async Task UnknownToken_SaysSoInFrench(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);

        var (response, page) = await app.CreateBrowserlessClient().GetPageAsync("/questionnaire/inconnu");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("n’est pas valide", page.Text("#lien-inconnu"), StringComparison.Ordinal);
    }

    [Theory, EveryDatabase]
    public async Task BeforeSixMonths_NothingHappens(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var household = await SpaceWelcomeSteps.HouseholdAsync(app, stage: CaseStage.Installed, followUp: true,
            installedOn: DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(-5));

        await RunFollowUpAsync(app);

        Assert.Equal(CaseStage.Installed, await app.WithDbAsync(db => db.Cases.Where(c => c.Id == household.CaseId).Select(c => c.Stage).SingleAsync()));
    }

    [GeneratedRegex(@"http://localhost:5080/questionnaire/[A-Za-z0-9_-]+")]
    private static partial Regex QuestionnaireLink();
}
