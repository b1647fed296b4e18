using System.Globalization;

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
}
