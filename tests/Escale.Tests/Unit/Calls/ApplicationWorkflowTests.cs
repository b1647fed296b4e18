using Escale.Core.Calls;

namespace Escale.Tests.Unit.Calls;

public sealed class ApplicationWorkflowTests
{
    private static readonly DateTimeOffset Closes = new(2027, 1, 15, 11, 0, 0, TimeSpan.Zero);

    private static CallForProjects Call() => new()
    {
        Slug = "appel", Title = "Appel", Summary = "…", PublishedAt = Closes.AddDays(-60), OpensAt = Closes.AddDays(-30), ClosesAt = Closes,
    };

    private static CallApplication Draft() => new() { LeadUserId = "lead", ProjectTitle = "Projet", Status = ApplicationStatus.Draft };

    [Fact]
    public void Submit_BeforeTheDeadline_WaitsForTheGuardian_ThenTheirConsentSubmits()
    {
        var application = Draft();
        var now = Closes.AddDays(-1);

        ApplicationWorkflow.Apply(application, ApplicationAction.Submit, now, waitsForGuardian: true);

        Assert.Equal(ApplicationStatus.AwaitingGuardian, application.Status);
        Assert.Null(application.SubmittedAt);
        Assert.Null(ApplicationWorkflow.Refusal(application, Call(), ApplicationAction.GuardiansConsented, now));
        ApplicationWorkflow.Apply(application, ApplicationAction.GuardiansConsented, now.AddHours(1));
        Assert.Equal(ApplicationStatus.Submitted, application.Status);
        Assert.Equal(now.AddHours(1), application.SubmittedAt);
        Assert.Equal([ApplicationStatus.AwaitingGuardian, ApplicationStatus.Submitted], application.StatusChanges.Select(c => c.Status));
    }

    [Fact]
    public void Submit_AndWithdraw_AfterTheDeadline_AreRefused_ButAConsentWithdrawalIsNot()
    {
        var application = Draft();
        var late = Closes.AddSeconds(1);

        Assert.Contains("date limite", ApplicationWorkflow.Refusal(application, Call(), ApplicationAction.Submit, late), StringComparison.Ordinal);
        Assert.Contains("date limite", ApplicationWorkflow.Refusal(application, Call(), ApplicationAction.Withdraw, late), StringComparison.Ordinal);
        Assert.Null(ApplicationWorkflow.Refusal(application, Call(), ApplicationAction.WithdrawConsent, late));
        ApplicationWorkflow.Apply(application, ApplicationAction.WithdrawConsent, late, "Un représentant légal a retiré son accord.");
        Assert.Equal(ApplicationStatus.Withdrawn, application.Status);
        Assert.Equal(late, application.WithdrawnAt);
        Assert.NotNull(ApplicationWorkflow.Refusal(application, Call(), ApplicationAction.WithdrawConsent, late));
    }

    [Fact]
    public void Ineligible_NeedsAReason_AndOnlyASentApplicationIsDecided()
    {
        var application = Draft();
        var now = Closes.AddDays(1);

        Assert.NotNull(ApplicationWorkflow.Refusal(application, Call(), ApplicationAction.MarkIneligible, now));
        application.Status = ApplicationStatus.Submitted;
        Assert.Null(ApplicationWorkflow.Refusal(application, Call(), ApplicationAction.MarkIneligible, now));
        Assert.Throws<ArgumentException>(() => ApplicationWorkflow.Apply(application, ApplicationAction.MarkIneligible, now, " "));
        ApplicationWorkflow.Apply(application, ApplicationAction.MarkIneligible, now, "Hors du territoire.");
        Assert.Equal(ApplicationStatus.Ineligible, application.Status);
        Assert.Equal("Hors du territoire.", application.StatusReason);
    }
}
