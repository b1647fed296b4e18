namespace Escale.Web.Infrastructure.RazorPages;

/// <summary>
/// The text of a page's <c>&lt;meta name="description"&gt;</c> (set as <c>ViewData["Description"]</c>): what search
/// engines and link previews show under the title, so one or two sentences that search results do not cut.
/// </summary>
public static class PageDescription
{
    public const int MaxLength = 160;

    /// <summary>The text on one line, cut at a word before <see cref="MaxLength"/> characters.</summary>
    public static string Excerpt(string? text)
    {
        var line = string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (line.Length <= MaxLength)
        {
            return line;
        }
        var cut = line.LastIndexOf(' ', MaxLength - 1);
        return line[..(cut > 0 ? cut : MaxLength - 1)].TrimEnd(',', ';', ':', '.') + "…";
    }
}
