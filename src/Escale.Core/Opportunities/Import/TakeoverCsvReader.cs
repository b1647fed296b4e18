using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using CsvHelper;
using CsvHelper.Configuration;

namespace Escale.Core.Opportunities.Import;

/// <summary>
/// Reads a list of businesses to take over from CSV (UTF-8, separator <c>;</c> or <c>,</c>, header line).
/// The columns are documented in docs/imports.md; <see cref="Columns"/> lists them.
/// </summary>
public static partial class TakeoverCsvReader
{
    public const string RecordLabel = "ligne";

    public static readonly IReadOnlyList<string> RequiredColumns = ["reference", "intitule", "code_naf", "code_insee"];

    public static readonly IReadOnlyList<string> Columns =
    [
        "reference", "intitule", "code_naf", "code_insee", "description", "prix_min", "prix_max", "tranche_ca", "effectif",
        "locaux", "motif", "echeance", "organisme", "contact_nom", "contact_email", "contact_telephone", "date_expiration",
    ];

    [GeneratedRegex(@"^[0-9]{2}\.?[0-9]{2}[A-Z]$")]
    private static partial Regex NafSubclass();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex Email();

    public static async IAsyncEnumerable<ImportedOpportunity> ReadAsync(Stream stream, List<ImportError> errors,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var reader = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        string? headerLine;
        try
        {
            headerLine = await reader.ReadLineAsync(cancellationToken);
        }
        catch (DecoderFallbackException)
        {
            errors.Add(NotUtf8(1));
            yield break;
        }
        if (string.IsNullOrWhiteSpace(headerLine))
        {
            errors.Add(new ImportError(1, null, "ligne d’en-tête manquante") { RecordLabel = RecordLabel });
            yield break;
        }
        var delimiter = headerLine.Count(c => c == ';') > headerLine.Count(c => c == ',') ? ";" : ",";
        stream.Position = 0;
        using var rereader = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        using var csv = new CsvReader(rereader, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = delimiter,
            TrimOptions = TrimOptions.Trim,
            PrepareHeaderForMatch = args => args.Header.Trim().ToLowerInvariant(),
            BadDataFound = null,
        });
        await csv.ReadAsync();
        csv.ReadHeader();
        var header = csv.HeaderRecord!.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        var missing = RequiredColumns.Where(c => !header.Contains(c)).ToList();
        foreach (var column in missing)
        {
            errors.Add(new ImportError(1, column, "colonne obligatoire absente de l’en-tête") { RecordLabel = RecordLabel });
        }
        foreach (var unknown in header.Where(h => !Columns.Contains(h)))
        {
            errors.Add(new ImportError(1, unknown, "colonne inconnue (voir la liste des colonnes documentées)") { RecordLabel = RecordLabel });
        }
        if (errors.Count > 0)
        {
            yield break;
        }
        var any = false;
        while (true)
        {
            bool more;
            try
            {
                more = await csv.ReadAsync();
            }
            catch (DecoderFallbackException)
            {
                errors.Add(NotUtf8(csv.Parser.RawRow));
                yield break;
            }
            catch (CsvHelperException)
            {
                errors.Add(new ImportError(csv.Parser.RawRow, null, "ligne CSV illisible (guillemets ?)") { RecordLabel = RecordLabel });
                yield break;
            }
            if (!more)
            {
                break;
            }
            cancellationToken.ThrowIfCancellationRequested();
            any = true;
            yield return Map(csv.Parser.RawRow, header, csv.Parser.Record ?? [], errors);
        }
        if (!any)
        {
            errors.Add(new ImportError(2, null, "le fichier ne contient aucune ligne de données") { RecordLabel = RecordLabel });
        }
    }

    private static ImportError NotUtf8(int line) =>
        new(line, null, "le fichier n’est pas encodé en UTF-8 (ré-enregistrez-le en « CSV UTF-8 »)") { RecordLabel = RecordLabel };

    /// <summary>The line as far as it can be read, every problem found added to <paramref name="errors"/> (see <see cref="FranceTravailReader"/>).</summary>
    private static ImportedOpportunity Map(int line, string[] header, string[] values, List<ImportError> errors)
    {
        void Error(string field, string message) => errors.Add(new ImportError(line, field, message) { RecordLabel = RecordLabel });
        string? Value(string column)
        {
            var index = Array.IndexOf(header, column);
            return index >= 0 && index < values.Length && !string.IsNullOrWhiteSpace(values[index]) ? values[index].Trim() : null;
        }
        string Required(string column)
        {
            var value = Value(column);
            if (value is null)
            {
                Error(column, "valeur obligatoire manquante");
            }
            return value ?? "";
        }
        int? Integer(string column)
        {
            var value = Value(column);
            if (value is null)
            {
                return null;
            }
            var cleaned = value.Replace(" ", "", StringComparison.Ordinal).Replace("\u00A0", "", StringComparison.Ordinal).Replace("\u202F", "", StringComparison.Ordinal).TrimEnd('€');
            if (!int.TryParse(cleaned, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                Error(column, $"« {value} » n’est pas un nombre entier positif");
                return null;
            }
            return number;
        }

        var reference = Required("reference");
        var title = Required("intitule");
        string? naf = Required("code_naf").ToUpperInvariant().Replace(" ", "", StringComparison.Ordinal);
        if (naf.Length > 0 && !NafSubclass().IsMatch(naf))
        {
            Error("code_naf", $"« {naf} » n’est pas un code NAF de sous-classe (ex. 56.10A)");
            naf = null;
        }
        else if (naf.Length == 5)
        {
            naf = naf[..2] + "." + naf[2..];
        }
        string? commune = Required("code_insee").ToUpperInvariant();
        if (commune.Length == 0)
        {
            commune = null;
        }
        else if (ImportCodes.CommuneProblem(commune) is { } communeProblem)
        {
            Error("code_insee", communeProblem);
            commune = null;
        }
        var priceMin = Integer("prix_min");
        var priceMax = Integer("prix_max");
        if (priceMin > priceMax)
        {
            Error("prix_min", "le prix minimum est supérieur au prix maximum");
        }
        var staff = Integer("effectif");
        var support = Value("organisme")?.ToUpperInvariant() switch
        {
            null => SupportOrganisation.None,
            "CCI" => SupportOrganisation.Cci,
            "CMA" or "CHAMBRE DE MÉTIERS" or "CHAMBRE DE METIERS" => SupportOrganisation.ChambreDeMetiers,
            "CA" or "CHAMBRE D'AGRICULTURE" or "CHAMBRE D’AGRICULTURE" => SupportOrganisation.ChambreAgriculture,
            "AUTRE" => SupportOrganisation.Other,
            var other => Unknown(other),
        };
        SupportOrganisation Unknown(string other)
        {
            Error("organisme", $"« {other} » inconnu (CCI, CMA, CA ou AUTRE)");
            return SupportOrganisation.None;
        }
        var email = Value("contact_email");
        if (email is not null && !Email().IsMatch(email))
        {
            Error("contact_email", $"« {email} » n’est pas une adresse e-mail");
        }
        DateOnly? expires = null;
        if (Value("date_expiration") is { } date)
        {
            if (DateOnly.TryParseExact(date, ["yyyy-MM-dd", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                expires = parsed;
            }
            else
            {
                Error("date_expiration", $"date « {date} » illisible (AAAA-MM-JJ ou JJ/MM/AAAA)");
            }
        }
        return new ImportedOpportunity
        {
            Record = line,
            Kind = OpportunityKind.Takeover,
            SourceReference = reference,
            Title = title,
            Description = Value("description") ?? "",
            CommuneCode = commune,
            NafCode = naf,
            PriceMin = priceMin,
            PriceMax = priceMax,
            TurnoverBand = Value("tranche_ca"),
            Staff = staff,
            Premises = Value("locaux"),
            Reason = Value("motif"),
            Timeline = Value("echeance"),
            Support = support,
            SellerName = Value("contact_nom"),
            SellerEmail = email,
            SellerPhone = Value("contact_telephone"),
            ExpiresOn = expires,
        };
    }
}
