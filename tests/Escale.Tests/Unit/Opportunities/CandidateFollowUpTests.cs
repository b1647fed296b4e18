using Escale.Core.Opportunities.Interest;

namespace Escale.Tests.Unit.Opportunities;

public sealed class CandidateFollowUpTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    private static OpportunityInterest Interest() => new() { Name = "Léa", Email = "lea@test.escale", Source = OpportunityInterest.OpportunitySource };

    [Fact]
    public void ChangeStatus_RecordsTheStatusItsDateAndAStep()
    {
        var interest = Interest();

        var changed = interest.ChangeStatus(CandidateStatus.Contacted, "employeur", Now);

        Assert.True(changed);
        Assert.Equal((CandidateStatus.Contacted, Now), (interest.Status, interest.StatusChangedAt));
        var step = Assert.Single(interest.Steps);
        Assert.Equal((CandidateStepKind.StatusChanged, CandidateStatus.Contacted, "employeur"), (step.Kind, step.Status, step.AuthorUserId));
    }

    [Fact]
    public void ChangeStatus_ToTheStatusItAlreadyHas_ChangesNothing()
    {
        var interest = Interest();
        interest.ChangeStatus(CandidateStatus.Retained, "employeur", Now);

        var changed = interest.ChangeStatus(CandidateStatus.Retained, "employeur", Now.AddHours(1));

        Assert.False(changed);
        Assert.Equal(Now, interest.StatusChangedAt);
        Assert.Single(interest.Steps);
    }

    [Fact]
    public void ChangeStatus_KeepsTheHistoryOfEveryChange()
    {
        var interest = Interest();

        interest.ChangeStatus(CandidateStatus.Contacted, "employeur", Now);
        interest.ChangeStatus(CandidateStatus.NotRetained, "employeur", Now.AddDays(3));

        Assert.Equal(CandidateStatus.NotRetained, interest.Status);
        Assert.Equal([CandidateStatus.Contacted, CandidateStatus.NotRetained], interest.Steps.Select(s => s.Status));
    }

    [Fact]
    public void ChangeStatus_BackToNew_IsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Interest().ChangeStatus(CandidateStatus.New, "employeur", Now));

    [Fact]
    public void Answer_TheSameTextWithinTheWindow_IsOneAnswer_ButLaterOrDifferentTextIsAnother()
    {
        var interest = Interest();

        var first = interest.Answer("Pouvez-vous venir jeudi ?", "employeur", Now, Window);
        var repeated = interest.Answer("Pouvez-vous venir jeudi ?", "employeur", Now.AddMinutes(2), Window);
        var other = interest.Answer("Ou vendredi ?", "employeur", Now.AddMinutes(3), Window);
        var later = interest.Answer("Pouvez-vous venir jeudi ?", "employeur", Now.AddMinutes(30), Window);

        Assert.Equal([true, false, true, true], new[] { first, repeated, other, later });
        Assert.Equal(3, interest.Steps.Count(s => s.Kind == CandidateStepKind.Answered));
        Assert.Equal(CandidateStatus.New, interest.Status);
    }
}
