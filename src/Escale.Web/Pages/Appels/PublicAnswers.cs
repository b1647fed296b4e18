using System.Globalization;
using Escale.Core.Calls;

namespace Escale.Web.Pages.Appels;

/// <summary>A stored answer as a reader sees it: « Oui »/« Non », a date in words, text as written.</summary>
public static class PublicAnswers
{
    public static string Format(CallFieldType type, string value) => type switch
    {
        CallFieldType.YesNo => value == "true" ? "Oui" : "Non",
        CallFieldType.Date when DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) =>
            date.ToString("d MMMM yyyy", CultureInfo.CurrentCulture),
        _ => value,
    };
}
