using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Escale.Web.Infrastructure.Localization;

/// <summary>Numbers as the visitor reads them: "176 473" and "39,2 %" in French, "176,473" and "39.2 %" in English.</summary>
public static class Formats
{
    public static string Number(int value) => value.ToString("N0", CultureInfo.CurrentCulture);

    public static string Number(double value, int decimals) => value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.CurrentCulture);

    /// <summary>A share already expressed in percent (39.2 → "39,2 %").</summary>
    public static string Percent(double value, int decimals = 1) =>
        string.Format(CultureInfo.CurrentCulture, "{0} %", Number(value, decimals));

    public static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Whether <paramref name="count"/> takes the singular in the current language: in French 0 and 1 do (« 0 résultat »,
    /// « 1 résultat »), in English only 1 does (“0 results”, “1 result”).
    /// </summary>
    public static bool TakesSingular(int count) =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "fr" ? count is 0 or 1 : count == 1;

    /// <summary>
    /// A count in words, in the current language: <paramref name="one"/> or <paramref name="many"/> (French texts, the
    /// resource keys) as <see cref="TakesSingular"/> says, with the number as {0} and <paramref name="more"/> after it.
    /// </summary>
    public static LocalizedString Count(this IStringLocalizer localizer, int count, string one, string many, params object[] more) =>
        localizer[TakesSingular(count) ? one : many, [Number(count), .. more]];
}
