using Escale.Core.Welcome.Matching;
using Escale.Web.Infrastructure.Localization;
using Microsoft.Extensions.Localization;

namespace Escale.Web.Pages.MonEspace;

/// <summary>
/// The schools proposed for each child, as the household reads them in its space (« Pour votre enfant de 6 ans ») and
/// its referent on the case file (« Pour l’enfant de 6 ans »): <c>_ChildSchools.cshtml</c>.
/// </summary>
public sealed record ChildSchoolsView(IReadOnlyList<ChildSchools> Children, bool ForHousehold)
{
    /// <summary>
    /// « à 2,3 km du centre de Figeac », « d’Assier », « du Vigan », « des Junies »: one French sentence per form of the
    /// preposition, each with its English one in the resx.
    /// </summary>
    public static LocalizedString Distance(IStringLocalizer localizer, double km, string commune)
    {
        var number = Formats.Number(km, 1);
        return commune.StartsWith("Le ", StringComparison.Ordinal) ? localizer["à {0} km du centre du {1}", number, commune[3..]]
            : commune.StartsWith("Les ", StringComparison.Ordinal) ? localizer["à {0} km du centre des {1}", number, commune[4..]]
            : commune.Length > 0 && "AEIOUYÉÈÊÎÔ".Contains(commune[0], StringComparison.Ordinal) ? localizer["à {0} km du centre d’{1}", number, commune]
            : localizer["à {0} km du centre de {1}", number, commune];
    }
}
