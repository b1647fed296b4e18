using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Escale.Core.Opportunities.Import;

/// <summary>
/// Reads schema.org <c>JobPosting</c> JSON-LD (https://schema.org/JobPosting): one object, an array, or a
/// <c>@graph</c>. The occupation must be given as a ROME code in <c>occupationalCategory</c>; the place by
/// <c>jobLocation.address</c> (postal code and locality, matched to a commune by the importer; the street when given).
/// </summary>
public static partial class JobPostingReader
{
    public const string RecordLabel = "offre";

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    public static async IAsyncEnumerable<ImportedOpportunity> ReadAsync(Stream stream, List<ImportError> errors,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(stream, new JsonDocumentOptions { MaxDepth = 64 }, cancellationToken);
        }
        catch (JsonException ex)
        {
            errors.Add(new ImportError(0, null,
                $"JSON mal formé (ligne {(ex.LineNumber + 1)?.ToString(CultureInfo.InvariantCulture) ?? "?"}) : le fichier est refusé") { RecordLabel = RecordLabel });
            yield break;
        }
        using (document)
        {
            var record = 0;
            foreach (var element in Postings(document.RootElement))
            {
                record++;
                yield return Map(record, element, errors);
            }
            if (record == 0)
            {
                errors.Add(new ImportError(0, "@type", "aucun objet JobPosting dans le fichier") { RecordLabel = RecordLabel });
            }
        }
    }

    private static IEnumerable<JsonElement> Postings(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in root.EnumerateArray().SelectMany(Postings))
            {
                yield return item;
            }
        }
        else if (root.ValueKind == JsonValueKind.Object)
        {
            if (root.TryGetProperty("@graph", out var graph))
            {
                foreach (var item in Postings(graph))
                {
                    yield return item;
                }
            }
            else if (Text(root, "@type") is "JobPosting")
            {
                yield return root;
            }
        }
    }

    /// <summary>The posting as far as it can be read, every problem found added to <paramref name="errors"/> (see <see cref="FranceTravailReader"/>).</summary>
    private static ImportedOpportunity Map(int record, JsonElement posting, List<ImportError> errors)
    {
        void Error(string field, string message) => errors.Add(new ImportError(record, field, message) { RecordLabel = RecordLabel });

        var reference = Identifier(posting) ?? Text(posting, "url");
        if (string.IsNullOrWhiteSpace(reference))
        {
            Error("identifier", "identifiant de l’offre manquant (identifier ou url)");
        }
        var title = Text(posting, "title");
        if (string.IsNullOrWhiteSpace(title))
        {
            Error("title", "intitulé manquant");
        }
        var rome = FranceTravailReader.Code(Occupation(posting));
        if (rome is null)
        {
            Error("occupationalCategory", "code ROME manquant (ex. M1805)");
        }
        else if (ImportCodes.RomeProblem(rome) is { } romeProblem)
        {
            Error("occupationalCategory", romeProblem);
            rome = null;
        }
        var location = First(posting, "jobLocation");
        var address = location is { } l && l.TryGetProperty("address", out var a) && a.ValueKind == JsonValueKind.Object ? a : (JsonElement?)null;
        var postalCode = address is { } ad1 ? FranceTravailReader.Value(ad1, "postalCode")?.Trim() : null;
        var locality = address is { } ad2 ? Text(ad2, "addressLocality")?.Trim() : null;
        if (string.IsNullOrWhiteSpace(postalCode) || string.IsNullOrWhiteSpace(locality))
        {
            Error("jobLocation.address", (string.IsNullOrWhiteSpace(postalCode), string.IsNullOrWhiteSpace(locality)) switch
            {
                (true, true) => "code postal et commune (postalCode, addressLocality) manquants",
                (true, false) => "code postal (postalCode) manquant",
                _ => "nom de la commune (addressLocality) manquant",
            });
            postalCode = locality = null;
        }
        var street = address is { } ad3 ? Text(ad3, "streetAddress")?.Trim() : null;
        if (street?.Length > OpportunityFields.StreetAddressMaxLength)
        {
            Error("jobLocation.address.streetAddress", $"adresse trop longue ({OpportunityFields.StreetAddressMaxLength.ToString(CultureInfo.InvariantCulture)} caractères au plus)");
        }

        var types = Texts(posting, "employmentType").Select(t => t.ToUpperInvariant()).ToList();
        ContractType? contract = types.Contains("CDD") || types.Contains("TEMPORARY") ? ContractType.Cdd
            : types.Contains("INTERIM") || types.Contains("PER_DIEM") ? ContractType.Interim
            : types.Contains("SEASONAL") ? ContractType.Seasonal
            : types.Contains("INTERN") || types.Contains("APPRENTICESHIP") ? ContractType.Apprenticeship
            : types.Contains("CONTRACTOR") ? ContractType.Liberal
            // schema.org has no permanent-contract value: a full- or part-time posting without another type is a CDI.
            : ContractType.Cdi;
        WorkingTime? workingTime = types.Contains("PART_TIME") ? WorkingTime.PartTime : types.Contains("FULL_TIME") ? WorkingTime.FullTime : null;

        int? salaryMin = null, salaryMax = null;
        if (posting.TryGetProperty("baseSalary", out var salary) && salary.ValueKind == JsonValueKind.Object)
        {
            var currency = Text(salary, "currency");
            if (currency is not null && currency != "EUR")
            {
                Error("baseSalary.currency", "seuls les salaires en euros (EUR) sont acceptés");
            }
            var value = salary.TryGetProperty("value", out var v) ? v : default;
            var unit = value.ValueKind == JsonValueKind.Object ? Text(value, "unitText") ?? "YEAR" : "YEAR";
            var factor = unit.ToUpperInvariant() switch { "MONTH" => 12m, "HOUR" => 151.67m * 12, "YEAR" => 1m, _ => -1m };
            if (factor < 0)
            {
                Error("baseSalary.value.unitText", $"unité « {unit} » inconnue (YEAR, MONTH ou HOUR)");
            }
            else
            {
                var min = value.ValueKind == JsonValueKind.Object ? Number(value, "minValue") ?? Number(value, "value") : value.ValueKind == JsonValueKind.Number ? value.GetDecimal() : null;
                var max = value.ValueKind == JsonValueKind.Object ? Number(value, "maxValue") ?? min : min;
                salaryMin = min is null ? null : (int)Math.Round(min.Value * factor);
                salaryMax = max is null ? null : (int)Math.Round(max.Value * factor);
                if (salaryMin > salaryMax)
                {
                    Error("baseSalary.value", "le salaire minimum est supérieur au maximum");
                }
            }
        }

        var organisation = posting.TryGetProperty("hiringOrganization", out var org) && org.ValueKind == JsonValueKind.Object ? org : (JsonElement?)null;
        var siret = organisation is { } o1 ? Text(o1, "taxID") ?? Identifier(o1) : null;
        if (!string.IsNullOrWhiteSpace(siret) && !Siret.IsValid(siret))
        {
            Error("hiringOrganization.taxID", $"SIRET « {siret} » invalide (14 chiffres, clé de contrôle)");
        }
        DateOnly? expires = null;
        if (FranceTravailReader.Value(posting, "validThrough") is { } through)
        {
            if (DateTimeOffset.TryParse(through, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
            {
                expires = DateOnly.FromDateTime(date.UtcDateTime);
            }
            else
            {
                Error("validThrough", $"date « {through} » illisible");
            }
        }
        var applyUrl = Text(posting, "url");
        if (applyUrl is not null && !FranceTravailReader.IsHttpUrl(applyUrl))
        {
            Error("url", "adresse web invalide");
            applyUrl = null;
        }
        return new ImportedOpportunity
        {
            Record = record,
            Kind = OpportunityKind.Job,
            SourceReference = reference?.Trim() ?? "",
            Title = title?.Trim() ?? "",
            Description = PlainText(Text(posting, "description")),
            EmployerName = organisation is { } o2 ? Text(o2, "name")?.Trim() : null,
            EmployerSiret = string.IsNullOrWhiteSpace(siret) ? null : Siret.Normalize(siret),
            PostalCode = postalCode,
            Locality = locality,
            StreetAddress = string.IsNullOrEmpty(street) ? null : street,
            RomeCode = rome,
            Contract = contract,
            WorkingTime = workingTime,
            SalaryMin = salaryMin,
            SalaryMax = salaryMax,
            Remote = Text(posting, "jobLocationType") == "TELECOMMUTE" ? RemoteWork.Full : RemoteWork.None,
            ApplyUrl = applyUrl,
            ExpiresOn = expires,
        };
    }

    /// <summary>JSON-LD descriptions are HTML: keep the text only; the portal renders opportunities as text.</summary>
    private static string PlainText(string? html) =>
        html is null ? "" : WebUtility.HtmlDecode(Tags().Replace(html.Replace("<br>", "\n", StringComparison.OrdinalIgnoreCase).Replace("</p>", "\n\n", StringComparison.OrdinalIgnoreCase), "")).Trim();

    private static string? Identifier(JsonElement element) =>
        element.TryGetProperty("identifier", out var id)
            ? id.ValueKind switch
            {
                JsonValueKind.String => id.GetString(),
                JsonValueKind.Number => id.GetRawText(),
                JsonValueKind.Object => Text(id, "value") ?? (id.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.Number ? v.GetRawText() : null),
                _ => null,
            }
            : null;

    /// <summary>The ROME code: text (or a number, a wrong value) or a schema.org CategoryCode's <c>codeValue</c>.</summary>
    private static string? Occupation(JsonElement posting) =>
        posting.TryGetProperty("occupationalCategory", out var category) && category.ValueKind == JsonValueKind.Object
            ? FranceTravailReader.Value(category, "codeValue")
            : FranceTravailReader.Value(posting, "occupationalCategory");

    private static JsonElement? First(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value)
            ? value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Cast<JsonElement?>().FirstOrDefault() : value.ValueKind == JsonValueKind.Object ? value : null
            : null;

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static IEnumerable<string> Texts(JsonElement element, string property) =>
        !element.TryGetProperty(property, out var value) ? []
        : value.ValueKind == JsonValueKind.String ? [value.GetString()!]
        : value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)
        : [];

    private static decimal? Number(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value)
            ? value.ValueKind == JsonValueKind.Number ? value.GetDecimal()
            : value.ValueKind == JsonValueKind.String && decimal.TryParse(value.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) ? parsed : null
            : null;
}
