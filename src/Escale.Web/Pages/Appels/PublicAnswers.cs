using System.Globalization;
using Escale.Core.Calls;
using Microsoft.Extensions.Localization;

namespace Escale.Web.Pages.Appels;

/// <summary>
/// A stored answer as a reader sees it, in the reader's language: « Oui »/« Non », a date in words, text as written.
/// Formatted when the page is made, never before: the pages' cache is shared by both languages.
/// </summary>
public static class PublicAnswers
{
    public static string Format(CallFieldType type, string value, IStringLocalizer t) => type switch
    {
        CallFieldType.YesNo => value == "true" ? t["Oui"] : t["Non"],
        CallFieldType.Date when DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) =>
            date.ToString("d MMMM yyyy", CultureInfo.CurrentCulture),
        _ => value,
    };
}
