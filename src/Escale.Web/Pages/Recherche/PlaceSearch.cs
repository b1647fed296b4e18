using Escale.Core.Data;
using Escale.Core.Opportunities.Search;
using Escale.Web.Infrastructure.Links;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Escale.Web.Pages.Recherche;

/// <summary>
/// The territory's communes and intercommunalities found by name for the site search, accents, case, hyphens and
/// "St"/"Ste" aside: "st cere" finds Saint-Céré. The few hundred names are read once and kept ten minutes in memory.
/// </summary>
public sealed class PlaceSearch(IMemoryCache cache, IServiceScopeFactory scopes)
{
    private const string CacheKey = "site-search-places";
    public const int Shown = 8;

    public sealed record Place(string Name, string Path, bool IsIntercommunality, int Population, string SearchName);

    public sealed record Result(IReadOnlyList<Place> Communes, int CommuneCount, IReadOnlyList<Place> Intercommunalities);

    /// <summary>
    /// Places whose name holds every word typed ("figeac", "grand figeac"), or whose whole name is among the words typed
    /// ("infirmier figeac" finds Figeac): largest first.
    /// </summary>
    public async Task<Result> SearchAsync(string text, CancellationToken cancellationToken)
    {
        var query = Words(text);
        if (query.Length == 0)
        {
            return new Result([], 0, []);
        }
        var typed = " " + string.Join(' ', query) + " ";
        var found = (await PlacesAsync(cancellationToken))
            .Where(p => query.All(w => p.SearchName.Contains(" " + w, StringComparison.Ordinal)) || typed.Contains(p.SearchName + " ", StringComparison.Ordinal))
            .OrderByDescending(p => p.Population).ThenBy(p => p.Name, StringComparer.Ordinal)
            .ToList();
        var communes = found.Where(p => !p.IsIntercommunality).ToList();
        return new Result([.. communes.Take(Shown)], communes.Count, [.. found.Where(p => p.IsIntercommunality)]);
    }

    /// <summary>Folded words with "st" and "ste" read as "saint" and "sainte", as in the communes' names.</summary>
    internal static string[] Words(string? text) =>
        [.. SearchText.Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w switch { "st" => "saint", "ste" => "sainte", _ => w })];

    private async Task<IReadOnlyList<Place>> PlacesAsync(CancellationToken cancellationToken) =>
        (await cache.GetOrCreateAsync(CacheKey, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(10);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<EscaleDbContext>();
            var communes = await db.Communes.AsNoTracking().Select(c => new { c.Name, c.InseeCode, c.Slug, c.Population }).ToListAsync(cancellationToken);
            var epcis = await db.Intercommunalities.AsNoTracking().Select(e => new { e.Name, e.Slug, e.PopulationInTerritory }).ToListAsync(cancellationToken);
            return (IReadOnlyList<Place>)
            [
                .. communes.Select(c => new Place(c.Name, SiteLinks.CommunePath(c.InseeCode, c.Slug), false, c.Population, " " + string.Join(' ', Words(c.Name)))),
                .. epcis.Select(e => new Place(e.Name, SiteLinks.IntercommunalityPath(e.Slug), true, e.PopulationInTerritory, " " + string.Join(' ', Words(e.Name)))),
            ];
        }))!;
}
