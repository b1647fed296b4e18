using System.Globalization;

namespace Escale.Web.Infrastructure.Localization;

/// <summary>
/// The machine-readable value of a <c>&lt;time datetime&gt;</c> attribute: Paris wall-clock time with its offset, to the
/// second ("2026-07-14T18:00:00+02:00"). The round-trip format "O" writes seven fractional digits, which the HTML
/// standard refuses (https://html.spec.whatwg.org/multipage/common-microsyntaxes.html#valid-global-date-and-time-string).
/// </summary>
public static class HtmlDateTime
{
    public static string Attribute(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, ParisTime.Zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
