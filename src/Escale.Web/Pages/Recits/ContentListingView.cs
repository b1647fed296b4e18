using Escale.Core.Content;
using Escale.Core.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Escale.Web.Pages.Recits;

/// <summary>What the listing partial draws: the facet form, the cards and the pages.</summary>
public sealed record ContentListingView(
    string Action, string Label, ContentListingResult Result, ContentFilter Filter, bool ShowTypes,
    IReadOnlyList<KeyValuePair<string, string?>> DateParameters, bool ShowDates = false)
{
    /// <summary>Parameters the facet form carries unchanged (the month view's month), as hidden fields.</summary>
    public IReadOnlyList<KeyValuePair<string, string?>> Hidden { get; init; } = [];

    /// <summary>False when the page draws the matches itself (the events' month grid).</summary>
    public bool ShowResults { get; init; } = true;

    /// <summary>French messages about the refused parameters, keyed by parameter name (<c>du</c>, <c>type</c>, <c>page</c>…).</summary>
    public IReadOnlyDictionary<string, string> Errors { get; init; } = new Dictionary<string, string>();

    /// <summary>What the visitor gave in the refused date fields, shown back as given.</summary>
    public IReadOnlyDictionary<string, string> Typed { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// A listing without dates (stories, quality of life): its filters read from the query, each refused one kept as a
    /// message for its field, and the search on what remains. A page with a refused filter still answers with the
    /// listing, as 400, so that it is never cached nor indexed as a listing.
    /// </summary>
    public static async Task<ContentListingView> LoadAsync(PageModel page, EscaleDbContext db, ContentIndex index, DateTimeOffset now,
        string action, string label, IReadOnlyList<ContentType> types, bool showTypes, CancellationToken cancellationToken)
    {
        var facets = await index.FacetsAsync(cancellationToken);
        var filter = ContentQueryString.Read(page.Request.Query, types, facets, out var errors);
        var result = await ContentListing.SearchAsync(db, facets, types, filter, now, eventsByDate: false, cancellationToken);
        if (errors.Count > 0)
        {
            page.Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return new ContentListingView(action, label, result, filter, showTypes, []) { Errors = errors };
    }

    public string PageLink(int page) => Action + ContentQueryString.ToQueryString(Filter, page, DateParameters);

    public string? DateValue(string name) => Typed.TryGetValue(name, out var typed) ? typed : DateParameters.FirstOrDefault(p => p.Key == name).Value;

    public string? ErrorOf(string parameter) => Errors.GetValueOrDefault(parameter);

    /// <summary>The messages with no field of their own in the form (the page, the month, the view), shown above it.</summary>
    public IEnumerable<string> GeneralErrors => Errors.Where(e => !FieldParameters.Contains(e.Key)).Select(e => e.Value);

    private IEnumerable<string> FieldParameters =>
        (ShowDates ? ["du", "au"] : Array.Empty<string>()).Concat(ShowTypes ? ["type"] : []).Concat(["profil", "theme", "intercommunalite"]);

    public string? Chosen(string facet) => facet switch
    {
        "type" => Filter.Type is { } t ? ContentListing.ValueOf(t) : null,
        "persona" => Filter.Persona,
        "theme" => Filter.Theme is { } th ? ContentListing.ValueOf(th) : null,
        "intercommunality" => Filter.Intercommunality,
        _ => null,
    };
}
