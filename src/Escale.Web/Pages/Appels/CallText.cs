using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Escale.Web.Pages.Appels;

/// <summary>Small phrases the call pages share, in the visitor's language.</summary>
public static class CallText
{
    /// <summary>"de 11 à 25 ans", "à partir de 11 ans", "jusqu’à 25 ans".</summary>
    public static string Ages(IStringLocalizer localizer, int? min, int? max) => (min, max) switch
    {
        ({ } a, { } b) => localizer["de {0} à {1} ans", a, b],
        ({ } a, null) => localizer["à partir de {0} ans", a],
        (null, { } b) => localizer["jusqu’à {0} ans", b],
        _ => localizer["sans limite d’âge"],
    };

    /// <summary>"de 1 à 4 personnes", "une personne seule", "3 personnes".</summary>
    public static string TeamSize(IStringLocalizer localizer, int min, int max) =>
        max <= 1 ? localizer["une personne seule"]
        : min == max ? localizer["{0} personnes", min]
        : localizer["de {0} à {1} personnes", min, max];

    public static string Euros(decimal amount) => amount.ToString("#,0.##", CultureInfo.CurrentCulture) + " €";
}
