using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Escale.Core.Opportunities.Import;

/// <summary>
/// Reads job opportunities in the JSON of France Travail's "offres d'emploi v2" API: a JSON array of opportunities,
/// the API's response object (<c>{"resultats": [...]}</c>, one or several pages one after the other), or
/// one opportunity per line. Streams arrays, so a 100,000-offer file is never held whole in memory.
/// </summary>
public static class FranceTravailReader
{
    public const string RecordLabel = "offre";

    public static async IAsyncEnumerable<ImportedOpportunity> ReadAsync(Stream stream, List<ImportError> errors,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var first = await FirstSignificantByteAsync(stream, cancellationToken);
        var options = new JsonSerializerOptions { MaxDepth = 32 };
        var record = 0;
        IAsyncEnumerator<JsonElement?> elements = first == '['
            ? JsonSerializer.DeserializeAsyncEnumerable<JsonElement?>(stream, options, cancellationToken).GetAsyncEnumerator(cancellationToken)
            : Flatten(JsonSerializer.DeserializeAsyncEnumerable<JsonElement?>(stream, topLevelValues: true, options, cancellationToken)).GetAsyncEnumerator(cancellationToken);
        await using (elements)
        {
            while (true)
            {
                JsonElement? element;
                try
                {
                    if (!await elements.MoveNextAsync())
                    {
                        break;
                    }
                    element = elements.Current;
                }
                catch (JsonException ex)
                {
                    errors.Add(new ImportError(record + 1, null,
                        $"JSON mal formé (ligne {(ex.LineNumber + 1)?.ToString(CultureInfo.InvariantCulture) ?? "?"}) : le fichier est refusé") { RecordLabel = RecordLabel });
                    yield break;
                }
                record++;
                var opportunity = Map(record, element, errors);
                if (opportunity is not null)
                {
                    yield return opportunity;
                }
            }
        }
        if (record == 0 && errors.Count == 0)
        {
            errors.Add(new ImportError(0, null, "le fichier ne contient aucune offre") { RecordLabel = RecordLabel });
        }
    }

    private static async IAsyncEnumerable<JsonElement?> Flatten(IAsyncEnumerable<JsonElement?> values)
    {
        await foreach (var value in values)
        {
            if (value is { ValueKind: JsonValueKind.Object } page && page.TryGetProperty("resultats", out var results) && results.ValueKind == JsonValueKind.Array)
            {
                foreach (var opportunity in results.EnumerateArray())
                {
                    yield return opportunity;
                }
            }
            else
            {
                yield return value;
            }
        }
    }

    private static async Task<int> FirstSignificantByteAsync(Stream stream, CancellationToken cancellationToken)
    {
        if (!stream.CanSeek)
        {
            throw new ArgumentException("The import stream must be seekable.", nameof(stream));
        }
        var buffer = new byte[512];
        var read = await stream.ReadAsync(buffer, cancellationToken);
        stream.Position = 0;
        var start = read >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0;
        for (var i = start; i < read; i++)
        {
            if (buffer[i] is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return buffer[i];
            }
        }
        return -1;
    }

