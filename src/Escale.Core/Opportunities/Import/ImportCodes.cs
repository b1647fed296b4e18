using System.Text.RegularExpressions;

namespace Escale.Core.Opportunities.Import;

/// <summary>
/// The shape of the reference codes an import file gives, checked by every reader so that a value of the wrong
/// shape (a number where a ROME code is expected, four digits for a commune) is reported as wrong, not as missing.
/// Whether a well-formed code exists is the importer's check, against the reference tables.
/// </summary>
public static partial class ImportCodes
{
    /// <summary>A ROME occupation: the letter of its grand domain (A to N) and four digits, e.g. J1506.</summary>
    [GeneratedRegex("^[A-N][0-9]{4}$")]
    private static partial Regex Rome();

    /// <summary>An INSEE commune code: the département (two digits, 2A or 2B) and three characters, e.g. 46102.</summary>
    [GeneratedRegex("^([0-9]{2}|2A|2B)[0-9]{3}$")]
    private static partial Regex Insee();

    /// <summary>Why <paramref name="code"/> (trimmed, upper case) is not a ROME code, or null when it is one.</summary>
    public static string? RomeProblem(string code) =>
        Rome().IsMatch(code) ? null : $"Le code ROME « {code} » n’est pas valide : une lettre suivie de 4 chiffres est attendue (ex. J1506).";

    /// <summary>Why <paramref name="code"/> (trimmed, upper case) is not an INSEE commune code, or null when it is one.</summary>
    public static string? CommuneProblem(string code) =>
        Insee().IsMatch(code) ? null : $"Le code INSEE de commune « {code} » n’est pas valide : 5 caractères sont attendus (ex. 46102).";
}
