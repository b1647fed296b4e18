using System.Globalization;
using Escale.Web.Infrastructure.Localization;
using Microsoft.Extensions.Localization;

namespace Escale.Web.Pages.Offres;

/// <summary>Amounts and dates of an opportunity as a visitor reads them (« 30 000 – 36 000 € brut/an », « 3 mars 2026 »).</summary>
public static class OpportunityFormats
{
    /// <summary>A gross yearly salary range; null when the opportunity gives none.</summary>
    public static string? Salary(int? min, int? max, IStringLocalizer t) => Range(min, max, t,
        "{0} – {1} € brut/an", "{0} € brut/an", "À partir de {0} € brut/an", "Jusqu’à {0} € brut/an");

    /// <summary>A takeover's asking price range; null when not given.</summary>
    public static string? Price(int? min, int? max, IStringLocalizer t) => Range(min, max, t,
        "{0} – {1} €", "{0} €", "À partir de {0} €", "Jusqu’à {0} €");

    /// <summary>The day an instant falls on in France, written out (« 3 mars 2026 »).</summary>
    public static string Date(DateTimeOffset instant) =>
        ParisTime.ToLocal(instant).ToString("d MMMM yyyy", CultureInfo.CurrentCulture);

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.CurrentCulture);

    private static string? Range(int? min, int? max, IStringLocalizer t, string both, string single, string from, string upTo) => (min, max) switch
    {
        ({ } a, { } b) when a == b => t[single, Formats.Number(a)].Value,
        ({ } a, { } b) => t[both, Formats.Number(a), Formats.Number(b)].Value,
        ({ } a, null) => t[from, Formats.Number(a)].Value,
        (null, { } b) => t[upTo, Formats.Number(b)].Value,
        _ => null,
    };
}
