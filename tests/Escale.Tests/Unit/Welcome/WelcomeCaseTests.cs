using Escale.Core.Welcome;

namespace Escale.Tests.Unit.Welcome;

public sealed class WelcomeCaseTests
{
    private static readonly DateTimeOffset Created = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly CaseActor Referent = new("r1", "Référente");

    private static WelcomeCase NewCase()
    {
        var welcomeCase = new WelcomeCase { CreatedAt = Created, StageChangedAt = Created };
        welcomeCase.AssignTo(1, AssignmentRole.Lead, "r1", new DateOnly(2026, 11, 5), CaseActor.System, Created, "Service A");
        return welcomeCase;
    }

    [Fact]
    public void Qualify_OnlyFromNewContact_AndWritesTheTimeline()
    {
        var welcomeCase = NewCase();

        var first = welcomeCase.Qualify(Referent, Created.AddDays(1));
        var second = welcomeCase.Qualify(Referent, Created.AddDays(2));

        Assert.Null(first);
        Assert.NotNull(second);
        Assert.Equal(CaseStage.Qualified, welcomeCase.Stage);
        Assert.Single(welcomeCase.Events, e => e.Kind == CaseEventKind.StageChanged);
    }

    [Fact]
    public void Install_InTheFuture_IsRefused_AndFollowUpsMoveWithTheInstallationDate()
    {
        var welcomeCase = NewCase();
        var now = Created.AddDays(3);
        welcomeCase.Qualify(Referent, now);

        var future = welcomeCase.Install(new DateOnly(2026, 12, 20), Referent, now);
        welcomeCase.Install(new DateOnly(2026, 11, 1), Referent, now);
        welcomeCase.ChangeInstallationDate(new DateOnly(2026, 10, 15), Referent, now);

        Assert.NotNull(future);
        Assert.Equal(CaseStage.Installed, welcomeCase.Stage);
        Assert.Equal(new DateOnly(2027, 4, 15), welcomeCase.FollowUpSixMonthsOn);
        Assert.Equal(new DateOnly(2027, 10, 15), welcomeCase.FollowUpTwelveMonthsOn);
    }

    [Fact]
    public void CloseThenReopen_ReturnsToTheStageBefore_WithTheOrganisationsBack()
    {
        var welcomeCase = NewCase();
        welcomeCase.Qualify(Referent, Created.AddDays(1));

        welcomeCase.Close(CaseClosedReason.NoAnswer, Referent, Created.AddDays(20));
        var closedAssignment = welcomeCase.Assignments.Single().EndedAt;
        welcomeCase.Reopen(Referent, Created.AddDays(30));

        Assert.NotNull(closedAssignment);
        Assert.Equal(CaseStage.Qualified, welcomeCase.Stage);
        Assert.Null(welcomeCase.ClosedReason);
        Assert.Null(welcomeCase.Assignments.Single().EndedAt);
    }

    [Fact]
    public void Transfer_StartsTheReceiversClock_AndTheHouseholdsWaitKeepsCounting()
    {
        var welcomeCase = NewCase();
        var now = Created.AddDays(6);

        var refusal = welcomeCase.Transfer(1, 2, "Service B", "r2", new DateOnly(2026, 11, 11), Referent, now);

        Assert.Null(refusal);
        var from = welcomeCase.Assignments.Single(a => a.OrganisationId == 1);
        var to = welcomeCase.Assignments.Single(a => a.OrganisationId == 2);
        Assert.Equal(AssignmentEndReason.Transferred, from.EndReason);
        Assert.Equal(new DateOnly(2026, 11, 11), to.FirstResponseDueOn);
        Assert.False(to.IsOverdue(new DateOnly(2026, 11, 10)));
        Assert.Equal(TimeSpan.FromDays(8), welcomeCase.Wait(Created.AddDays(8)));
        Assert.NotNull(welcomeCase.Transfer(1, 2, "Service B", null, new DateOnly(2026, 11, 11), Referent, now));
    }

    [Fact]
    public void RecordResponse_StopsTheOrganisationsClock_AndTheHouseholdsWait()
    {
        var welcomeCase = NewCase();

        welcomeCase.RecordResponse(1, Created.AddDays(2));

        Assert.False(welcomeCase.Assignments.Single().IsOverdue(new DateOnly(2026, 12, 1)));
        Assert.Equal(TimeSpan.FromDays(2), welcomeCase.Wait(Created.AddDays(40)));
    }

    [Fact]
    public void Route_ASingleTargetGoesToItsService_NoneToTheTeam_HolidaysAlsoToTourism()
    {
        RoutingOrganisation service = new(1, "Service", WelcomeOrganisationKind.IntercommunalityService, 10, []);
        RoutingOrganisation team = new(2, "Équipe", WelcomeOrganisationKind.DepartmentalTeam, null, []);
        RoutingOrganisation tourism = new(3, "Tourisme", WelcomeOrganisationKind.TourismAgency, null, []);
        RoutingOrganisation[] organisations = [service, team, tourism];

        var single = CaseRouting.Route(new HouseholdProject { TargetIntercommunalityIds = [10] }, 10, organisations, _ => null);
        var anywhere = CaseRouting.Route(new HouseholdProject { HeardFrom = HeardFrom.Holidays }, null, organisations, _ => null);

        Assert.Equal([(1, AssignmentRole.Lead)], single.Select(r => (r.Organisation.Id, r.Role)));
        Assert.Equal([(2, AssignmentRole.Lead), (3, AssignmentRole.Involved)], anywhere.Select(r => (r.Organisation.Id, r.Role)));
        Assert.Equal("b", CaseRouting.ProposeMember(["a", "b"], new Dictionary<string, int> { ["a"] = 3, ["b"] = 1 }));
    }
}
