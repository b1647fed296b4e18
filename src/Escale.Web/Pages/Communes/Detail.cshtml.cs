using System.Text.RegularExpressions;
using Escale.Core.Data;
using Escale.Core.Territories;
using Escale.Web.Api;
using Escale.Web.Infrastructure.Links;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Communes;

public sealed partial class DetailModel(EscaleDbContext db) : PageModel
{
    public sealed record View(
        string InseeCode, string Name, string Slug, string PostalCodes, int Population, List<PopulationPoint> History,
        double AreaKm2, double Latitude, double Longitude, string IntercommunalityName, string IntercommunalitySlug);

    public sealed record Neighbour(string InseeCode, string Name, string Slug, double DistanceKm);

    public View Commune { get; private set; } = null!;
    public IReadOnlyList<PopulationPoint> History { get; private set; } = [];
    public IReadOnlyList<Neighbour> Nearby { get; private set; } = [];
    public double Density => Commune.AreaKm2 == 0 ? 0 : Commune.Population / Commune.AreaKm2;
    public string CanonicalPath => SiteLinks.CommunePath(Commune.InseeCode, Commune.Slug);

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (!InseeCode().IsMatch(code))
        {
            return NotFound();
        }
        var commune = await db.Communes.AsNoTracking().Where(c => c.InseeCode == code)
            .Select(c => new View(c.InseeCode, c.Name, c.Slug, c.PostalCodes, c.Population, c.PopulationHistory,
                c.AreaKm2, c.Latitude, c.Longitude, c.Intercommunality!.Name, c.Intercommunality.Slug))
            .SingleOrDefaultAsync(cancellationToken);
        if (commune is null)
        {
            return NotFound();
        }
        Commune = commune;
        History = commune.History.OrderBy(p => p.Year).ToList();

        // A few hundred centroids per territory: measuring in memory is simpler than a spatial extension on two providers.
        var others = await db.Communes.AsNoTracking().Where(c => c.InseeCode != code)
            .Select(c => new { c.InseeCode, c.Name, c.Slug, c.Latitude, c.Longitude })
            .ToListAsync(cancellationToken);
        // The same neighbours as the map's (/api/v1/communes/{code}/carte), so that the list and the map agree.
        Nearby = others
            .Select(c => new Neighbour(c.InseeCode, c.Name, c.Slug, GeoDistance.Kilometres(commune.Latitude, commune.Longitude, c.Latitude, c.Longitude)))
            .OrderBy(n => n.DistanceKm)
            .Take(TerritoryEndpoints.NearbyCount)
            .ToList();
        return Page();
    }

    /// <summary>Five characters: two for the département (2A and 2B for Corsica), three for the commune.</summary>
    [GeneratedRegex("^[0-9][0-9AB][0-9]{3}$")]
    private static partial Regex InseeCode();
}
