namespace Escale.Core.Welcome;

/// <summary>
/// Working days in metropolitan France: Monday to Friday, except the eleven public holidays of the Code du travail
/// (art. L3133-1). The holidays that move with Easter are computed, never typed, so deadlines stay right every year.
/// </summary>
public static class FrenchCalendar
{
    /// <summary>Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm, also known as Meeus/Jones/Butcher).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    public static bool IsPublicHoliday(DateOnly date)
    {
        switch ((date.Month, date.Day))
        {
            case (1, 1): // Jour de l'an
            case (5, 1): // Fête du travail
            case (5, 8): // Victoire 1945
            case (7, 14): // Fête nationale
            case (8, 15): // Assomption
            case (11, 1): // Toussaint
            case (11, 11): // Armistice
            case (12, 25): // Noël
                return true;
        }
        if (date.Month is < 3 or > 6)
        {
            return false; // Easter Monday, Ascension and Whit Monday always fall between 23 March and 14 June
        }
        var easter = EasterSunday(date.Year);
        return date == easter.AddDays(1) // Lundi de Pâques
            || date == easter.AddDays(39) // Ascension
            || date == easter.AddDays(50); // Lundi de Pentecôte
    }

    public static bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsPublicHoliday(date);

    /// <summary>
    /// The date <paramref name="days"/> working days after <paramref name="start"/> (which itself does not count, whether
    /// or not it is a working day); a negative number counts backwards; zero returns <paramref name="start"/>.
    /// </summary>
    public static DateOnly AddWorkingDays(DateOnly start, int days)
    {
        var step = days < 0 ? -1 : 1;
        var date = start;
        for (var left = Math.Abs(days); left > 0;)
        {
            date = date.AddDays(step);
            if (IsWorkingDay(date))
            {
                left--;
            }
        }
        return date;
    }

    /// <summary>
    /// The working days after <paramref name="from"/> up to and including <paramref name="to"/>, so that
    /// <c>WorkingDaysBetween(d, AddWorkingDays(d, n)) == n</c>; negative when <paramref name="to"/> is before <paramref name="from"/>.
    /// </summary>
    public static int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return -WorkingDaysBetween(to, from);
        }
        var count = 0;
        for (var date = from.AddDays(1); date <= to; date = date.AddDays(1))
        {
            if (IsWorkingDay(date))
            {
                count++;
            }
        }
        return count;
    }
}