    /// <summary>
    /// The record as far as it can be read, every problem found added to <paramref name="errors"/>: a record with an
    /// error is still checked by the importer (commune, ROME, dates, duplicates), so that the report lists them all.
    /// </summary>
    private static ImportedOpportunity? Map(int record, JsonElement? element, List<ImportError> errors)
    {
        void Error(string? field, string message) => errors.Add(new ImportError(record, field, message) { RecordLabel = RecordLabel });

        if (element is not { ValueKind: JsonValueKind.Object } opportunity)
        {
            Error(null, "une offre doit être un objet JSON");
            return null;
        }
        var id = Value(opportunity, "id");
        var title = Text(opportunity, "intitule");
        if (string.IsNullOrWhiteSpace(id))
        {
            Error("id", "identifiant de l’offre manquant");
        }
        if (string.IsNullOrWhiteSpace(title))
        {
            Error("intitule", "intitulé manquant");
        }
        var place = Object(opportunity, "lieuTravail");
        var commune = Code(place is { } p ? Value(p, "commune") : null);
        if (commune is null)
        {
            Error("lieuTravail.commune", "code INSEE de la commune manquant");
        }
        else if (ImportCodes.CommuneProblem(commune) is { } communeProblem)
        {
            Error("lieuTravail.commune", communeProblem);
            commune = null;
        }
        var rome = Code(Value(opportunity, "romeCode"));
        if (rome is null)
        {
            Error("romeCode", "code ROME manquant");
        }
        else if (ImportCodes.RomeProblem(rome) is { } romeProblem)
        {
            Error("romeCode", romeProblem);
            rome = null;
        }

        ContractType? contract = null;
        var contractCode = Text(opportunity, "typeContrat");
        if (Bool(opportunity, "alternance") == true)
        {
            contract = ContractType.Apprenticeship;
        }
        else if (!string.IsNullOrWhiteSpace(contractCode))
        {
            contract = contractCode.Trim().ToUpperInvariant() switch
            {
                "CDI" or "DIN" => ContractType.Cdi,
                "CDD" or "DDI" or "DDT" => ContractType.Cdd,
                "MIS" or "TTI" => ContractType.Interim,
                "SAI" => ContractType.Seasonal,
                "LIB" or "FRA" => ContractType.Liberal,
                _ => null,
            };
            if (contract is null)
            {
                Error("typeContrat", $"type de contrat « {contractCode} » inconnu");
            }
        }
        else
        {
            Error("typeContrat", "type de contrat manquant");
        }

        int? salaryMin = null, salaryMax = null;
        if (Object(opportunity, "salaire") is { } salary && Text(salary, "libelle") is { } salaryText)
        {
            if (SalaryText.TryParse(salaryText, out salaryMin, out salaryMax) && salaryMin > salaryMax)
            {
                Error("salaire.libelle", "le salaire minimum est supérieur au maximum");
            }
        }

        var employer = Object(opportunity, "entreprise");
        var siret = employer is { } e ? Text(e, "siret") : null;
        if (!string.IsNullOrWhiteSpace(siret) && !Siret.IsValid(siret))
        {
            Error("entreprise.siret", $"SIRET « {siret} » invalide (14 chiffres, clé de contrôle)");
        }
        var contact = Object(opportunity, "contact");
        var applyUrl = contact is { } c1 ? Text(c1, "urlPostulation") : null;
        applyUrl ??= Object(opportunity, "origineOffre") is { } origin ? Text(origin, "urlOrigine") : null;
        if (applyUrl is not null && !IsHttpUrl(applyUrl))
        {
            Error("contact.urlPostulation", "adresse web invalide");
            applyUrl = null;
        }
        var workingTime = Text(opportunity, "dureeTravailLibelleConverti") switch
        {
            "Temps plein" => WorkingTime.FullTime,
            "Temps partiel" => WorkingTime.PartTime,
            _ => (WorkingTime?)null,
        };
        DateOnly? expires = null;
        if (Value(opportunity, "dateFinValidite") is { } expiry)
        {
            if (DateTimeOffset.TryParse(expiry, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
            {
                expires = DateOnly.FromDateTime(date.UtcDateTime);
            }
            else
            {
                Error("dateFinValidite", $"date « {expiry} » illisible");
            }
        }
        return new ImportedOpportunity
        {
            Record = record,
            Kind = OpportunityKind.Job,
            SourceReference = id?.Trim() ?? "",
            Title = title?.Trim() ?? "",
            Description = Text(opportunity, "description")?.Trim() ?? "",
            EmployerName = employer is { } e2 ? Text(e2, "nom")?.Trim() : null,
            EmployerSiret = string.IsNullOrWhiteSpace(siret) ? null : Siret.Normalize(siret),
            CommuneCode = commune,
            PostalCode = place is { } p2 ? Text(p2, "codePostal") : null,
            RomeCode = rome,
            Contract = contract,
            WorkingTime = workingTime,
            SalaryMin = salaryMin,
            SalaryMax = salaryMax,
            OpenToDisabledWorkers = Bool(opportunity, "accessibleTH") == true,
            HowToApply = contact is { } c2 ? string.Join(" — ", new[] { Text(c2, "nom"), Text(c2, "coordonnees1"), Text(c2, "commentaire") }.Where(s => !string.IsNullOrWhiteSpace(s))) : null,
            ApplyUrl = applyUrl,
            ApplyEmail = contact is { } c3 ? Text(c3, "courriel") : null,
            ExpiresOn = expires,
        };
    }

    internal static bool IsHttpUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>A code as stored, trimmed and in upper case; null when blank.</summary>
    internal static string? Code(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim().ToUpperInvariant();

    /// <summary>A code or date given as a string or, by some producers, as a number or another JSON value: its text, so that a wrong value is not taken for a missing one.</summary>
    internal static string? Value(JsonElement element, string property) =>
        !element.TryGetProperty(property, out var value) ? null
        : value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            _ => value.GetRawText(),
        };

    private static bool? Bool(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : null;

    private static JsonElement? Object(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Object ? value : null;
}
