using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Escale.Core.Text;

/// <summary>A word of a text and its search form; <see cref="Form"/> is null for an inclusive-writing ending ("·e", "(ère)").</summary>
public readonly record struct FormWord(int Start, int Length, string? Form);

/// <summary>
/// French as job titles are written, reduced to one search form per word so that "infirmier" meets "Infirmière",
/// "infirmiers", "Infirmier·e", "infirmier(e)", "infirmier-ère" and "infirmier/ère": lower case without accents,
/// singular, masculine, with the endings of inclusive writing dropped. The masculine of a feminine word comes first
/// from the ROME labels, which give both ("Conducteur / Conductrice", "Steward / Hôtesse"), then from the regular
/// endings (-ière, -euse, -trice, -enne, -ive…). Index and query go through this same function, so a rule that
/// over-folds a word ("rivière" → "rivier") only ever merges it with itself.
/// </summary>
public static class FrenchWordForms
{
    /// <summary>The characters that join an inclusive ending to its word: median dot, bullet, period, hyphen, slash, brackets ("(e)s").</summary>
    private const string InclusiveJoiners = "·•‧.-/()";

    /// <summary>The feminine and plural endings written after a joiner ("infirmier·e·s", "conducteur·rice", "technicien-ne").</summary>
    private static readonly HashSet<string> InclusiveEndings = new(StringComparer.Ordinal)
    {
        "e", "es", "s", "x", "ere", "eres", "iere", "ieres", "euse", "euses", "se", "ses", "rice", "rices", "trice", "trices", "ice",
        "ne", "nes", "enne", "ennes", "ienne", "iennes", "le", "les", "elle", "elles", "te", "tes", "ive", "ives", "ale", "ales", "fe", "ffe",
    };

    private static readonly Lazy<IReadOnlyDictionary<string, string>> RomePairs = new(() => Pairs(RomeLabels()));

    /// <summary>The feminine → masculine pairs read from the ROME labels, for tests and the docs.</summary>
    public static IReadOnlyDictionary<string, string> Feminines => RomePairs.Value;

