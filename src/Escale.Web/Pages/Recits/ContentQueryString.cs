using System.Globalization;
using Escale.Core.Content;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace Escale.Web.Pages.Recits;

/// <summary>
/// The listings' query string (<c>type</c>, <c>profil</c>, <c>theme</c>, <c>intercommunalite</c>, <c>page</c>), read
/// strictly: a value no form opportunities is a French message, not a silently empty page. Persona and intercommunality slugs
/// are checked by the listing (an unknown one simply matches nothing).
/// </summary>
public static class ContentQueryString
{
    public static bool TryParse(IQueryCollection query, IReadOnlyList<ContentType> types, out ContentFilter filter, out string? error)
    {
        filter = Read(query, types, out var errors);
        error = errors.Values.FirstOrDefault();
        return error is null;
    }

    /// <summary>
    /// Every parameter read, each on its own: a malformed one leaves its part of <paramref name="errors"/> a French
    /// message keyed by the parameter's name, and the rest of the filter as asked, so a listing can show the message
    /// beside its field and still list what the other filters give.
    /// </summary>
    public static ContentFilter Read(IQueryCollection query, IReadOnlyList<ContentType> types, out Dictionary<string, string> errors)
    {
        var filter = new ContentFilter();
        errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Single(query, "type") is { } typeValue)
        {
            var type = ContentListing.TypeValues.FirstOrDefault(t => t.Value == typeValue && types.Contains(t.Type));
            if (type.Value is null)
            {
                errors["type"] = "Ce type de contenu n’existe pas ici.";
            }
            else
            {
                filter = filter with { Type = type.Type };
            }
        }
        if (Single(query, "theme") is { } themeValue)
        {
            var theme = ContentListing.ThemeValues.FirstOrDefault(t => t.Value == themeValue);
            if (theme.Value is null)
            {
                errors["theme"] = "Ce thème n’existe pas.";
            }
            else
            {
                filter = filter with { Theme = theme.Theme };
            }
        }
        if (Single(query, "page") is { } pageValue)
        {
            if (!int.TryParse(pageValue, NumberStyles.None, CultureInfo.InvariantCulture, out var page) || page < 1)
            {
                errors["page"] = "Le numéro de page doit être un entier positif.";
            }
            else
            {
                filter = filter with { Page = page };
            }
        }
        return filter with { Persona = Single(query, "profil"), Intercommunality = Single(query, "intercommunalite") };
    }

    /// <summary>
    /// A listing's filter: every parameter read as <see cref="Read(IQueryCollection, IReadOnlyList{ContentType}, out Dictionary{string, string})"/>
    /// does, and a persona or an intercommunality the territory does not have refused too (a listing's select could not
    /// show it chosen, and the page would be empty with no reason given); the filter keeps only the known ones.
    /// </summary>
    public static ContentFilter Read(IQueryCollection query, IReadOnlyList<ContentType> types, ContentFacets index, out Dictionary<string, string> errors)
    {
        var filter = Read(query, types, out errors);
        if (filter.Persona is { } persona && !index.Personas.Any(p => p.Slug == persona))
        {
            errors["profil"] = "Ce profil n’existe pas.";
            filter = filter with { Persona = null };
        }
        if (filter.Intercommunality is { } epci && !index.Intercommunalities.Any(e => e.Slug == epci))
        {
            errors["intercommunalite"] = "Cette intercommunalité n’existe pas.";
            filter = filter with { Intercommunality = null };
        }
        return filter;
    }

    /// <summary>The query string of <paramref name="filter"/> on page <paramref name="page"/>, plus <paramref name="extra"/> (dates).</summary>
    public static string ToQueryString(ContentFilter filter, int page, IEnumerable<KeyValuePair<string, string?>>? extra = null)
    {
        var values = new List<KeyValuePair<string, string?>>();
        if (filter.Type is { } type) { values.Add(new("type", ContentListing.ValueOf(type))); }
        if (filter.Persona is { } persona) { values.Add(new("profil", persona)); }
        if (filter.Theme is { } theme) { values.Add(new("theme", ContentListing.ValueOf(theme))); }
        if (filter.Intercommunality is { } epci) { values.Add(new("intercommunalite", epci)); }
        values.AddRange((extra ?? []).Where(e => e.Value is not null));
        if (page > 1) { values.Add(new("page", page.ToString(CultureInfo.InvariantCulture))); }
        return values.Count == 0 ? "" : QueryHelpers.AddQueryString("", values);
    }

    private static string? Single(IQueryCollection query, string name) =>
        query.TryGetValue(name, out StringValues values) && values.Count > 0 && !string.IsNullOrWhiteSpace(values[^1]) ? values[^1]!.Trim() : null;
}
