using Escale.Core.Text;

namespace Escale.Core.Content.Search;

/// <summary>
/// What a visitor typed, reduced to plain words: no engine ever sees a quote, an operator or a bracket, so FTS5 and
/// tsquery syntax, SQL fragments and emoji can only ever mean "these words" or "nothing".
/// </summary>
public sealed record ContentSearchTerms
{
    public const int MaxLength = 200;
    /// <summary>Each word narrows the search (AND); past a dozen the query costs more and finds nothing more.</summary>
    public const int MaxWords = 12;

    /// <summary>The words that count, lowercased and accent-folded, in the order typed.</summary>
    public IReadOnlyList<string> Words { get; private init; } = [];
    /// <summary>Their search forms ("infirmières" → "infirmier", see <see cref="FrenchWordForms"/>): PostgreSQL indexes and stems these.</summary>
    public IReadOnlyList<string> Forms { get; private init; } = [];
    /// <summary>Their stems (SQLite's index stores stems; PostgreSQL stems the <see cref="Forms"/> itself).</summary>
    public IReadOnlyList<string> Stems { get; private init; } = [];
    /// <summary>Why there is nothing to search, in French, or null.</summary>
    public string? Problem { get; private init; }

    public bool IsEmpty => Words.Count == 0;

    public static ContentSearchTerms Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new ContentSearchTerms();
        }
        if (text.Length > MaxLength)
        {
            return new ContentSearchTerms { Problem = $"Votre recherche est trop longue : {MaxLength} caractères au plus." };
        }
        if (!Opportunities.Search.SearchText.HasWord(text))
        {
            return new ContentSearchTerms { Problem = "Saisissez au moins un mot (lettres ou chiffres)." };
        }
        var words = new List<string>();
        var forms = new List<string>();
        var stems = new List<string>();
        foreach (var word in FrenchAnalysis.Words(text))
        {
            if (word.Stem is null || stems.Contains(word.Stem) || words.Count == MaxWords)
            {
                continue;
            }
            words.Add(FrenchAnalysis.Fold(text.AsSpan(word.Start, word.Length)));
            forms.Add(FrenchWordForms.Form(words[^1]));
            stems.Add(word.Stem);
        }
        if (words.Count == 0)
        {
            return new ContentSearchTerms { Problem = "Ces mots sont trop courants pour une recherche (« le », « de », « et »…) : ajoutez un mot plus précis." };
        }
        return new ContentSearchTerms { Words = words, Forms = forms, Stems = stems };
    }
}
