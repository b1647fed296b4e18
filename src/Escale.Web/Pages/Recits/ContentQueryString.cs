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
        filter = new ContentFilter();
        error = null;
        if (Single(query, "type") is { } typeValue)
        {
            var type = ContentListing.TypeValues.FirstOrDefault(t => t.Value == typeValue && types.Contains(t.Type));
            if (type.Value is null)
            {
                error = "Ce type de contenu n’existe pas ici.";
                return false;
            }
            filter = filter with { Type = type.Type };
        }
        if (Single(query, "theme") is { } themeValue)
        {
            var theme = ContentListing.ThemeValues.FirstOrDefault(t => t.Value == themeValue);
            if (theme.Value is null)
            {
                error = "Ce thème n’existe pas.";
                return false;
            }
            filter = filter with { Theme = theme.Theme };
        }
        if (Single(query, "page") is { } pageValue)
        {
            if (!int.TryParse(pageValue, NumberStyles.None, CultureInfo.InvariantCulture, out var page) || page < 1)
            {
                error = "Le numéro de page doit être un entier positif.";
                return false;
            }
            filter = filter with { Page = page };
        }
        filter = filter with { Persona = Single(query, "profil"), Intercommunality = Single(query, "intercommunalite") };
        return true;
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
