using Escale.Core.Calls;

namespace Escale.Tests.Unit.Calls;

public sealed class MinorRulesTests
{
    private static readonly DateOnly Today = new(2026, 12, 2);

    [Theory]
    [InlineData("2012-12-02", 14)]
    [InlineData("2012-12-03", 13)]
    [InlineData("2008-02-29", 18)]
    public void AgeOn_CountsBirthdays(string birth, int age) => Assert.Equal(age, MinorRules.AgeOn(DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture), Today));

    [Theory]
    [InlineData(14, false, GuardianConsentKind.Consent)]
    [InlineData(14, true, GuardianConsentKind.Consent)]
    [InlineData(15, false, GuardianConsentKind.Information)]
    [InlineData(17, true, GuardianConsentKind.Authorisation)]
    public void GuardianRequirement_ConsentUnder15_InformationOrAuthorisationFrom15(int age, bool authorisation, GuardianConsentKind kind) =>
        Assert.Equal(kind, MinorRules.GuardianRequirement(age, authorisation));

    [Fact]
    public void GuardianRequirement_NoneForAnAdult_AndOnlyInformationDoesNotBlock()
    {
        Assert.Null(MinorRules.GuardianRequirement(18, true));
        Assert.True(MinorRules.Blocks(GuardianConsentKind.Consent));
        Assert.True(MinorRules.Blocks(GuardianConsentKind.Authorisation));
        Assert.False(MinorRules.Blocks(GuardianConsentKind.Information));
    }

    [Fact]
    public void DateOfBirthRefusal_FutureTooYoungTooOld_AtTheDeadline()
    {
        var deadline = new DateOnly(2027, 3, 1);

        Assert.Contains("futur", MinorRules.DateOfBirthRefusal(Today.AddDays(1), Today, deadline, 11, 25), StringComparison.Ordinal);
        Assert.Contains("au moins 11 ans", MinorRules.DateOfBirthRefusal(new DateOnly(2016, 6, 1), Today, deadline, 11, 25), StringComparison.Ordinal);
        Assert.Contains("25 ans au plus", MinorRules.DateOfBirthRefusal(new DateOnly(2000, 6, 1), Today, deadline, 11, 25), StringComparison.Ordinal);
        // 10 today, 11 by the deadline: the bounds are read at the deadline.
        Assert.Null(MinorRules.DateOfBirthRefusal(new DateOnly(2016, 2, 1), Today, deadline, 11, 25));
    }

    [Fact]
    public void GuardianEmailRefusal_TheMinorsOwnOrATeamMembers_WhateverTheCase()
    {
        string[] team = ["lou@example.org", "camille@example.org"];

        Assert.NotNull(MinorRules.GuardianEmailRefusal(" LOU@example.org", team));
        Assert.NotNull(MinorRules.GuardianEmailRefusal("camille@example.org", team));
        Assert.Null(MinorRules.GuardianEmailRefusal("parent@example.org", team));
    }
}
