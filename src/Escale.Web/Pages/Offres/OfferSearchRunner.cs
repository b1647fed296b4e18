using System.Text.RegularExpressions;
using Escale.Core.Opportunities.Search;

namespace Escale.Web.Pages.Offres;

/// <summary>
/// What the list, the map and the map's JSON share: checking the codes of a search against the reference data,
/// turning it into a <see cref="SearchQuery"/>, and the labels its facets show.
/// </summary>
public sealed partial class OfferSearchRunner(OfferQueryCatalogCache catalogs, OpportunitySearch search, TimeProvider clock)
{
    public sealed record Epci(int Id, string Siren, string Name);

    public sealed record Place(string InseeCode, string Name, double Latitude, double Longitude);

    public sealed record Resolved(OfferSearchParameters Parameters, SearchQuery Query, Place? Commune, IReadOnlyList<Epci> Intercommunalities, IReadOnlyDictionary<string, string> DomainLabels);

    /// <summary>Offers of one commune, for the map and its list.</summary>
    public sealed record Cluster(string InseeCode, string Name, double Latitude, double Longitude, IReadOnlyList<SearchRow> Offers);

    public DateTimeOffset Now => clock.GetUtcNow();

    public Task<SearchIndex> IndexAsync(CancellationToken cancellationToken) => search.IndexAsync(cancellationToken);

    /// <summary>The search, or a French explanation of which code is unknown.</summary>
    public async Task<(Resolved? Search, string? Error)> ResolveAsync(OfferSearchParameters parameters, CancellationToken cancellationToken)
    {
        // Reference lists come from the shared, cached catalog: a search request asks the database nothing else.
        var catalog = await catalogs.GetAsync(cancellationToken);
        var epcis = catalog.IntercommunalitiesBySiren.Values.OrderBy(e => e.Name, StringComparer.Ordinal)
            .Select(e => new Epci(e.Id, e.Siren, e.Name)).ToList();
        var domains = catalog.Domains;

        int? epciId = null;
        if (parameters.Intercommunality is { } siren)
        {
            epciId = epcis.FirstOrDefault(e => e.Siren == siren)?.Id;
            if (epciId is null)
            {
                return (null, $"Aucune intercommunalité du territoire n’a le SIREN « {siren} ».");
            }
        }
        if (parameters.GrandDomain is { } grand && !domains.ContainsKey(grand))
        {
            return (null, $"Grand domaine inconnu : « {grand} ».");
        }
        if (parameters.Domain is { } domain && !domains.ContainsKey(domain))
        {
            return (null, $"Domaine professionnel inconnu : « {domain} ».");
        }
        if (parameters.Rome is { } rome && !catalog.Occupations.ContainsKey(rome))
        {
            return (null, $"Code ROME inconnu : « {rome} ».");
        }
        Place? place = null;
        if (parameters.Commune is { } commune)
        {
            place = FindCommune(catalog, commune);
            if (place is null)
            {
                return (null, $"Commune inconnue sur le territoire : « {commune} ». Indiquez son nom ou son code INSEE.");
            }
        }
        var query = new SearchQuery
        {
            Text = parameters.Text,
            Kind = parameters.Kind,
            GrandDomain = parameters.GrandDomain,
            Domain = parameters.Domain,
            Rome = parameters.Rome,
            Contract = parameters.Contract,
            IntercommunalityId = epciId,
            Centre = place is null ? null : (place.Latitude, place.Longitude),
            RadiusKm = place is null ? null : parameters.RadiusKm ?? OfferSearchParameters.DefaultRadiusKm,
            RemoteOnly = parameters.RemoteOnly,
            SalaryAtLeast = parameters.SalaryAtLeast,
            PostedWithinDays = parameters.PostedWithinDays,
            Sort = parameters.Sort,
            Page = parameters.Page,
        };
        return (new Resolved(parameters, query, place, epcis, domains), null);
    }

    /// <summary>Runs the search; a text of punctuation only (<c>'";--</c>, <c>*</c>) matches nothing rather than everything.</summary>
    public async Task<SearchResult> SearchAsync(Resolved resolved, CancellationToken cancellationToken)
    {
        if (resolved.Parameters.TextMatchesNothing)
        {
            return new SearchResult([], 0, 1, resolved.Query.PageSize, new Dictionary<string, IReadOnlyList<FacetValue>>(StringComparer.Ordinal));
        }
        var index = await search.IndexAsync(cancellationToken);
        return index.Search(resolved.Query, clock.GetUtcNow());
    }

    /// <summary>Every matching offer grouped by commune, largest groups first.</summary>
    public async Task<IReadOnlyList<Cluster>> ClustersAsync(Resolved resolved, CancellationToken cancellationToken)
    {
        if (resolved.Parameters.TextMatchesNothing)
        {
            return [];
        }
        var index = await search.IndexAsync(cancellationToken);
        var groups = index.All(resolved.Query with { Sort = SearchSort.Recent }, clock.GetUtcNow()).GroupBy(r => r.CommuneId).ToList();
        var codes = (await catalogs.GetAsync(cancellationToken)).CommunesByInsee.Values.ToDictionary(c => c.Id, c => c.InseeCode);
        return groups
            .Select(g => new Cluster(codes.GetValueOrDefault(g.Key, ""), g.First().CommuneName, g.First().Latitude, g.First().Longitude, g.ToList()))
            .OrderByDescending(c => c.Offers.Count).ThenBy(c => c.Name, StringComparer.Ordinal)
            .ToList();
    }

    private static Place? FindCommune(OfferQueryCatalog catalog, string commune)
    {
        var found = InseeCode().IsMatch(commune) ? catalog.CommunesByInsee.GetValueOrDefault(commune) : catalog.CommuneNamed(commune);
        return found is null ? null : new Place(found.InseeCode, found.Name, found.Latitude, found.Longitude);
    }

    [GeneratedRegex("^[0-9][0-9AB][0-9]{3}$")]
    private static partial Regex InseeCode();
}
