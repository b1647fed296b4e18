using System.Globalization;
using Escale.Core.Content;
using Escale.Core.Content.Search;
using Escale.Web.Infrastructure.Caching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Escale.Web.Pages.Recherche;

/// <summary>
/// Full-text search over every public item (stories, events, quality-of-life pages), in the visitor's language. Cached
/// like the other public pages, keyed by the query string and the content state, so a publication changes the key.
/// </summary>
[OutputCache(PolicyName = PublicPageCache.Policy)]
public sealed class IndexModel(IContentSearch search, TimeProvider clock) : PageModel
{
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
        return Page();
    }

    public static string ParameterOf(ContentType type) => TypeParameters.First(t => t.Value == type).Key;

    public string Link(string? type, int page) =>
        "/recherche?q=" + Uri.EscapeDataString(Query ?? "")
        + (string.IsNullOrEmpty(type) ? "" : "&type=" + type)
        + (page > 1 ? "&page=" + page.ToString(CultureInfo.InvariantCulture) : "");
}
