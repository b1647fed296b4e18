using Escale.Core.Welcome;

namespace Escale.Tests.Unit.Welcome;

public sealed class FrenchCalendarTests
{
    [Theory]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2038, 4, 25)]
    [InlineData(2285, 3, 22)]
    public void EasterSunday_MatchesKnownYears(int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), FrenchCalendar.EasterSunday(year));

    [Fact]
    public void IsPublicHoliday_Knows2026sElevenHolidays()
    {
        DateOnly[] expected =
        [
            new(2026, 1, 1), new(2026, 4, 6), new(2026, 5, 1), new(2026, 5, 8), new(2026, 5, 14), new(2026, 5, 25),
            new(2026, 7, 14), new(2026, 8, 15), new(2026, 11, 1), new(2026, 11, 11), new(2026, 12, 25),
        ];

        var holidays = Enumerable.Range(0, 365).Select(d => new DateOnly(2026, 1, 1).AddDays(d)).Where(FrenchCalendar.IsPublicHoliday);

        Assert.Equal(expected, holidays);
    }

    [Fact]
    public void IsPublicHoliday_MovesWithEaster()
    {
        Assert.True(FrenchCalendar.IsPublicHoliday(new DateOnly(2027, 3, 29))); // Easter Monday
        Assert.True(FrenchCalendar.IsPublicHoliday(new DateOnly(2027, 5, 6))); // Ascension
        Assert.True(FrenchCalendar.IsPublicHoliday(new DateOnly(2027, 5, 17))); // Whit Monday
        Assert.False(FrenchCalendar.IsPublicHoliday(new DateOnly(2027, 4, 6))); // Easter Monday 2026's date
        Assert.False(FrenchCalendar.IsPublicHoliday(new DateOnly(2026, 4, 5))); // Easter Sunday is a Sunday, not a listed holiday
    }

    [Fact]
    public void IsWorkingDay_IsFalseOnWeekendsAndHolidays()
    {
        Assert.True(FrenchCalendar.IsWorkingDay(new DateOnly(2026, 5, 13))); // Wednesday
        Assert.False(FrenchCalendar.IsWorkingDay(new DateOnly(2026, 5, 14))); // Ascension, a Thursday
        Assert.False(FrenchCalendar.IsWorkingDay(new DateOnly(2026, 5, 16))); // Saturday
        Assert.False(FrenchCalendar.IsWorkingDay(new DateOnly(2026, 5, 17))); // Sunday
    }

    [Fact]
    public void AddWorkingDays_SkipsWeekendsAndHolidaysAndNotCountingTheStart()
    {
        // Tuesday 12 May 2026: Wed 13, (Thu 14 Ascension), Fri 15, (weekend), Mon 18, Tue 19, Wed 20.
        Assert.Equal(new DateOnly(2026, 5, 20), FrenchCalendar.AddWorkingDays(new DateOnly(2026, 5, 12), 5));
        // From a Saturday, the first working day is Monday.
        Assert.Equal(new DateOnly(2026, 5, 18), FrenchCalendar.AddWorkingDays(new DateOnly(2026, 5, 16), 1));
        // Christmas week 2026: Thu 24, (Fri 25), Mon 28.
        Assert.Equal(new DateOnly(2026, 12, 28), FrenchCalendar.AddWorkingDays(new DateOnly(2026, 12, 23), 2));
        Assert.Equal(new DateOnly(2026, 5, 12), FrenchCalendar.AddWorkingDays(new DateOnly(2026, 5, 12), 0));
        Assert.Equal(new DateOnly(2026, 5, 13), FrenchCalendar.AddWorkingDays(new DateOnly(2026, 5, 15), -1));
    }

    [Fact]
    public void WorkingDaysBetween_IsTheInverseOfAddWorkingDays()
    {
        var start = new DateOnly(2026, 3, 27);
        for (var days = 0; days <= 60; days++)
        {
            Assert.Equal(days, FrenchCalendar.WorkingDaysBetween(start, FrenchCalendar.AddWorkingDays(start, days)));
        }
        Assert.Equal(-5, FrenchCalendar.WorkingDaysBetween(new DateOnly(2026, 5, 20), new DateOnly(2026, 5, 12)));
        Assert.Equal(0, FrenchCalendar.WorkingDaysBetween(new DateOnly(2026, 5, 15), new DateOnly(2026, 5, 17)));
    }
}
