using System.Collections.Concurrent;
using Escale.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Escale.Web.Pages.Admin.Appels.Jury;

/// <summary>
/// Each call's <see cref="CallRanking"/> kept in memory, so the deliberation pages do not read and rank every evaluation
/// at each request (5,000 applications × 10 jurors take hundreds of milliseconds to read and rank; a kept ranking, a few).
/// An entry is keyed on a version per call that every save of the jury's pages moves once committed (an evaluation sent
/// or declined, an assignment, a decision, the publication) and on the call's own <c>UpdatedAt</c> (the call's builder
/// turning normalisation on or off), and lives at most <see cref="Lifetime"/>: what changes elsewhere (an erased
/// account, a save on another instance) shows within that time.
/// </summary>
public sealed class JuryRankingCache(IMemoryCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<int, long> _versions = new();

    public async Task<CallRanking?> GetAsync(EscaleDbContext db, int callId, CancellationToken cancellationToken)
    {
        // The version is read before the data, so an entry can only ever be fresher than its key.
        var version = _versions.GetValueOrDefault(callId);
        var stamp = await db.Calls.AsNoTracking().Where(c => c.Id == callId).Select(c => (DateTimeOffset?)c.UpdatedAt).FirstOrDefaultAsync(cancellationToken);
        if (stamp is null)
        {
            return null;
        }
        var key = $"jury-ranking:{callId}:{version}:{stamp.Value.UtcTicks}";
        if (cache.TryGetValue(key, out CallRanking? found) && found is not null)
        {
            return found;
        }
        var loaded = await CallRanking.ReadAsync(db, callId, cancellationToken);
        if (loaded is not null)
        {
            cache.Set(key, loaded, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Lifetime, Size = 1 });
        }
        return loaded;
    }

    /// <summary>Called after a committed save that changes what the call's ranking shows.</summary>
    public void Changed(int callId) => _versions.AddOrUpdate(callId, 1, (_, version) => version + 1);
}
