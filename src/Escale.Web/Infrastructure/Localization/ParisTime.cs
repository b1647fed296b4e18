using System.Globalization;

namespace Escale.Web.Infrastructure.Localization;

/// <summary>Dates are stored in UTC and read and written by people in Europe/Paris.</summary>
public static class ParisTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public static DateTime ToLocal(DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, Zone).DateTime;

    /// <summary>A wall-clock time typed in a form (datetime-local), read as Paris time.</summary>
    public static DateTimeOffset FromLocal(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, Zone.GetUtcOffset(unspecified)).ToUniversalTime();
    }

    /// <summary>"mardi 14 juillet 2026 à 18:00" in French, "Tuesday 14 July 2026, 18:00" in English.</summary>
    public static string LongDateTime(DateTimeOffset utc)
    {
        var local = ToLocal(utc);
        var culture = CultureInfo.CurrentCulture;
        var pattern = culture.TwoLetterISOLanguageName == "fr" ? "dddd d MMMM yyyy 'à' HH:mm" : "dddd d MMMM yyyy, HH:mm";
        return local.ToString(pattern, culture);
    }

    /// <summary>A short date and time in the reader's culture ("01/12/2026 14:05"), for tables.</summary>
    public static string ShortDateTime(DateTimeOffset utc) => ToLocal(utc).ToString("g", CultureInfo.CurrentCulture);

    /// <summary>The value of a datetime-local input.</summary>
    public static string InputValue(DateTimeOffset utc) => ToLocal(utc).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
}