    /// <summary>Each word of a text with its position and search form.</summary>
    public static IEnumerable<FormWord> Words(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (!IsWordChar(text[i]))
            {
                i++;
                continue;
            }
            var start = i;
            while (i < text.Length && IsWordChar(text[i]))
            {
                i++;
            }
            var folded = Fold(text.AsSpan(start, i - start));
            yield return new FormWord(start, i - start, IsInclusiveEnding(text, start, folded) ? null : Form(folded));
        }
    }

    /// <summary>The search forms of a text, separated by single spaces: "Infirmier·e libéral·e" → "infirmier liberal".</summary>
    public static string Normalize(string? text) =>
        string.IsNullOrEmpty(text) ? "" : string.Join(' ', Words(text).Where(w => w.Form is { Length: > 0 }).Select(w => w.Form));

    /// <summary>The search form of one word: "INFIRMIÈRES" → "infirmier", "conductrices" → "conducteur", "ecole" → "ecol".</summary>
    public static string Form(string word)
    {
        var w = Fold(word);
        if (w.Length < 4 || !w.All(char.IsAsciiLetterLower))
        {
            return w;
        }
        w = Singular(w);
        if (RomePairs.Value.TryGetValue(w, out var masculine))
        {
            w = masculine;
        }
        return Masculine(w);
    }

    /// <summary>Lower case without diacritics: "Œuvre" → "oeuvre", "École" → "ecole".</summary>
    public static string Fold(ReadOnlySpan<char> word)
    {
        var decomposed = word.ToString().Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            switch (CharUnicodeInfo.GetUnicodeCategory(c))
            {
                case UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark:
                    continue;
                default:
                    var lower = char.ToLowerInvariant(c);
                    folded.Append(lower switch { 'œ' => "oe", 'æ' => "ae", 'ß' => "ss", _ => lower.ToString() });
                    break;
            }
        }
        return folded.ToString();
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark;

    /// <summary>An ending glued to the word before it by a joiner ("infirmier·e", "infirmier(e)", "infirmier-ère").</summary>
    private static bool IsInclusiveEnding(string text, int start, string folded) =>
        start >= 2 && InclusiveJoiners.Contains(text[start - 1], StringComparison.Ordinal) && IsWordChar(text[start - 2])
        && InclusiveEndings.Contains(folded);

    /// <summary>"infirmiers" → "infirmier", "generaux" → "general"; "bus", "prix" and "heureux" keep their ending.</summary>
    private static string Singular(string w)
    {
        if (w.Length > 4 && w.EndsWith("aux", StringComparison.Ordinal))
        {
            return w[..^3] + "al";
        }
        if (w.Length > 4 && w[^1] == 's' && w[^2] is not ('s' or 'u' or 'i'))
        {
            return w[..^1];
        }
        return w;
    }

    /// <summary>The regular masculine of a singular word: the final e goes, then the doubled or changed consonant.</summary>
    private static string Masculine(string w)
    {
        while (w.Length > 3 && w[^1] == 'e')
        {
            w = w[..^1];
        }
        return w switch
        {
            _ when w.Length > 5 && w.EndsWith("trice", StringComparison.Ordinal) => w[..^5] + "teur",
            _ when w.Length > 5 && w.EndsWith("tric", StringComparison.Ordinal) => w[..^4] + "teur",
            _ when w.Length > 4 && w.EndsWith("eus", StringComparison.Ordinal) => w[..^3] + "eur",
            _ when w.Length > 4 && (w.EndsWith("enn", StringComparison.Ordinal) || w.EndsWith("onn", StringComparison.Ordinal)
                || w.EndsWith("ell", StringComparison.Ordinal) || w.EndsWith("ett", StringComparison.Ordinal)) => w[..^1],
            _ when w.Length > 4 && w.EndsWith("iv", StringComparison.Ordinal) => w[..^1] + "f",
            _ => w,
        };
    }

    /// <summary>
    /// Reads "Masculine words / Feminine words rest" labels ("Infirmier coordinateur / Infirmière coordinatrice (IDEC)")
    /// word by word: each feminine word that differs from the masculine word in its place, and that the regular endings do not
    /// already fold to it, becomes a synonym of it.
    /// </summary>
    internal static IReadOnlyDictionary<string, string> Pairs(IEnumerable<string> labels)
    {
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var label in labels)
        {
            var bracket = label.IndexOf('(', StringComparison.Ordinal);
            var parts = (bracket < 0 ? label : label[..bracket]).Split(" / ");
            if (parts.Length != 2)
            {
                continue;
            }
            var masculine = Plain(parts[0]);
            var feminine = Plain(parts[1]);
            for (var i = 0; i < Math.Min(masculine.Count, feminine.Count); i++)
            {
                var (m, f) = (Singular(masculine[i]), Singular(feminine[i]));
                // Words of one job share their start ("maître" / "maîtresse"); "Commercial / Technico-commerciale" does not align.
                if (m != f && m.Length >= 3 && f.Length >= 3 && m.AsSpan().CommonPrefixLength(f) >= 3 && Masculine(m) != Masculine(f))
                {
                    pairs.TryAdd(f, m);
                }
            }
        }
        return pairs;

        static List<string> Plain(string part) => [.. part.Split(' ', '\'', '’', '-').Select(p => Fold(p)).Where(p => p.Length > 0)];
    }

    private static List<string> RomeLabels()
    {
        // reference/rome_metiers.csv, embedded at build (Escale.Core.csproj): the ROME's "masculine / feminine" labels.
        using var stream = typeof(FrenchWordForms).Assembly.GetManifestResourceStream("rome_metiers.csv")
            ?? throw new InvalidOperationException("The ROME labels (reference/rome_metiers.csv) are not embedded.");
        using var reader = new StreamReader(stream);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture));
        csv.Read();
        csv.ReadHeader();
        var labels = new List<string>();
        while (csv.Read())
        {
            labels.Add(csv.GetField("libelle_rome")!);
        }
        return labels;
    }
}
