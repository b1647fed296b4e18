using System.Globalization;
using Escale.Core.Territories;

namespace Escale.Core.Content;

public static class ContentSlugs
{
    private const int MaxLength = 120;

    /// <summary>Slugs that would be shadowed by a fixed page under the same prefix (/recits/carte).</summary>
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal) { "carte" };

    /// <summary>
    /// A slug for <paramref name="text"/> that is not in <paramref name="taken"/> (the slugs of other items of the
    /// same type): "fete-du-vin", then "fete-du-vin-2", "fete-du-vin-3"…
    /// </summary>
    public static string Unique(string text, IReadOnlySet<string> taken)
    {
        var baseSlug = Slug.From(text);
        if (baseSlug.Length > MaxLength)
        {
            baseSlug = baseSlug[..MaxLength].TrimEnd('-');
        }
        if (baseSlug.Length == 0)
        {
            baseSlug = "contenu";
        }
        var slug = baseSlug;
        for (var n = 2; taken.Contains(slug) || Reserved.Contains(slug); n++)
        {
            slug = baseSlug + "-" + n.ToString(CultureInfo.InvariantCulture);
        }
        return slug;
    }
}
