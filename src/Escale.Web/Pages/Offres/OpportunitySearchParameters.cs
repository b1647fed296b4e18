using System.Globalization;
using Escale.Core.Opportunities;
using Escale.Core.Opportunities.Search;

namespace Escale.Web.Pages.Offres;

/// <summary>
/// The search form's state, as it travels in the URL with French parameter names: <c>q</c>, <c>type</c>, <c>grand-domaine</c>,
/// <c>domaine</c>, <c>metier</c>, <c>contrat</c>, <c>intercommunalite</c> (SIREN), <c>commune</c> (INSEE code or name),
/// <c>rayon</c> (km), <c>teletravail</c>, <c>salaire</c>, <c>publiee</c> (days), <c>tri</c>, <c>page</c>.
/// <see cref="OpportunityQueryString"/> reads and checks them.
/// </summary>
public sealed record OpportunitySearchParameters
{
    public const int DefaultRadiusKm = OpportunityQueryString.DefaultRadiusKm;
    public static readonly int[] RadiusChoices = [5, 10, 20, 50];

    public string? Text { get; init; }
    public OpportunityKind? Kind { get; init; }
    public string? GrandDomain { get; init; }
    public string? Domain { get; init; }
    public string? Rome { get; init; }
    public ContractType? Contract { get; init; }
    public string? Intercommunality { get; init; }
    public string? Commune { get; init; }
    public int? RadiusKm { get; init; }
    public bool RemoteOnly { get; init; }
    public int? SalaryAtLeast { get; init; }
    public int? PostedWithinDays { get; init; }
    public SearchSort Sort { get; init; }
    public int Page { get; init; } = 1;

    /// <summary>
    /// The form's state for a search that <see cref="OpportunityQueryString"/> has read and checked — one parser for the
    /// page, its map, alerts, feeds, exports and the API. The commune stays as the visitor typed it.
    /// </summary>
    public static OpportunitySearchParameters From(SearchQuery query, OpportunityQueryCatalog catalog, string? communeAsTyped) => new()
    {
        Text = query.Text,
        Kind = query.Kind,
        GrandDomain = query.GrandDomain,
        Domain = query.Domain,
        Rome = query.Rome,
        Contract = query.Contract,
        Intercommunality = query.IntercommunalityId is { } id && catalog.IntercommunalitiesById.TryGetValue(id, out var epci) ? epci.Siren : null,
        Commune = query.Centre is null ? null : communeAsTyped?.Trim(),
        RadiusKm = query.Centre is null ? null : query.RadiusKm,
        RemoteOnly = query.RemoteOnly,
        SalaryAtLeast = query.SalaryAtLeast,
        PostedWithinDays = query.PostedWithinDays,
        // Without a commune there is no distance to sort by: the most recent come first.
        Sort = query.Sort == SearchSort.Distance && query.Centre is null ? SearchSort.Recent : query.Sort,
        Page = query.Page,
    };

    /// <summary>The same search narrowed to one commune: 1 km around its centre, where its opportunities are placed.</summary>
    public OpportunitySearchParameters InCommune(string inseeCode) =>
        this with { Commune = inseeCode, RadiusKm = 1, Intercommunality = null, Page = 1 };

    /// <summary>The query string of this search, with "?" (without the page unless asked), for links that keep it.</summary>
    public string ToQueryString(int? page = null) => OpportunityQueryString.Write(this, page ?? 1) is { Length: > 0 } query ? "?" + query : "";
}
