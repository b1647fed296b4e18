using Microsoft.Extensions.Primitives;
using Escale.Core.Opportunities.Search;

namespace Escale.Web.Pages.Offres;

/// <summary>
/// What the list, the map and the map's JSON share: checking the codes of a search against the reference data,
/// turning it into a <see cref="SearchQuery"/>, and the labels its facets show.
/// </summary>
public sealed partial class OpportunitySearchRunner(OpportunityQueryCatalogCache catalogs, OpportunitySearch search, TimeProvider clock)
{
    public sealed record Epci(int Id, string Siren, string Name);

    public sealed record Place(string InseeCode, string Name, double Latitude, double Longitude);

    /// <param name="TextWithoutWord">What the visitor typed when it held no word (e.g. "*"): it filters nothing, and the page says so.</param>
    /// <param name="TextCut">The text was longer than <see cref="SearchIndex.MaxTextLength"/> and only its start is searched: the page says so.</param>
    /// <param name="Errors">The refused parameters, each with its French message: the search runs on the others.</param>
    /// <param name="Typed">What the visitor typed, by parameter, so that a refused value is shown back in its field.</param>
    public sealed record Resolved(OpportunitySearchParameters Parameters, SearchQuery Query, Place? Commune, IReadOnlyList<Epci> Intercommunalities, IReadOnlyDictionary<string, string> DomainLabels,
        string? TextWithoutWord = null, bool TextCut = false)
    {
        public IReadOnlyDictionary<string, string> Errors { get; init; } = new Dictionary<string, string>();

        public IReadOnlyDictionary<string, string> Typed { get; init; } = new Dictionary<string, string>();

        public string? ErrorOf(string parameter) => Errors.GetValueOrDefault(parameter);
    }

    /// <summary>Opportunities of one commune, for the map and its list.</summary>
    public sealed record Cluster(string InseeCode, string Name, double Latitude, double Longitude, IReadOnlyList<SearchRow> Opportunities);

    public DateTimeOffset Now => clock.GetUtcNow();

    public Task<SearchIndex> IndexAsync(CancellationToken cancellationToken) => search.IndexAsync(cancellationToken);

    /// <summary>
    /// The search read from a query string. A refused parameter is left out of the search and recorded in
    /// <see cref="Resolved.Errors"/> with its French message (the first one is also returned, for answers that are not pages).
    /// </summary>
    public async Task<(Resolved Search, string? Error)> ResolveAsync(IEnumerable<KeyValuePair<string, StringValues>> queryString, CancellationToken cancellationToken)
    {
        // Reference lists come from the shared, cached catalog: a search request asks the database nothing else.
        var catalog = await catalogs.GetAsync(cancellationToken);
        var raw = queryString.ToList();
        OpportunityQueryString.TryParse(raw, catalog, out var query, out var errors);
        var commune = query.Centre is { } centre ? catalog.CommuneAt(centre) : null;
        var place = commune is null ? null : new Place(commune.InseeCode, commune.Name, commune.Latitude, commune.Longitude);
        var parameters = OpportunitySearchParameters.From(query, catalog, raw.FirstOrDefault(p => p.Key == "commune").Value.ToString());
        var epcis = catalog.IntercommunalitiesBySiren.Values.OrderBy(e => e.Name, StringComparer.Ordinal)
            .Select(e => new Epci(e.Id, e.Siren, e.Name)).ToList();
        var typed = raw.FirstOrDefault(p => p.Key == "q").Value.ToString().Trim();
        var textWithoutWord = typed.Length > 0 && !SearchText.HasWord(typed) ? typed : null;
        var refused = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (parameter, message) in errors)
        {
            refused.TryAdd(parameter, message);
        }
        var typedValues = raw.GroupBy(p => p.Key.ToLowerInvariant(), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => string.Join(" ", g.SelectMany(p => p.Value).Where(v => !string.IsNullOrWhiteSpace(v))).Trim(), StringComparer.Ordinal);
        var resolved = new Resolved(parameters, query with { Sort = parameters.Sort }, place, epcis, catalog.Domains, textWithoutWord, typed.Length > SearchIndex.MaxTextLength)
        {
            Errors = refused,
            Typed = typedValues,
        };
        return (resolved, errors.Count > 0 ? errors[0].Message : null);
    }

    public async Task<SearchResult> SearchAsync(Resolved resolved, CancellationToken cancellationToken)
    {
        var index = await search.IndexAsync(cancellationToken);
        return index.Search(resolved.Query, clock.GetUtcNow());
    }

    /// <summary>Every matching opportunity grouped by commune, largest groups first.</summary>
    public async Task<IReadOnlyList<Cluster>> ClustersAsync(Resolved resolved, CancellationToken cancellationToken)
    {
        var index = await search.IndexAsync(cancellationToken);
        var groups = index.All(resolved.Query with { Sort = SearchSort.Recent }, clock.GetUtcNow()).GroupBy(r => r.CommuneId).ToList();
        var codes = (await catalogs.GetAsync(cancellationToken)).CommunesByInsee.Values.ToDictionary(c => c.Id, c => c.InseeCode);
        return groups
            .Select(g => new Cluster(codes.GetValueOrDefault(g.Key, ""), g.First().CommuneName, g.First().Latitude, g.First().Longitude, g.ToList()))
            .OrderByDescending(c => c.Opportunities.Count).ThenBy(c => c.Name, StringComparer.Ordinal)
            .ToList();
    }

}
