using Escale.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Escale.Core.Content;

/// <summary>
/// Keeps the published items' facet fields in memory as <see cref="ContentFacets"/>, so that a listing of 10,000 items
/// neither reads them per request nor counts in SQL. Like the offers' search (docs/adr/0005-offer-search-in-memory.md):
/// one indexed question — the latest <c>UpdatedAt</c> and the highest id — at most once per <paramref name="freshness"/>
/// (default 500 ms) tells whether to reload, so every save must move <c>UpdatedAt</c> (UpdatedAtInterceptor does,
/// also for a change to an item's text alone); a full reload every five minutes covers a commit that lands after a later one.
/// <see cref="Invalidate"/> makes the writing instance reload at its next request.
/// </summary>
public sealed class ContentIndex(IServiceScopeFactory scopes, TimeProvider clock, TimeSpan? freshness = null) : IDisposable
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);
    private readonly TimeSpan _freshness = freshness ?? TimeSpan.FromMilliseconds(500);
    private readonly SemaphoreSlim _reload = new(1, 1);
    private volatile Snapshot? _snapshot;
    private volatile bool _stale;

    private sealed record Snapshot(ContentFacets Facets, Stamp Stamp, DateTimeOffset LoadedAt)
    {
        public DateTimeOffset CheckedAt { get; set; } = LoadedAt;
    }

    private readonly record struct Stamp(DateTimeOffset? LatestUpdate, int LatestId);

    public ValueTask<ContentFacets> FacetsAsync(CancellationToken cancellationToken = default) =>
        _snapshot is { } recent && !_stale && clock.GetUtcNow() - recent.CheckedAt < _freshness
            ? ValueTask.FromResult(recent.Facets)
            : new ValueTask<ContentFacets>(CheckAsync(cancellationToken));

    /// <summary>After a write: the next request reloads, whatever the stamp says.</summary>
    public void Invalidate() => _stale = true;

    private async Task<ContentFacets> CheckAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EscaleDbContext>();
        var forced = _stale;
        var stamp = await StampAsync(db, cancellationToken);
        var current = _snapshot;
        if (current is not null && !forced && current.Stamp == stamp && clock.GetUtcNow() - current.LoadedAt < MaxAge)
        {
            current.CheckedAt = clock.GetUtcNow();
            return current.Facets;
        }
        if (current is not null && !await _reload.WaitAsync(0, cancellationToken))
        {
            return current.Facets; // another request is reloading: answer from the previous state meanwhile
        }
        if (current is null)
        {
            await _reload.WaitAsync(cancellationToken);
        }
        try
        {
            if (_snapshot is { } fresh && !ReferenceEquals(fresh, current) && fresh.Stamp == stamp && !_stale)
            {
                return fresh.Facets;
            }
            _stale = false; // before loading: a write committed during the load marks it stale again
            var facets = await LoadAsync(db, cancellationToken);
            _snapshot = new Snapshot(facets, stamp, clock.GetUtcNow());
            return facets;
        }
        finally
        {
            _reload.Release();
        }
    }

    private static async Task<Stamp> StampAsync(EscaleDbContext db, CancellationToken cancellationToken)
    {
        // Both read one end of an index: inserts move the highest id, updates the latest UpdatedAt.
        var latest = await db.ContentItems.OrderByDescending(c => c.UpdatedAt).Select(c => (DateTimeOffset?)c.UpdatedAt).FirstOrDefaultAsync(cancellationToken);
        var latestId = await db.ContentItems.OrderByDescending(c => c.Id).Select(c => c.Id).FirstOrDefaultAsync(cancellationToken);
        return new Stamp(latest, latestId);
    }

    private static async Task<ContentFacets> LoadAsync(EscaleDbContext db, CancellationToken cancellationToken)
    {
        var items = await db.ContentItems.AsNoTracking().Where(c => c.Status == ContentStatus.Published)
            .Select(c => new { c.Id, c.Type, Epci = c.IntercommunalityId ?? (int?)c.Commune!.IntercommunalityId, c.Featured, c.PublishAt, c.StartsAt, c.EndsAt })
            .ToListAsync(cancellationToken);
        // The join tables whole, grouped here: two flat reads instead of one per item.
        var personas = (await db.ContentPersonas.AsNoTracking().Select(p => new { p.ContentItemId, p.PersonaSlug }).ToListAsync(cancellationToken))
            .ToLookup(p => p.ContentItemId, p => p.PersonaSlug);
        var themes = (await db.ContentThemes.AsNoTracking().Select(t => new { t.ContentItemId, t.Theme }).ToListAsync(cancellationToken))
            .ToLookup(t => t.ContentItemId, t => t.Theme);
        var epcis = await db.Intercommunalities.AsNoTracking().Select(e => new ContentIntercommunality(e.Id, e.Slug, e.Name)).ToListAsync(cancellationToken);
        var entries = await db.Personas.AsNoTracking().OrderBy(p => p.Id).Select(p => new ContentPersonaEntry(p.Slug, p.Entry)).ToListAsync(cancellationToken);
        var rows = items.Select(c => new ContentFacetRow(c.Id, c.Type, c.Epci, [.. personas[c.Id]], [.. themes[c.Id]], c.Featured, c.PublishAt, c.StartsAt, c.EndsAt)).ToList();
        return new ContentFacets(rows, epcis, entries);
    }

    public void Dispose() => _reload.Dispose();
}
