using Escale.Core.Welcome;

namespace Escale.Tests.Unit.Welcome;

public sealed class WelcomeCaseTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
    private static readonly CaseActor Referent = new("referent-1", "Claire Referent");

    private static WelcomeCase NewCase()
    {
        var welcomeCase = new WelcomeCase { CreatedAt = Monday, StageChangedAt = Monday };
        welcomeCase.AssignTo(1, AssignmentRole.Lead, "referent-1", new DateOnly(2026, 12, 3), CaseActor.System, Monday, "Accueil — Grand-Figeac");
        return welcomeCase;
    }

    [Fact]
    public void Journey_FromNewContactToTwelveMonths_WritesEveryStageToTheTimeline()
    {
        var welcomeCase = NewCase();

        Assert.Null(welcomeCase.Qualify(Referent, Monday.AddDays(1)));
        Assert.Null(welcomeCase.Accompany(Referent, Monday.AddDays(10)));
        Assert.Null(welcomeCase.Install(new DateOnly(2026, 12, 15), Referent, new DateTimeOffset(2026, 12, 16, 9, 0, 0, TimeSpan.Zero)));
        Assert.Null(welcomeCase.StartFollowUp(CaseActor.System, new DateTimeOffset(2027, 6, 15, 6, 0, 0, TimeSpan.Zero)));
        Assert.Null(welcomeCase.StartFollowUp(CaseActor.System, new DateTimeOffset(2027, 12, 15, 6, 0, 0, TimeSpan.Zero)));

        Assert.Equal(CaseStage.FollowUpTwelveMonths, welcomeCase.Stage);
        Assert.Equal(5, welcomeCase.Events.Count(e => e.Kind == CaseEventKind.StageChanged));
    }

    [Fact]
    public void Qualify_TwiceIsRefusedInFrench()
    {
        var welcomeCase = NewCase();
        welcomeCase.Qualify(Referent, Monday);

        Assert.Equal("Seul un nouveau contact peut être qualifié.", welcomeCase.Qualify(Referent, Monday));
    }

    [Fact]
    public void StartFollowUp_BeforeSixMonths_IsRefused()
    {
        var welcomeCase = NewCase();
        welcomeCase.Qualify(Referent, Monday);
        welcomeCase.Install(new DateOnly(2026, 11, 30), Referent, Monday);

        Assert.NotNull(welcomeCase.StartFollowUp(CaseActor.System, Monday.AddMonths(5)));
        Assert.Equal(CaseStage.Installed, welcomeCase.Stage);
    }

    [Fact]
    public void ChangeInstallationDate_MovesTheFollowUpDates()
    {
        var welcomeCase = NewCase();
        welcomeCase.Qualify(Referent, Monday);
        welcomeCase.Install(new DateOnly(2026, 11, 1), Referent, Monday);

        welcomeCase.ChangeInstallationDate(new DateOnly(2026, 10, 1), Referent, Monday);

        Assert.Equal(new DateOnly(2027, 4, 1), welcomeCase.FollowUpSixMonthsOn);
        Assert.Equal(new DateOnly(2027, 10, 1), welcomeCase.FollowUpTwelveMonthsOn);
    }

    [Fact]
    public void Install_InTheFuture_IsRefused()
    {
        var welcomeCase = NewCase();
        welcomeCase.Qualify(Referent, Monday);

        Assert.Equal("La date d’installation ne peut pas être dans le futur.", welcomeCase.Install(new DateOnly(2027, 1, 1), Referent, Monday));
        Assert.Null(welcomeCase.InstalledOn);
    }

    [Fact]
    public void Transfer_StartsTheReceiversClockAndKeepsTheHouseholdsWholeWait()
    {
        var welcomeCase = NewCase();
        var later = Monday.AddDays(4);

        Assert.Null(welcomeCase.Transfer(1, 2, "Département", null, new DateOnly(2026, 12, 9), Referent, later));

        var receiver = Assert.Single(welcomeCase.Assignments, a => a.IsActive);
        Assert.Equal(2, receiver.OrganisationId);
        Assert.Equal(later, receiver.ReceivedAt);
        Assert.Equal(new DateOnly(2026, 12, 9), receiver.FirstResponseDueOn);
        Assert.Equal(AssignmentEndReason.Transferred, welcomeCase.Assignments.Single(a => a.OrganisationId == 1).EndReason);
        Assert.Equal(TimeSpan.FromDays(6), welcomeCase.Wait(Monday.AddDays(6)));
    }

    [Fact]
    public void RecordResponse_StopsOnlyThatOrganisationsClockAndTheWait()
    {
        var welcomeCase = NewCase();
        welcomeCase.AssignTo(5, AssignmentRole.Involved, null, new DateOnly(2026, 12, 3), CaseActor.System, Monday, "Chambre");

        welcomeCase.RecordResponse(1, Monday.AddDays(1));

        Assert.False(welcomeCase.Assignments.Single(a => a.OrganisationId == 1).IsOverdue(new DateOnly(2026, 12, 10)));
        Assert.True(welcomeCase.Assignments.Single(a => a.OrganisationId == 5).IsOverdue(new DateOnly(2026, 12, 10)));
        Assert.Equal(TimeSpan.FromDays(1), welcomeCase.Wait(Monday.AddDays(30)));
    }

    [Fact]
    public void CloseThenReopen_ReturnsToTheStageBeforeAndReactivatesItsAssignments()
    {
        var welcomeCase = NewCase();
        welcomeCase.Qualify(Referent, Monday);

        welcomeCase.Close(CaseClosedReason.NoAnswer, Referent, Monday.AddDays(30));
        Assert.DoesNotContain(welcomeCase.Assignments, a => a.IsActive);

        Assert.Null(welcomeCase.Reopen(Referent, Monday.AddDays(40)));
        Assert.Equal(CaseStage.Qualified, welcomeCase.Stage);
        Assert.Single(welcomeCase.Assignments, a => a.IsActive);
    }
}
