using System.Globalization;
using System.Text.RegularExpressions;

namespace Escale.Core.Opportunities.Import;

/// <summary>Reads France Travail's salary wording ("Mensuel de 2000,00 Euros à 2500,00 Euros sur 12 mois") as gross yearly euros.</summary>
public static partial class SalaryText
{
    /// <summary>Legal monthly hours of a full-time job in France (35 h × 52 / 12).</summary>
    private const decimal MonthlyHours = 151.67m;

    [GeneratedRegex(@"^\s*(?<period>Mensuel|Annuel|Horaire)\s+de\s+(?<min>[\d\s.,]+?)\s*Euros(?:\s+à\s+(?<max>[\d\s.,]+?)\s*Euros)?(?:\s+sur\s+(?<months>[\d.,]+)\s+mois)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    /// <summary>Returns false when the text is not one of the known forms (e.g. "Selon profil"): no salary, not an error.</summary>
    public static bool TryParse(string? text, out int? yearlyMin, out int? yearlyMax)
    {
        yearlyMin = yearlyMax = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var match = Pattern().Match(text);
        if (!match.Success || !TryAmount(match.Groups["min"].Value, out var min))
        {
            return false;
        }
        var max = min;
        if (match.Groups["max"].Success && !TryAmount(match.Groups["max"].Value, out max))
        {
            return false;
        }
        var months = 12m;
        if (match.Groups["months"].Success && (!TryAmount(match.Groups["months"].Value, out months) || months is < 1 or > 16))
        {
            months = 12m;
        }
        var factor = match.Groups["period"].Value.ToUpperInvariant() switch
        {
            "MENSUEL" => months,
            "HORAIRE" => MonthlyHours * months,
            _ => 1m,
        };
        yearlyMin = (int)Math.Round(min * factor);
        yearlyMax = (int)Math.Round(max * factor);
        return true;
    }

    private static bool TryAmount(string text, out decimal amount)
    {
        var cleaned = text.Replace(" ", "", StringComparison.Ordinal).Replace("\u00A0", "", StringComparison.Ordinal).Replace(',', '.');
        return decimal.TryParse(cleaned, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out amount);
    }
}
