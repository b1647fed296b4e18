using System.Globalization;
using System.Text;
using Escale.Core.Opportunities.Import;

namespace Escale.Web.Pages.Admin.Imports;

/// <summary>What the upload page and the <c>import-offers</c> command share: format names, a first look at the file, the report as text.</summary>
public static class ImportFiles
{
    public static readonly IReadOnlyList<(string Name, ImportFormat Format, string Label)> Formats =
    [
        ("france-travail", ImportFormat.FranceTravail, "Offres France Travail (JSON de l’API « offres d’emploi v2 »)"),
        ("jobposting", ImportFormat.JobPosting, "Offres schema.org JobPosting (JSON-LD)"),
        ("reprises-csv", ImportFormat.TakeoverCsv, "Activités à reprendre (CSV)"),
    ];

    public static ImportFormat? Parse(string? name) =>
        Formats.Where(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase)).Select(f => (ImportFormat?)f.Format).FirstOrDefault();

    /// <summary>
    /// Refuses, before parsing, a file that cannot be of the chosen format: JSON must open with <c>{</c> or <c>[</c>,
    /// CSV must be text (no NUL byte, which spreadsheets' binary formats and UTF-16 files have). Leaves the stream at 0.
    /// </summary>
    public static async Task<string?> CheckAsync(ImportFormat format, string fileName, Stream stream, CancellationToken cancellationToken)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        var json = format != ImportFormat.TakeoverCsv;
        if (json && extension is not (".json" or ".jsonld"))
        {
            return "Ce format attend un fichier .json.";
        }
        if (!json && extension is not (".csv" or ".txt"))
        {
            return "Ce format attend un fichier .csv (enregistré en « CSV UTF-8 »).";
        }
        var buffer = new byte[8192];
        var read = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
        stream.Position = 0;
        if (read == 0)
        {
            return "Le fichier est vide.";
        }
        var head = buffer.AsSpan(0, read);
        if (head.StartsWith(Encoding.UTF8.Preamble))
        {
            head = head[3..];
        }
        if (json)
        {
            var first = head.TrimStart(" \t\r\n"u8);
            return first.Length > 0 && first[0] is (byte)'{' or (byte)'[' ? null : "Ce fichier n’est pas du JSON : il doit commencer par « { » ou « [ ».";
        }
        return head.Contains((byte)0) ? "Ce fichier n’est pas un texte CSV (fichier Excel ou encodage UTF-16 ?) : enregistrez-le en « CSV UTF-8 »." : null;
    }

    public static string Summary(ImportReport report) => string.Create(CultureInfo.InvariantCulture,
        $"{report.Read} lus : {report.Created} créées, {report.Updated} mises à jour, {report.Unchanged} inchangées, {report.Withdrawn} retirées, {report.Duplicates} doublons.");
}
