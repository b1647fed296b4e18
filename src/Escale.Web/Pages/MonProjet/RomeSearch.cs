using System.Globalization;
using Escale.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.MonProjet;

/// <summary>The ROME occupation picker's search, shared by the project form and the spouse profile.</summary>
public static class RomeSearch
{
    public const string TooShortMessage = "Tapez au moins deux lettres du métier, puis « Chercher ».";

    public const string NothingFoundMessage = "Aucun métier ne contient ces lettres : essayez un autre mot (par exemple « infirmier », « développeur »).";

    /// <summary>Up to twenty occupations whose label contains <paramref name="query"/> (or whose code it is), as (code, label).</summary>
    public static async Task<IReadOnlyList<(string Code, string Label)>> FindAsync(EscaleDbContext db, string query, CancellationToken cancellationToken)
    {
        // Some five hundred occupations: read them all and compare in French, ignoring case and accents ("eleveur"
        // finds "Éleveur"), which neither database's lower() does alike.
        var compare = CultureInfo.GetCultureInfo("fr-FR").CompareInfo;
        var occupations = await db.RomeOccupations.AsNoTracking().Select(r => new { r.Code, r.Label }).ToListAsync(cancellationToken);
        return occupations
            .Where(r => compare.IndexOf(r.Label, query, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace) >= 0
                || string.Equals(r.Code, query, StringComparison.OrdinalIgnoreCase))
            .OrderBy(r => r.Label, StringComparer.Create(CultureInfo.GetCultureInfo("fr-FR"), ignoreCase: true))
            .Take(20)
            .Select(r => (r.Code, r.Label))
            .ToList();
    }
}
