using Escale.Core.Data;
using Escale.Core.Territories;
using Escale.Core.WelcomeNetworks;
using Escale.Web.Infrastructure.Territory;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Intercommunalites;

public sealed class DetailModel(EscaleDbContext db, TerritoryCatalog catalog, WelcomeNetworkDirectory network, TimeProvider clock, Communes.PlaceHighlights highlights, Communes.PlaceCache cache) : PageModel
{
    /// <summary>One school level across the intercommunality: how many establishments, and in how many of its communes.</summary>
    public sealed record LevelSummary(SchoolLevels Level, int Establishments, int Communes);

    public sealed record ServiceRow(TerritoryService Service, TerritoryCatalog.CommuneSummary Commune);

    public sealed record CommuneRow(string InseeCode, string Name, string Slug, int Population);

    public sealed record View(string Siren, string Name, string Nature, string SeatDepartment, int MemberCount, bool WhollyInTerritory, List<CommuneRow> Communes, double AreaKm2);

    public View Epci { get; private set; } = null!;
    public int Population => Epci.Communes.Sum(c => c.Population);
    public double Density => Epci.AreaKm2 == 0 ? 0 : Population / Epci.AreaKm2;
    public IReadOnlyList<LevelSummary> Schools { get; private set; } = [];
    public IReadOnlyList<ServiceRow> EmergencyDepartments { get; private set; } = [];
    public IReadOnlyList<ServiceRow> Maternities { get; private set; } = [];
    public IReadOnlyList<ServiceRow> Stations { get; private set; } = [];
    public IReadOnlyList<ServiceRow> FranceServicesOffices { get; private set; } = [];
    public Communes.PlaceHighlights.Result Highlights { get; private set; } = null!;
    /// <summary>How many welcome structures of each kind the intercommunality has.</summary>
    public IReadOnlyList<(WelcomeStructureKind Kind, int Count)> WelcomeStructures { get; private set; } = [];
    public IReadOnlyList<DirectoryEvent> NewcomerEvents { get; private set; } = [];
    public string Slug { get; private set; } = "";
    /// <summary>The personas, for the links to this intercommunality's welcome kit of each.</summary>
    public IReadOnlyList<Persona> Personas { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        // Ordered by slug: database collations put "Béduer" after "Brengues"; the accent-free slug sorts as a reader expects.
        var epci = await db.Intercommunalities.AsNoTracking()
            .Where(e => e.Slug == slug)
            .Select(e => new View(e.Siren, e.Name, e.Nature, e.SeatDepartment, e.MemberCount, e.WhollyInTerritory,
                e.Communes.OrderBy(c => c.Slug).Select(c => new CommuneRow(c.InseeCode, c.Name, c.Slug, c.Population)).ToList(),
                e.Communes.Sum(c => c.AreaKm2)))
            .SingleOrDefaultAsync(cancellationToken);
        if (epci is null)
        {
            return NotFound();
        }
        Epci = epci;
        Slug = slug;
        var epciId = (await catalog.GetAsync(cancellationToken)).Intercommunalities.Single(e => e.Slug == slug).Id;
        var structures = await cache.GetAsync($"structures-by-kind:{epciId}", () => network.StructuresByKindAsync(epciId, cancellationToken));
        WelcomeStructures = [.. structures.OrderBy(g => g.Key).Select(g => (g.Key, g.Value.Count))];
        NewcomerEvents = await cache.GetAsync($"events:{epciId}", () => network.NextEventsAsync(clock.GetUtcNow(), epciId, 3, cancellationToken));

        // The services come from the in-memory catalog (a few hundred rows), filtered to this intercommunality's communes.
        var snapshot = await catalog.GetAsync(cancellationToken);
        var codes = epci.Communes.Select(c => c.InseeCode).ToHashSet(StringComparer.Ordinal);
        var services = snapshot.Services.Select(s => new ServiceRow(s, snapshot.CommuneOf(s)))
            .Where(s => codes.Contains(s.Commune.InseeCode))
            .OrderBy(s => s.Commune.Slug, StringComparer.Ordinal).ThenBy(s => s.Service.Name, StringComparer.Ordinal)
            .ToList();
        Schools = NearbyServices.Levels.Select(level =>
        {
            var ofLevel = services.Where(s => s.Service.Kind == TerritoryServiceKind.School && s.Service.SchoolLevels.HasFlag(level)).ToList();
            return new LevelSummary(level, ofLevel.Count, ofLevel.Select(s => s.Commune.InseeCode).Distinct().Count());
        }).ToList();
        EmergencyDepartments = services.Where(s => s.Service.HasEmergencyDepartment).ToList();
        Maternities = services.Where(s => s.Service.HasMaternity).ToList();
        Stations = services.Where(s => s.Service.Kind == TerritoryServiceKind.Station).ToList();
        FranceServicesOffices = services.Where(s => s.Service.Kind == TerritoryServiceKind.FranceServices).ToList();
        var communeIds = snapshot.Communes.Where(c => codes.Contains(c.InseeCode)).Select(c => c.Id).ToList();
        Highlights = await highlights.ForAsync(communeIds, cancellationToken);
        Personas = snapshot.Personas;
        return Page();
    }
}
