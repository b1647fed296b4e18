using Escale.Core.Text;
using Lucene.Net.Analysis.Fr;

namespace Escale.Core.Content.Search;

/// <summary>A word of a text: where it is, and the stem it is indexed under (null for a stop word).</summary>
public readonly record struct AnalysedWord(int Start, int Length, string? Stem);

/// <summary>
/// The app-side French analysis SQLite needs, as FTS5 has no French stemmer: words are lowercased, accent-folded
/// (so "ecole" and "École" meet), stop words and inclusive endings ("·e") dropped, given their search form
/// (<see cref="FrenchWordForms"/>: "infirmière" → "infirmier"), then stemmed with Lucene's FrenchLightStemmer
/// ("enfants" → "enfant"). PostgreSQL does the same in the database (see docs/adr/0007-content-search.md).
/// </summary>
public static class FrenchAnalysis
{
    /// <summary>Words of a text with their positions, so that a snippet can mark the original, accented words.</summary>
    public static IEnumerable<AnalysedWord> Words(string text) =>
        FrenchWordForms.Words(text).Select(w => new AnalysedWord(w.Start, w.Length, w.Form is null ? null : Stem(text.AsSpan(w.Start, w.Length))));

    /// <summary>The stems of a text, separated by spaces: what the SQLite index stores.</summary>
    public static string Stems(string text) => string.Join(' ', Words(text).Where(w => w.Stem is not null).Select(w => w.Stem));

    /// <summary>
    /// The stem of one word, or null when it is a stop word ("le", "de", "l'"). The word first takes its search form
    /// (<see cref="FrenchWordForms.Form"/>: singular, masculine), so "infirmière" and "infirmiers" stem as "infirmier".
    /// </summary>
    public static string? Stem(ReadOnlySpan<char> word)
    {
        var folded = Fold(word);
        if (folded.Length == 0 || StopWords.Contains(folded))
        {
            return null;
        }
        var buffer = FrenchWordForms.Form(folded).ToCharArray();
        var length = new FrenchLightStemmer().Stem(buffer, buffer.Length);
        return new string(buffer, 0, length);
    }

    /// <summary>Lowercase without diacritics: "Œuvre" → "oeuvre", "École" → "ecole".</summary>
    public static string Fold(ReadOnlySpan<char> word) => FrenchWordForms.Fold(word);

    // Lucene's French list (Snowball's), folded like the words it is checked against.
    private static readonly HashSet<string> StopWords = FrenchAnalyzer.DefaultStopSet
        .Select(w => Fold(w.ToString())).ToHashSet(StringComparer.Ordinal);
}
