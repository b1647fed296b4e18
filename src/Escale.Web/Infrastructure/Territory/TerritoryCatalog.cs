using Escale.Core.Data;
using Escale.Core.Territories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Escale.Web.Infrastructure.Territory;

/// <summary>
/// The territory, its personas, intercommunalities, communes, population figures and services, read once and kept in memory:
/// every page's layout needs the territory, and the commune and territory pages would otherwise read every commune
/// at each request. They change only when a territory pack is imported (which calls <see cref="Invalidate"/>).
/// </summary>
public sealed class TerritoryCatalog(IMemoryCache cache, IServiceScopeFactory scopes)
{
    private const string CacheKey = "territory-catalog";

    public sealed record Snapshot(
        Core.Territories.Territory Territory, IReadOnlyList<Persona> Personas, IReadOnlyList<IntercommunalitySummary> Intercommunalities,
        IReadOnlyList<CommuneSummary> Communes, IReadOnlyList<LegalPopulation> LegalPopulations, IReadOnlyList<PopulationEstimate> PopulationEstimates,
        IReadOnlyList<TerritoryService> Services)
    {
        private readonly Dictionary<string, CommuneSummary> _communesByInsee = Communes.ToDictionary(c => c.InseeCode, StringComparer.Ordinal);
        private readonly Dictionary<int, CommuneSummary> _communesById = Communes.ToDictionary(c => c.Id);

        public CommuneSummary? Commune(string inseeCode) => _communesByInsee.GetValueOrDefault(inseeCode);

        public CommuneSummary CommuneOf(TerritoryService service) => _communesById[service.CommuneId];

        /// <summary>The schools, hospitals, station and France Services office a household asks about, measured from the commune's centre.</summary>
        public NearbyServices NearbyServices(CommuneSummary commune) =>
            Core.Territories.NearbyServices.For(commune.Id, commune.Latitude, commune.Longitude, Services);
    }

    public sealed record IntercommunalitySummary(string Siren, string Name, string Slug, int CommuneCount, int Population, bool WhollyInTerritory, int Id);

    /// <summary>A commune without its boundary (the map reads that from the API).</summary>
    public sealed record CommuneSummary(
        int Id, string InseeCode, string Name, string Slug, string PostalCodes, int Population, IReadOnlyList<PopulationPoint> History,
        double AreaKm2, double Latitude, double Longitude, string IntercommunalityName, string IntercommunalitySlug);

    public async Task<Snapshot> GetAsync(CancellationToken cancellationToken = default) =>
        (await cache.GetOrCreateAsync(CacheKey, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(10);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<EscaleDbContext>();
            var territory = await db.Territories.AsNoTracking().SingleAsync(cancellationToken);
            var personas = await db.Personas.AsNoTracking().OrderBy(p => p.Position).ToListAsync(cancellationToken);
            var epcis = await db.Intercommunalities.AsNoTracking()
                .OrderBy(e => e.Name)
                .Select(e => new IntercommunalitySummary(e.Siren, e.Name, e.Slug, e.Communes.Count, e.Communes.Sum(c => c.Population), e.WhollyInTerritory, e.Id))
                .ToListAsync(cancellationToken);
            var communes = await db.Communes.AsNoTracking().OrderBy(c => c.Id)
                .Select(c => new CommuneSummary(c.Id, c.InseeCode, c.Name, c.Slug, c.PostalCodes, c.Population, c.PopulationHistory,
                    c.AreaKm2, c.Latitude, c.Longitude, c.Intercommunality!.Name, c.Intercommunality.Slug))
                .ToListAsync(cancellationToken);
            var legal = await db.LegalPopulations.AsNoTracking().OrderBy(l => l.Millesime).ToListAsync(cancellationToken);
            var estimates = await db.PopulationEstimates.AsNoTracking().OrderBy(e => e.Year).ThenBy(e => e.Id).ToListAsync(cancellationToken);
            var services = await db.TerritoryServices.AsNoTracking().OrderBy(s => s.Id).ToListAsync(cancellationToken);
            return new Snapshot(territory, personas, epcis, communes, legal, estimates, services);
        }))!;

    /// <summary>For the layout: null when the database cannot answer, so that the error page can still be shown.</summary>
    public async Task<Snapshot?> TryGetAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return await GetAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
        {
            return null;
        }
    }

    public void Invalidate() => cache.Remove(CacheKey);
}
