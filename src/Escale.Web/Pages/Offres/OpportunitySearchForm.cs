using Escale.Core.Opportunities.Search;

namespace Escale.Web.Pages.Offres;

/// <summary>What the search form shared by the list and the map needs: where it submits, the search and its facet counts.</summary>
public sealed record OpportunitySearchForm(string Action, OpportunitySearchRunner.Resolved Search, IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets, bool ShowSort);
