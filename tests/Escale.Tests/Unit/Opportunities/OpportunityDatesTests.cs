using Escale.Core.Opportunities;

namespace Escale.Tests.Unit.Opportunities;

public sealed class OpportunityDatesTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);

    [Fact]
    public void Check_StartAfterExpiry_IsRefusedOnTheStartDate_WithBothDates()
    {
        var problem = Assert.Single(OpportunityDates.Check(new DateOnly(2027, 2, 1), new DateOnly(2027, 1, 15), Today));

        Assert.Equal(OpportunityDateField.StartDate, problem.Field);
        Assert.Contains("01/02/2027", problem.Message, StringComparison.Ordinal);
        Assert.Contains("15/01/2027", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_StartInThePast_IsAcceptedWithinTheTolerance_AndRefusedBeyond_SayingTheTolerance()
    {
        var expires = Today.AddMonths(1);

        Assert.Empty(OpportunityDates.Check(Today.AddDays(-OpportunityDates.StartToleranceDays), expires, Today));
        var problem = Assert.Single(OpportunityDates.Check(Today.AddDays(-OpportunityDates.StartToleranceDays - 1), expires, Today));

        Assert.Equal(OpportunityDateField.StartDate, problem.Field);
        Assert.Contains($"{OpportunityDates.StartToleranceDays} jours", problem.Message, StringComparison.Ordinal);
        Assert.Contains("01/11/2026", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ExpiryLaterThanTheMaximumAfterPublication_IsRefused_SayingTheLatestDate()
    {
        Assert.Empty(OpportunityDates.Check(null, Today.AddMonths(OpportunityDates.MaxMonthsOnline), Today));
        var problem = Assert.Single(OpportunityDates.Check(null, Today.AddMonths(OpportunityDates.MaxMonthsOnline).AddDays(1), Today));

        Assert.Equal(OpportunityDateField.ExpiresOn, problem.Field);
        Assert.Contains($"{OpportunityDates.MaxMonthsOnline} mois", problem.Message, StringComparison.Ordinal);
        Assert.Contains("01/06/2027", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ExpiryInThePast_IsRefused_ExpiryToday_IsAccepted()
    {
        Assert.Empty(OpportunityDates.Check(null, Today, Today));
        Assert.Equal(OpportunityDateField.ExpiresOn, Assert.Single(OpportunityDates.Check(null, Today.AddDays(-1), Today)).Field);
    }

    [Fact]
    public void Check_NoDates_HasNothingToSay() => Assert.Empty(OpportunityDates.Check(null, null, Today));
}
