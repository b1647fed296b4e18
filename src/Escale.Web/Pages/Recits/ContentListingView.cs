using Escale.Core.Content;

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

    public string PageLink(int page) => Action + ContentQueryString.ToQueryString(Filter, page, DateParameters);

    public string? DateValue(string name) => DateParameters.FirstOrDefault(p => p.Key == name).Value;

    public string? Chosen(string facet) => facet switch
    {
        "type" => Filter.Type is { } t ? ContentListing.ValueOf(t) : null,
        "persona" => Filter.Persona,
        "theme" => Filter.Theme is { } th ? ContentListing.ValueOf(th) : null,
        "intercommunality" => Filter.Intercommunality,
        _ => null,
    };
}
