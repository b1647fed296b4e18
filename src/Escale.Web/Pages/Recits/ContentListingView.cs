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

    /// <summary>French messages about the refused parameters, keyed by parameter name (<c>du</c>, <c>type</c>, <c>page</c>…).</summary>
    public IReadOnlyDictionary<string, string> Errors { get; init; } = new Dictionary<string, string>();

    /// <summary>What the visitor gave in the refused date fields, shown back as given.</summary>
    public IReadOnlyDictionary<string, string> Typed { get; init; } = new Dictionary<string, string>();

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
