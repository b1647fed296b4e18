using System.Globalization;
using Escale.Core.Content;
using Escale.Core.Content.Search;
using Escale.Core.Opportunities;
using Escale.Core.Opportunities.Search;
using Microsoft.AspNetCore.Mvc;
using Escale.Web.Pages.Offres;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Escale.Web.Pages.Recherche;

/// <summary>
/// One search for everything public: stories, events and quality-of-life pages (full text, in the visitor's language),
/// offers of every kind (the in-memory offer index) and places (communes, intercommunalities), grouped by kind with a
/// count and a link to each kind's own search. Not output-cached: the content state that keys the public page cache
/// does not move when an offer is published, and each part answers from an index in a few milliseconds.
/// </summary>
public sealed class IndexModel(IContentSearch search, OpportunitySearch offers, PlaceSearch places, TimeProvider clock) : PageModel
{
    /// <summary>Offers listed on this page; the rest are one link away, in the offer search.</summary>
    public const int OffersShown = 5;

    /// <summary>The type facet's values in the query string.</summary>
    public static readonly IReadOnlyDictionary<string, ContentType> TypeParameters = new Dictionary<string, ContentType>(StringComparer.Ordinal)
    {
        ["portrait"] = ContentType.Portrait,
        ["pepite"] = ContentType.CompanyStory,
        ["evenement"] = ContentType.Event,
        ["vivre-ici"] = ContentType.QualityOfLife,
        ["actualite"] = ContentType.News,
    };

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "type")]
    public string? Type { get; set; }

    public ContentSearchResult Result { get; private set; } = new();

    /// <summary>The offers matching every word, or null when only one content type was asked for or nothing can be searched.</summary>
    public SearchResult? Offers { get; private set; }

    public PlaceSearch.Result? Places { get; private set; }

    /// <summary>Every kind's matches: the page's count.</summary>
    public int Total => Result.Total + (Offers?.Total ?? 0) + (Places is { } p ? p.CommuneCount + p.Intercommunalities.Count : 0);

    /// <summary>Why the type asked for was refused, shown beside its select (the search then runs over every type).</summary>
    public string? TypeError { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        ContentType? type = null;
        if (!string.IsNullOrEmpty(Type))
        {
            if (TypeParameters.TryGetValue(Type, out var known))
            {
                type = known;
            }
            else
            {
                TypeError = "Ce type de contenu n’existe pas.";
                // The page itself, with the message beside the select, but never cached as a search.
                Response.StatusCode = StatusCodes.Status400BadRequest;
            }
        }
        var page = int.TryParse(Request.Query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is > 0 and < 10_000 ? p : 1;
        Result = await search.SearchAsync(new ContentSearchQuery
        {
            Text = Query,
            Language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName,
            Type = type,
            Page = page,
            Now = clock.GetUtcNow(),
        }, cancellationToken);
        if (Result.Searched && Result.Problem is null && type is null && TypeError is null)
        {
            Offers = (await offers.IndexAsync(cancellationToken)).Search(new SearchQuery { Text = Query, PageSize = OffersShown }, clock.GetUtcNow());
            Places = await places.SearchAsync(Query!, cancellationToken);
        }
        return Page();
    }

    public static string ParameterOf(ContentType type) => TypeParameters.First(t => t.Value == type).Key;

    /// <summary>The offer search of one kind (or every kind), with the words typed.</summary>
    public string OffersLink(OpportunityKind? kind) =>
        "/offres?q=" + Uri.EscapeDataString(Query ?? "") + (kind is { } k ? "&type=" + OpportunityLabels.Kinds.Single(l => l.Kind == k).Value : "");

    public string CommunesLink() => "/communes?q=" + Uri.EscapeDataString(Query ?? "");

    /// <summary>Offers of each kind among the matches, in the kinds' order.</summary>
    public IEnumerable<(OpportunityKind Kind, int Count)> OfferKinds() =>
        Offers is null ? [] : OpportunityLabels.Kinds
            .Select(k => (k.Kind, Offers.Facets["kind"].FirstOrDefault(f => f.Value == k.Kind.ToString())?.Count ?? 0))
            .Where(k => k.Item2 > 0);

    public string Link(string? type, int page) =>
        "/recherche?q=" + Uri.EscapeDataString(Query ?? "")
        + (string.IsNullOrEmpty(type) ? "" : "&type=" + type)
        + (page > 1 ? "&page=" + page.ToString(CultureInfo.InvariantCulture) : "");
}
