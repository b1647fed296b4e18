using System.Text.RegularExpressions;
using Escale.Core.Territories;
using Escale.Core.WelcomeNetworks;
using Escale.Web.Api;
using Escale.Web.Infrastructure.Links;
using Escale.Web.Infrastructure.Territory;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Escale.Web.Pages.Communes;

public sealed partial class DetailModel(TerritoryCatalog catalog, WelcomeNetworkDirectory network, TimeProvider clock, PlaceHighlights highlights, PlaceCache cache) : PageModel
{
    /// <summary>The offers, stories and events of « Vivre à … » are those of the communes within this distance of the centre.</summary>
    public const int AroundKm = 15;

    public sealed record Neighbour(string InseeCode, string Name, string Slug, double DistanceKm);

    public TerritoryCatalog.CommuneSummary Commune { get; private set; } = null!;
    public IReadOnlyList<PopulationPoint> History { get; private set; } = [];
    public IReadOnlyList<Neighbour> Nearby { get; private set; } = [];
    public NearbyServices Services { get; private set; } = null!;
    public PlaceHighlights.Result Highlights { get; private set; } = null!;
    public TerritoryCatalog.Snapshot Territory { get; private set; } = null!;
    /// <summary>The welcome structures of the commune, then of its intercommunality.</summary>
    public IReadOnlyList<DirectoryStructure> WelcomeStructures { get; private set; } = [];
    public IReadOnlyList<DirectoryEvent> NewcomerEvents { get; private set; } = [];
    public string IntercommunalitySlug => Commune.IntercommunalitySlug;
    public double Density => Commune.AreaKm2 == 0 ? 0 : Commune.Population / Commune.AreaKm2;
    public string CanonicalPath => SiteLinks.CommunePath(Commune.InseeCode, Commune.Slug);

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (!InseeCode().IsMatch(code))
        {
            return NotFound();
        }
        // The territory's communes are in memory (a few hundred): no query, and the neighbours are measured there too.
        var snapshot = await catalog.GetAsync(cancellationToken);
        if (snapshot.Commune(code) is not { } commune)
        {
            return NotFound();
        }
        Commune = commune;
        Territory = snapshot;
        Services = snapshot.NearbyServices(commune);
        if (snapshot.Intercommunalities.FirstOrDefault(e => e.Slug == commune.IntercommunalitySlug) is { } epci)
        {
            var structures = await cache.GetAsync($"structures:{epci.Id}", () => network.StructuresAsync(epci.Id, cancellationToken: cancellationToken));
            WelcomeStructures = [.. structures.OrderBy(s => s.CommuneId == commune.Id ? 0 : 1)];
            NewcomerEvents = await cache.GetAsync($"events:{epci.Id}", () => network.NextEventsAsync(clock.GetUtcNow(), epci.Id, 3, cancellationToken));
        }
        History = commune.History.OrderBy(p => p.Year).ToList();
        // The same neighbours as the map's (/api/v1/communes/{code}/carte), so that the list and the map agree.
        Nearby = snapshot.Communes.Where(c => c.InseeCode != code)
            .Select(c => new Neighbour(c.InseeCode, c.Name, c.Slug, GeoDistance.Kilometres(commune.Latitude, commune.Longitude, c.Latitude, c.Longitude)))
            .OrderBy(n => n.DistanceKm)
            .Take(TerritoryEndpoints.NearbyCount)
            .ToList();
        Highlights = await highlights.ForAsync(PlaceHighlights.Around(snapshot.Communes, commune, AroundKm), cancellationToken);
        return Page();
    }

    /// <summary>Five characters: two for the département (2A and 2B for Corsica), three for the commune.</summary>
    [GeneratedRegex("^[0-9][0-9AB][0-9]{3}$")]
    private static partial Regex InseeCode();
}
