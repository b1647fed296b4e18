using Escale.Core.Data;
using Escale.Core.Territories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Escale.Web.Infrastructure.Territory;

/// <summary>The territory and its personas, read once and kept in memory: every page's layout needs them.</summary>
public sealed class TerritoryCatalog(IMemoryCache cache, IServiceScopeFactory scopes)
{
    private const string CacheKey = "territory-catalog";

    public sealed record Snapshot(Core.Territories.Territory Territory, IReadOnlyList<Persona> Personas, IReadOnlyList<IntercommunalitySummary> Intercommunalities);

    public sealed record IntercommunalitySummary(string Siren, string Name, string Slug, int CommuneCount, int Population);

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
                .Select(e => new IntercommunalitySummary(e.Siren, e.Name, e.Slug, e.Communes.Count, e.Communes.Sum(c => c.Population)))
                .ToListAsync(cancellationToken);
            return new Snapshot(territory, personas, epcis);
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
