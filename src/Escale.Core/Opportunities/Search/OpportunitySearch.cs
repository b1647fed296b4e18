using Escale.Core.Data;
using Escale.Core.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Escale.Core.Opportunities.Search;

/// <summary>
/// Keeps the published opportunities in memory as a <see cref="SearchIndex"/> and reloads it when the table
/// changes. Each request asks the database one indexed question — the latest <c>UpdatedAt</c> and the highest
/// id — so every instance behind a load balancer sees a change on its next search; a periodic full
/// reload covers the rare write whose commit lands after a later one. The stamp is asked at most once per
/// <paramref name="freshness"/> (default 500 ms), so a change shows within that time on every instance.
/// See docs/adr/0005-offer-search-in-memory.md.
/// </summary>
public sealed class OpportunitySearch(IServiceScopeFactory scopes, TimeProvider clock, TimeSpan? freshness = null) : IDisposable
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);
    private readonly TimeSpan _freshness = freshness ?? TimeSpan.FromMilliseconds(500);
    private readonly SemaphoreSlim _reload = new(1, 1);
    private volatile Snapshot? _snapshot;

    private sealed record Snapshot(SearchIndex Index, Stamp Stamp, DateTimeOffset LoadedAt)
    {
        public DateTimeOffset CheckedAt { get; set; } = LoadedAt;
    }

    private readonly record struct Stamp(DateTimeOffset? LatestUpdate, int LatestId);

    public async Task<SearchIndex> IndexAsync(CancellationToken cancellationToken = default)
    {
        if (_snapshot is { } recent && clock.GetUtcNow() - recent.CheckedAt < _freshness)
        {
            return recent.Index;
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EscaleDbContext>();
        var stamp = await StampAsync(db, cancellationToken);
        var current = _snapshot;
        if (current is not null && current.Stamp == stamp && clock.GetUtcNow() - current.LoadedAt < MaxAge)
        {
            current.CheckedAt = clock.GetUtcNow();
            return current.Index;
        }
        if (current is not null && !await _reload.WaitAsync(0, cancellationToken))
        {
            return current.Index; // another request is reloading: answer from the previous state meanwhile
        }
        if (current is null)
        {
            await _reload.WaitAsync(cancellationToken);
        }
        try
        {
            if (_snapshot is { } fresh && fresh.Stamp == stamp && clock.GetUtcNow() - fresh.LoadedAt < MaxAge)
            {
                return fresh.Index;
            }
            var index = new SearchIndex(await LoadAsync(db, cancellationToken));
            _snapshot = new Snapshot(index, stamp, clock.GetUtcNow());
            return index;
        }
        finally
        {
            _reload.Release();
        }
    }

    private static async Task<Stamp> StampAsync(EscaleDbContext db, CancellationToken cancellationToken)
    {
        // Both read one end of an index: inserts move the highest id, updates the latest UpdatedAt.
        var latest = await db.Opportunities.OrderByDescending(o => o.UpdatedAt).Select(o => (DateTimeOffset?)o.UpdatedAt).FirstOrDefaultAsync(cancellationToken);
        var latestId = await db.Opportunities.OrderByDescending(o => o.Id).Select(o => o.Id).FirstOrDefaultAsync(cancellationToken);
        return new Stamp(latest, latestId);
    }

    private async Task<List<SearchRow>> LoadAsync(EscaleDbContext db, CancellationToken cancellationToken)
    {
        var occupations = await db.RomeOccupations.AsNoTracking().ToDictionaryAsync(r => r.Code, r => r.Label, StringComparer.Ordinal, cancellationToken);
        var opportunities = await db.Opportunities.AsNoTracking().OpenAt(clock.GetUtcNow())
            .Select(o => new
            {
                o.Id, o.Kind, o.Title, o.Slug, o.EmployerName, o.CommuneId, CommuneName = o.Commune!.Name, o.IntercommunalityId,
                o.Latitude, o.Longitude, o.RomeCode, o.RomeDomainCode, o.RomeGrandDomainCode, o.Contract, o.Remote,
                o.SalaryMin, o.SalaryMax, o.PublishedAt, o.UpdatedAt, o.WorkingTime, o.NafCode, o.PriceMax,
            })
            .ToListAsync(cancellationToken);
        return opportunities.Select(o => new SearchRow(
                o.Id, o.Kind, o.Title, o.Slug, o.EmployerName, o.CommuneId, o.CommuneName, o.IntercommunalityId, o.Latitude, o.Longitude,
                o.RomeCode, o.RomeDomainCode, o.RomeGrandDomainCode, o.Contract, o.Remote, o.SalaryMin, o.SalaryMax, o.PublishedAt ?? o.UpdatedAt,
                FrenchWordForms.Normalize(string.Join(' ', o.Title, o.EmployerName, o.RomeCode is { } code && occupations.TryGetValue(code, out var label) ? label : null,
                    o.RomeCode, o.CommuneName, ContractWords(o.Contract))),
                o.WorkingTime, o.NafCode, o.PriceMax))
            .ToList();
    }

    /// <summary>The words a visitor types for a contract, so that "alternance" or "apprentie" finds the apprenticeships.</summary>
    private static string? ContractWords(ContractType? contract) => contract switch
    {
        ContractType.Apprenticeship => "apprentissage alternance apprenti",
        ContractType.Cdi => "CDI",
        ContractType.Cdd => "CDD",
        ContractType.Interim => "intérim",
        ContractType.Seasonal => "saisonnier",
        ContractType.Liberal => "libéral",
        _ => null,
    };

    public void Dispose() => _reload.Dispose();
}
