using Escale.Core.Data;
using Microsoft.Extensions.Caching.Memory;

namespace Escale.Web.Pages.Communes;

/// <summary>
/// The place pages' database parts (offers, stories and events around, the welcome network) kept in memory, so a commune
/// page stays as fast as its in-memory territory data: an entry is keyed on <see cref="PlaceDataVersion"/>, which moves
/// with every save of what it shows, and lives at most <see cref="Lifetime"/> (what time alone changes: an offer's
/// expiry, an event that has begun).
/// </summary>
public sealed class PlaceCache(IMemoryCache cache, PlaceDataVersion version)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    public async Task<T> GetAsync<T>(string key, Func<Task<T>> load)
    {
        var versioned = $"place:{version.Value}:{key}";
        if (cache.TryGetValue(versioned, out T? found) && found is not null)
        {
            return found;
        }
        var loaded = await load();
        cache.Set(versioned, loaded, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Lifetime, Size = 1 });
        return loaded;
    }
}
