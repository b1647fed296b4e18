using System.Text;

namespace Escale.Core.Content.Search;

/// <summary>
/// A snippet as safe HTML: the text is escaped whole, and only the matched words are wrapped in &lt;mark&gt;.
/// </summary>
public static class SearchSnippet
{
    /// <summary>Opening and closing marks PostgreSQL's ts_headline puts around matches; stripped from indexed text.</summary>
    public const char Open = '\u27E6';
    public const char Close = '\u27E7';

    private const int Words = 30;

    /// <summary>Escapes the five characters HTML gives meaning to, and only them (accents stay readable in the source).</summary>
    public static string Escape(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal).Replace("'", "&#39;", StringComparison.Ordinal);

    /// <summary>Removes the mark characters from text about to be indexed, so that only ts_headline can place them.</summary>
    public static string Clean(string text) => text.Replace(Open, '[').Replace(Close, ']').Replace("\0", "", StringComparison.Ordinal);

    /// <summary>Escapes a text in which <see cref="Open"/>…<see cref="Close"/> surround the matches.</summary>
    public static string FromMarked(string marked)
    {
        var html = new StringBuilder(marked.Length + 32);
        var inside = false;
        var start = 0;
        for (var i = 0; i <= marked.Length; i++)
        {
            if (i < marked.Length && marked[i] != Open && marked[i] != Close)
            {
                continue;
            }
            var segment = Escape(marked[start..i]);
            html.Append(inside && segment.Length > 0 ? $"<mark>{segment}</mark>" : segment);
            if (i < marked.Length)
            {
                inside = marked[i] == Open;
            }
            start = i + 1;
        }
        return html.ToString();
    }

    /// <summary>
    /// About thirty words of <paramref name="text"/> around its first matched word, the words whose stem is one of
    /// <paramref name="stems"/> marked; the beginning of the text when no word matches (the title did).
    /// </summary>
    public static string Build(string text, IReadOnlyCollection<string> stems)
    {
        var words = FrenchAnalysis.Words(text).ToList();
        if (words.Count == 0)
        {
            return "";
        }
        var first = words.FindIndex(w => w.Stem is not null && stems.Contains(w.Stem));
        var from = first < 0 ? 0 : Math.Max(0, Math.Min(first - 8, words.Count - Words));
        var to = Math.Min(words.Count, from + Words) - 1;
        var start = from == 0 ? 0 : words[from].Start;
        var end = to == words.Count - 1 ? text.Length : words[to].Start + words[to].Length;

        var html = new StringBuilder(end - start + 64);
        if (start > 0)
        {
            html.Append("… ");
        }
        var position = start;
        for (var i = from; i <= to; i++)
        {
            var word = words[i];
            if (word.Stem is null || !stems.Contains(word.Stem))
            {
                continue;
            }
            html.Append(Escape(text[position..word.Start]))
                .Append("<mark>").Append(Escape(text.Substring(word.Start, word.Length))).Append("</mark>");
            position = word.Start + word.Length;
        }
        html.Append(Escape(text[position..end]));
        if (end < text.Length)
        {
            html.Append(" …");
        }
        return html.ToString().Trim();
    }
}
