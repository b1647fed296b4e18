using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CsvHelper;
using CsvHelper.Configuration;

namespace Escale.Core.Territories;

/// <summary>One reason a pack is refused: where (file, line, field) and why, in French for the operator.</summary>
public sealed record PackError(string File, int? Line, string? Field, string Message)
{
    public override string ToString()
    {
        var where = new StringBuilder(File);
        if (Line is { } line)
        {
            where.Append(CultureInfo.InvariantCulture, $":{line}");
        }
        if (Field is not null)
        {
            where.Append(CultureInfo.InvariantCulture, $" [{Field}]");
        }
        return $"{where} : {Message}";
    }
}

public sealed class TerritoryPackException(IReadOnlyList<PackError> errors)
    : Exception($"Le paquet de territoire est refusé ({errors.Count} erreur(s)) :" + Environment.NewLine + string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<PackError> Errors { get; } = errors;
}

/// <summary>A territory pack read from a folder and fully validated; nothing in it touches the database.</summary>
public sealed partial class TerritoryPack
{
    public const string ManifestFile = "territory.json";

    public required Territory Territory { get; init; }
    public required IReadOnlyList<Persona> Personas { get; init; }
    public required IReadOnlyList<Intercommunality> Intercommunalities { get; init; }
    /// <summary>Communes with <see cref="Commune.Intercommunality"/> set to the pack's instance (ids unset).</summary>
    public required IReadOnlyList<Commune> Communes { get; init; }
    public required IReadOnlyList<PopulationEstimate> PopulationEstimates { get; init; }
    public required IReadOnlyList<LegalPopulation> LegalPopulations { get; init; }
    /// <summary>Schools, hospitals, stations and France Services offices, each with <see cref="TerritoryService.Commune"/> set to the pack's commune.</summary>
    public required IReadOnlyList<TerritoryService> Services { get; init; }

    [GeneratedRegex("^(?:[0-9]{5}|2[AB][0-9]{3})$")]
    private static partial Regex InseeCodePattern();

    [GeneratedRegex("^[0-9]{9}$")]
    private static partial Regex SirenPattern();

    [GeneratedRegex("^population_municipale_([0-9]{4})$")]
    private static partial Regex PopulationColumnPattern();

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    /// <summary>Reads and validates the pack; throws <see cref="TerritoryPackException"/> listing every problem found.</summary>
    public static TerritoryPack Load(string folder)
    {
        var errors = new List<PackError>();
        var manifestPath = Path.Combine(folder, ManifestFile);
        if (!File.Exists(manifestPath))
        {
            throw new TerritoryPackException([new PackError(ManifestFile, null, null, $"fichier introuvable dans « {folder} »")]);
        }

        Manifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<Manifest>(File.ReadAllText(manifestPath), JsonOptions);
        }
        catch (JsonException ex)
        {
            throw new TerritoryPackException([new PackError(ManifestFile, (int?)(ex.LineNumber + 1), ex.Path, "JSON invalide : " + ex.Message)]);
        }
        if (manifest is null)
        {
            throw new TerritoryPackException([new PackError(ManifestFile, null, null, "le manifeste est vide")]);
        }

        var territory = ReadTerritory(manifest, errors);
        var personas = ReadPersonas(manifest, errors);
        var files = manifest.Files ?? new ManifestFiles();
        var fileNames = new Dictionary<string, string?>
        {
            ["files.communes"] = files.Communes,
            ["files.communeBoundaries"] = files.CommuneBoundaries,
            ["files.intercommunalities"] = files.Intercommunalities,
            ["files.intercommunalityBoundaries"] = files.IntercommunalityBoundaries,
            ["files.outline"] = files.Outline,
            ["files.populationHistory"] = files.PopulationHistory,
            ["files.legalPopulation"] = files.LegalPopulation,
        };
        // The services are optional: a pack without a services file has no such services.
        var serviceFiles = new Dictionary<string, string?>
        {
            ["files.schools"] = files.Schools,
            ["files.healthEstablishments"] = files.HealthEstablishments,
            ["files.stations"] = files.Stations,
            ["files.franceServices"] = files.FranceServices,
        };
        foreach (var (field, name) in serviceFiles.Where(f => f.Value is not null))
        {
            if (!File.Exists(Path.Combine(folder, name!)))
            {
                errors.Add(new PackError(ManifestFile, null, field, $"le fichier « {name} » est introuvable"));
            }
        }
        foreach (var (field, name) in fileNames)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                errors.Add(new PackError(ManifestFile, null, field, "nom de fichier manquant"));
            }
            else if (!File.Exists(Path.Combine(folder, name)))
            {
                errors.Add(new PackError(ManifestFile, null, field, $"le fichier « {name} » est introuvable"));
            }
        }
        if (errors.Count > 0)
        {
            throw new TerritoryPackException(errors);
        }

        var epciBoundaries = ReadFeatures(folder, files.IntercommunalityBoundaries!, "epci_siren", errors);
        var communeBoundaries = ReadFeatures(folder, files.CommuneBoundaries!, "code_insee", errors);
        var outline = ReadOutline(folder, files.Outline!, errors);
        var intercommunalities = ReadIntercommunalities(folder, files.Intercommunalities!, epciBoundaries, errors);
        var communes = ReadCommunes(folder, files.Communes!, intercommunalities, communeBoundaries, errors);
        var estimates = ReadPopulationHistory(folder, files.PopulationHistory!, territory?.Code, errors);
        var legal = ReadLegalPopulation(folder, files.LegalPopulation!, errors);
        var communesByCode = communes.Where(c => c.InseeCode.Length > 0).DistinctBy(c => c.InseeCode).ToDictionary(c => c.InseeCode, StringComparer.Ordinal);
        var services = new List<TerritoryService>();
        if (files.Schools is not null)
        {
            services.AddRange(ReadSchools(folder, files.Schools, communesByCode, errors));
        }
        if (files.HealthEstablishments is not null)
        {
            services.AddRange(ReadHealthEstablishments(folder, files.HealthEstablishments, communesByCode, errors));
        }
        if (files.Stations is not null)
        {
            services.AddRange(ReadStations(folder, files.Stations, communesByCode, errors));
        }
        if (files.FranceServices is not null)
        {
            services.AddRange(ReadFranceServices(folder, files.FranceServices, communesByCode, errors));
        }

        if (errors.Count > 0 || territory is null)
        {
            throw new TerritoryPackException(errors);
        }
        territory.OutlineGeoJson = outline ?? "";
        return new TerritoryPack
        {
            Territory = territory,
            Personas = personas,
            Intercommunalities = intercommunalities.Values.ToList(),
            Communes = communes,
            PopulationEstimates = estimates,
            LegalPopulations = legal,
            Services = services,
        };
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private static Territory? ReadTerritory(Manifest manifest, List<PackError> errors)
    {
        Require(manifest.Code, "code", errors);
        Require(manifest.Name, "name", errors);
        Require(manifest.Contact?.Email, "contact.email", errors);
        Require(manifest.Contact?.Phone, "contact.phone", errors);
        var positioning = Text(manifest.Brand?.Positioning, "brand.positioning", errors);
        if (manifest.Population is null || manifest.Population.LegalYear < 1900)
        {
            errors.Add(new PackError(ManifestFile, null, "population.legalYear", "année de population légale manquante ou invalide"));
        }
        if (string.IsNullOrWhiteSpace(manifest.Code) || string.IsNullOrWhiteSpace(manifest.Name)
            || string.IsNullOrWhiteSpace(manifest.Contact?.Email) || string.IsNullOrWhiteSpace(manifest.Contact?.Phone))
        {
            return null;
        }
        return new Territory
        {
            Code = manifest.Code.Trim(),
            Name = manifest.Name.Trim(),
            Kind = Text(manifest.Kind, "kind", errors),
            LegalPopulationYear = manifest.Population?.LegalYear ?? 0,
            LegalPopulationInForceYear = manifest.Population?.InForceYear ?? 0,
            Positioning = positioning,
            Promise = Text(manifest.Brand?.Promise, "brand.promise", errors),
            Values = Texts(manifest.Brand?.Values, "brand.values", errors),
            Dna = Texts(manifest.Brand?.Dna, "brand.dna", errors),
            ContactOrganisation = Text(manifest.Contact?.Organisation, "contact.organisation", errors),
            ContactEmail = manifest.Contact!.Email!.Trim(),
            ContactPhone = manifest.Contact.Phone!.Trim(),
            ContactPhoneInternational = manifest.Contact.PhoneInternational?.Trim(),
            OutlineGeoJson = "",
        };
    }

    private static List<Persona> ReadPersonas(Manifest manifest, List<PackError> errors)
    {
        var personas = new List<Persona>();
        var list = manifest.Personas ?? [];
        if (list.Count == 0)
        {
            errors.Add(new PackError(ManifestFile, null, "personas", "au moins une cible (persona) est requise"));
        }
        var slugs = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < list.Count; i++)
        {
            var p = list[i];
            var at = $"personas[{i}]";
            if (string.IsNullOrWhiteSpace(p.Slug) || !SlugPattern().IsMatch(p.Slug))
            {
                errors.Add(new PackError(ManifestFile, null, at + ".slug", "identifiant d’URL manquant ou invalide (minuscules, chiffres et tirets)"));
                continue;
            }
            if (!slugs.Add(p.Slug))
            {
                errors.Add(new PackError(ManifestFile, null, at + ".slug", $"« {p.Slug} » est en double"));
            }
            personas.Add(new Persona
            {
                Slug = p.Slug,
                Key = string.IsNullOrWhiteSpace(p.Key) ? p.Slug : p.Key,
                Position = i,
                Name = Text(p.Name, at + ".name", errors),
                Entry = Text(p.Entry, at + ".entry", errors),
                Summary = Text(p.Summary, at + ".summary", errors),
                Body = Text(p.Body, at + ".body", errors),
                Needs = Texts(p.Needs, at + ".needs", errors),
            });
        }
        return personas;
    }

    private static void Require(string? value, string field, List<PackError> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new PackError(ManifestFile, null, field, "valeur manquante"));
        }
    }

    private static LocalizedText Text(ManifestText? text, string field, List<PackError> errors)
    {
        if (text is null || string.IsNullOrWhiteSpace(text.Fr))
        {
            errors.Add(new PackError(ManifestFile, null, field + ".fr", "texte français manquant"));
            return new LocalizedText();
        }
        return new LocalizedText { Fr = text.Fr.Trim(), En = string.IsNullOrWhiteSpace(text.En) ? null : text.En.Trim() };
    }

    private static List<LocalizedText> Texts(List<ManifestText>? texts, string field, List<PackError> errors) =>
        (texts ?? []).Select((t, i) => Text(t, $"{field}[{i}]", errors)).ToList();

    private static Dictionary<string, string> ReadFeatures(string folder, string file, string keyProperty, List<PackError> errors)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, file)));
            if (!document.RootElement.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
            {
                errors.Add(new PackError(file, null, "features", "une FeatureCollection GeoJSON est attendue"));
                return result;
            }
            var index = 0;
            foreach (var feature in features.EnumerateArray())
            {
                var at = $"features[{index++}]";
                if (!feature.TryGetProperty("properties", out var properties)
                    || !properties.TryGetProperty(keyProperty, out var key) || key.ValueKind != JsonValueKind.String)
                {
                    errors.Add(new PackError(file, null, $"{at}.properties.{keyProperty}", "propriété manquante"));
                    continue;
                }
                if (!feature.TryGetProperty("geometry", out var geometry) || geometry.ValueKind != JsonValueKind.Object)
                {
                    errors.Add(new PackError(file, null, $"{at}.geometry", "géométrie manquante"));
                    continue;
                }
                if (!result.TryAdd(key.GetString()!, geometry.GetRawText()))
                {
                    errors.Add(new PackError(file, null, $"{at}.properties.{keyProperty}", $"« {key.GetString()} » est en double"));
                }
            }
        }
        catch (JsonException ex)
        {
            errors.Add(new PackError(file, (int?)(ex.LineNumber + 1), ex.Path, "JSON invalide : " + ex.Message));
        }
        return result;
    }

    private static string? ReadOutline(string folder, string file, List<PackError> errors)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, file)));
            if (document.RootElement.TryGetProperty("features", out var features) && features.ValueKind == JsonValueKind.Array
                && features.GetArrayLength() > 0 && features[0].TryGetProperty("geometry", out var geometry))
            {
                return geometry.GetRawText();
            }
            errors.Add(new PackError(file, null, "features", "une FeatureCollection avec au moins une géométrie est attendue"));
        }
        catch (JsonException ex)
        {
            errors.Add(new PackError(file, (int?)(ex.LineNumber + 1), ex.Path, "JSON invalide : " + ex.Message));
        }
        return null;
    }

    /// <summary>Reads a CSV whose header names the columns; gives each row with its physical line number.</summary>
    private static IEnumerable<CsvRow> ReadCsv(string folder, string file, IReadOnlyList<string> requiredColumns, List<PackError> errors)
    {
        using var reader = new StreamReader(Path.Combine(folder, file), new UTF8Encoding(false, throwOnInvalidBytes: true));
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { TrimOptions = TrimOptions.Trim });
        string[] header;
        try
        {
            if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is null)
            {
                errors.Add(new PackError(file, 1, null, "ligne d’en-tête manquante"));
                yield break;
            }
            header = csv.HeaderRecord;
        }
        catch (DecoderFallbackException)
        {
            errors.Add(new PackError(file, 1, null, "le fichier n’est pas en UTF-8"));
            yield break;
        }
        var missing = requiredColumns.Where(c => !header.Contains(c, StringComparer.Ordinal)).ToList();
        foreach (var column in missing)
        {
            errors.Add(new PackError(file, 1, column, "colonne manquante dans l’en-tête"));
        }
        if (missing.Count > 0)
        {
            yield break;
        }
        while (true)
        {
            bool more;
            try
            {
                more = csv.Read();
            }
            catch (Exception ex) when (ex is DecoderFallbackException or CsvHelperException)
            {
                errors.Add(new PackError(file, csv.Parser.RawRow, null, ex is DecoderFallbackException ? "caractères invalides (le fichier doit être en UTF-8)" : "ligne CSV illisible"));
                yield break;
            }
            if (!more)
            {
                yield break;
            }
            yield return new CsvRow(file, csv.Parser.RawRow, header, csv.Parser.Record ?? [], errors);
        }
    }

    private sealed class CsvRow(string file, int line, string[] header, string[] values, List<PackError> errors)
    {
        public int Line => line;
        public IEnumerable<string> Columns => header;

        public string? Optional(string column)
        {
            var index = Array.IndexOf(header, column);
            return index >= 0 && index < values.Length && !string.IsNullOrWhiteSpace(values[index]) ? values[index].Trim() : null;
        }

        public string Text(string column)
        {
            var value = Optional(column);
            if (value is null)
            {
                Error(column, "valeur manquante");
                return "";
            }
            return value;
        }

        public string Matching(string column, Regex pattern, string expected)
        {
            var value = Text(column);
            if (value.Length > 0 && !pattern.IsMatch(value))
            {
                Error(column, $"« {value} » n’est pas {expected}");
            }
            return value;
        }

        public int Integer(string column)
        {
            var value = Text(column);
            if (value.Length == 0)
            {
                return 0;
            }
            if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) || number < 0)
            {
                Error(column, $"« {value} » n’est pas un nombre entier positif");
                return 0;
            }
            return number;
        }

        public double Decimal(string column, double min, double max)
        {
            var value = Text(column);
            if (value.Length == 0)
            {
                return 0;
            }
            if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || number < min || number > max)
            {
                Error(column, $"« {value} » n’est pas un nombre entre {min.ToString(CultureInfo.InvariantCulture)} et {max.ToString(CultureInfo.InvariantCulture)}");
                return 0;
            }
            return number;
        }

        /// <summary>A 1/0 indicator; empty reads as 0 (the data leaves it empty where it does not apply).</summary>
        public bool Flag(string column)
        {
            var value = Optional(column);
            if (value is null or "0")
            {
                return false;
            }
            if (value != "1")
            {
                Error(column, $"« {value} » n’est pas 1 ou 0");
            }
            return value == "1";
        }

        public Commune? FindCommune(string column, Dictionary<string, Commune> communes)
        {
            var code = Matching(column, InseeCodePattern(), "un code INSEE de commune");
            if (code.Length == 0)
            {
                return null;
            }
            if (!communes.TryGetValue(code, out var commune))
            {
                Error(column, $"la commune {code} n’est pas dans le fichier des communes");
            }
            return commune;
        }

        public void Error(string column, string message) => errors.Add(new PackError(file, line, column, message));
    }

    private static Dictionary<string, Intercommunality> ReadIntercommunalities(
        string folder, string file, Dictionary<string, string> boundaries, List<PackError> errors)
    {
        var result = new Dictionary<string, Intercommunality>(StringComparer.Ordinal);
        var slugs = new HashSet<string>(StringComparer.Ordinal);
        string[] columns = ["epci_siren", "epci_nom", "nature_juridique", "dep_siege", "nb_membres_total", "nb_membres_dans_le_territoire", "population_municipale_partie_territoire"];
        foreach (var row in ReadCsv(folder, file, columns, errors))
        {
            var siren = row.Matching("epci_siren", SirenPattern(), "un SIREN à 9 chiffres");
            var name = row.Text("epci_nom");
            var epci = new Intercommunality
            {
                Siren = siren,
                Name = name,
                Slug = Slug.From(name),
                Nature = row.Text("nature_juridique"),
                SeatDepartment = row.Text("dep_siege"),
                MemberCount = row.Integer("nb_membres_total"),
                MemberCountInTerritory = row.Integer("nb_membres_dans_le_territoire"),
                PopulationInTerritory = row.Integer("population_municipale_partie_territoire"),
                BoundaryGeoJson = "",
            };
            epci.WhollyInTerritory = epci.MemberCount == epci.MemberCountInTerritory;
            if (siren.Length == 0)
            {
                continue;
            }
            if (!boundaries.TryGetValue(siren, out var boundary))
            {
                row.Error("epci_siren", $"aucun contour pour l’intercommunalité {siren} dans le fichier de contours");
            }
            epci.BoundaryGeoJson = boundary ?? "";
            if (!result.TryAdd(siren, epci))
            {
                row.Error("epci_siren", $"« {siren} » est en double");
            }
            if (epci.Slug.Length > 0 && !slugs.Add(epci.Slug))
            {
                row.Error("epci_nom", $"« {name} » donne la même adresse qu’une autre intercommunalité");
            }
        }
        return result;
    }

    private static List<Commune> ReadCommunes(string folder, string file, Dictionary<string, Intercommunality> intercommunalities,
        Dictionary<string, string> boundaries, List<PackError> errors)
    {
        var result = new List<Commune>();
        var codes = new HashSet<string>(StringComparer.Ordinal);
        string[] columns = ["code_insee", "nom", "codes_postaux", "epci_siren", "superficie_km2", "centroid_lat", "centroid_lon"];
        foreach (var row in ReadCsv(folder, file, columns, errors))
        {
            var populationColumns = row.Columns
                .Select(c => (Column: c, Match: PopulationColumnPattern().Match(c)))
                .Where(c => c.Match.Success)
                .Select(c => (c.Column, Year: int.Parse(c.Match.Groups[1].Value, CultureInfo.InvariantCulture)))
                .OrderBy(c => c.Year)
                .ToList();
            if (populationColumns.Count == 0)
            {
                row.Error("population_municipale_AAAA", "aucune colonne de population municipale");
                return result;
            }
            var code = row.Matching("code_insee", InseeCodePattern(), "un code INSEE de commune");
            var name = row.Text("nom");
            var siren = row.Text("epci_siren");
            var history = populationColumns.Select(c => new PopulationPoint { Year = c.Year, Population = row.Integer(c.Column) }).ToList();
            var commune = new Commune
            {
                InseeCode = code,
                Name = name,
                Slug = Slug.From(name),
                PostalCodes = row.Text("codes_postaux"),
                Population = history[^1].Population,
                PopulationHistory = history,
                AreaKm2 = row.Decimal("superficie_km2", 0, 100_000),
                Latitude = row.Decimal("centroid_lat", -90, 90),
                Longitude = row.Decimal("centroid_lon", -180, 180),
                BoundaryGeoJson = "",
            };
            if (siren.Length > 0)
            {
                if (intercommunalities.TryGetValue(siren, out var epci))
                {
                    commune.Intercommunality = epci;
                }
                else
                {
                    row.Error("epci_siren", $"l’intercommunalité {siren} n’est pas dans le fichier des intercommunalités");
                }
            }
            if (code.Length > 0)
            {
                if (!codes.Add(code))
                {
                    row.Error("code_insee", $"« {code} » est en double");
                }
                if (boundaries.TryGetValue(code, out var boundary))
                {
                    commune.BoundaryGeoJson = boundary;
                }
                else
                {
                    row.Error("code_insee", $"aucun contour pour la commune {code} dans le fichier de contours");
                }
            }
            result.Add(commune);
        }
        if (result.Count == 0 && !errors.Any(e => e.File == file))
        {
            errors.Add(new PackError(file, null, null, "aucune commune"));
        }
        return result;
    }

    private static List<PopulationEstimate> ReadPopulationHistory(string folder, string file, string? territoryCode, List<PackError> errors)
    {
        var result = new List<PopulationEstimate>();
        var keys = new HashSet<(string, int)>();
        string[] columns = ["annee", "geo_code", "geo_nom", "population", "moins_20", "de_20_a_59", "plus_60", "plus_65", "plus_75"];
        foreach (var row in ReadCsv(folder, file, columns, errors))
        {
            var estimate = new PopulationEstimate
            {
                Year = row.Integer("annee"),
                AreaCode = row.Text("geo_code"),
                AreaName = row.Text("geo_nom"),
                Total = row.Integer("population"),
                Under20 = row.Integer("moins_20"),
                From20To59 = row.Integer("de_20_a_59"),
                Over60 = row.Integer("plus_60"),
                Over65 = row.Integer("plus_65"),
                Over75 = row.Integer("plus_75"),
            };
            if (estimate.Under20 + estimate.From20To59 + estimate.Over60 != estimate.Total)
            {
                row.Error("population", "la somme des tranches d’âge (moins_20 + de_20_a_59 + plus_60) ne donne pas la population");
            }
            if (!keys.Add((estimate.AreaCode, estimate.Year)))
            {
                row.Error("annee", $"l’année {estimate.Year} est en double pour {estimate.AreaCode}");
            }
            result.Add(estimate);
        }
        if (territoryCode is not null && result.Count > 0 && !result.Any(r => r.AreaCode == territoryCode))
        {
            errors.Add(new PackError(file, null, "geo_code", $"aucune ligne pour le territoire {territoryCode}"));
        }
        return result;
    }

    private static List<LegalPopulation> ReadLegalPopulation(string folder, string file, List<PackError> errors)
    {
        string[] columns = ["millesime", "en_vigueur_au_1er_janvier", "nb_communes", "population_municipale", "population_totale"];
        return ReadCsv(folder, file, columns, errors).Select(row => new LegalPopulation
        {
            Millesime = row.Integer("millesime"),
            InForceYear = row.Integer("en_vigueur_au_1er_janvier"),
            CommuneCount = row.Integer("nb_communes"),
            MunicipalPopulation = row.Integer("population_municipale"),
            TotalPopulation = row.Integer("population_totale"),
        }).ToList();
    }

    private static List<TerritoryService> ReadSchools(string folder, string file, Dictionary<string, Commune> communes, List<PackError> errors)
    {
        var result = new List<TerritoryService>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        string[] columns = ["uai", "nom", "type_etablissement", "statut_public_prive", "ecole_maternelle", "ecole_elementaire", "adresse_1", "adresse_2",
            "adresse_3", "code_postal", "code_insee", "nom_commune", "latitude", "longitude", "telephone", "mail", "etablissement_mere", "multi_uai"];
        foreach (var row in ReadCsv(folder, file, columns, errors))
        {
            var type = row.Text("type_etablissement");
            // A lycée's section (SEP, SGT) shares the site of its parent lycée: it is not another school to go to.
            var level = type switch
            {
                "Ecole" => (row.Flag("ecole_maternelle") ? SchoolLevels.Preschool : SchoolLevels.None)
                    | (row.Flag("ecole_elementaire") ? SchoolLevels.Elementary : SchoolLevels.None),
                "Collège" => SchoolLevels.MiddleSchool,
                "Lycée" when row.Optional("etablissement_mere") is null => SchoolLevels.HighSchool,
                _ => SchoolLevels.None,
            };
            if (level == SchoolLevels.None)
            {
                if (type == "Ecole")
                {
                    row.Error("ecole_maternelle", "une école doit être maternelle, élémentaire ou les deux (1 dans ecole_maternelle ou ecole_elementaire)");
                }
                continue;
            }
            var uai = row.Matching("uai", UaiPattern(), "un code UAI (7 chiffres et une lettre)");
            var commune = row.FindCommune("code_insee", communes);
            // One UAI may have several sites (multi_uai): each site is its own row, told apart by its commune's name.
            var key = row.Flag("multi_uai") ? $"{uai}-{Slug.From(row.Text("nom_commune"))}" : uai;
            if (uai.Length > 0 && !keys.Add(key))
            {
                row.Error("uai", $"« {uai} » est en double");
            }
            var town = row.Optional("adresse_3") ?? string.Join(' ', new[] { row.Optional("code_postal"), row.Optional("nom_commune") }.OfType<string>());
            result.Add(new TerritoryService
            {
                Kind = TerritoryServiceKind.School,
                SourceKey = key,
                Name = row.Text("nom"),
                Commune = commune,
                SchoolLevels = level,
                IsPrivate = row.Text("statut_public_prive") == "Privé",
                Latitude = row.Decimal("latitude", -90, 90),
                Longitude = row.Decimal("longitude", -180, 180),
                Address = JoinAddress(row.Optional("adresse_1"), row.Optional("adresse_2"), town),
                Phone = row.Optional("telephone"),
                Email = row.Optional("mail"),
            });
        }
        return result;
    }

    private static List<TerritoryService> ReadHealthEstablishments(string folder, string file, Dictionary<string, Commune> communes, List<PackError> errors)
    {
        var result = new List<TerritoryService>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        string[] columns = ["finess_et", "nom", "adresse", "code_postal", "libelle_acheminement", "code_insee", "urgences_generales", "perinatalite"];
        foreach (var row in ReadCsv(folder, file, columns, errors))
        {
            var finess = row.Matching("finess_et", FinessPattern(), "un numéro FINESS à 9 caractères");
            if (finess.Length > 0 && !keys.Add(finess))
            {
                row.Error("finess_et", $"« {finess} » est en double");
            }
            var commune = row.FindCommune("code_insee", communes);
            // The SAE gives addresses, not positions: the point is the commune's centre (PROVENANCE.md says so).
            result.Add(new TerritoryService
            {
                Kind = TerritoryServiceKind.HealthEstablishment,
                SourceKey = finess,
                Name = row.Text("nom"),
                Commune = commune,
                Latitude = commune?.Latitude ?? 0,
                Longitude = commune?.Longitude ?? 0,
                AtCommuneCentre = true,
                Address = JoinAddress(row.Optional("adresse"), $"{row.Text("code_postal")} {row.Text("libelle_acheminement")}"),
                HasEmergencyDepartment = row.Flag("urgences_generales"),
                // TYPE1 to TYPE3 are maternity units; a CPPR (centre périnatal de proximité) has no deliveries.
                HasMaternity = row.Optional("perinatalite")?.StartsWith("TYPE", StringComparison.Ordinal) == true,
            });
        }
        return result;
    }

    private static List<TerritoryService> ReadStations(string folder, string file, Dictionary<string, Commune> communes, List<PackError> errors)
    {
        var result = new List<TerritoryService>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        string[] columns = ["nom_gare", "code_uic", "code_insee", "latitude", "longitude"];
        foreach (var row in ReadCsv(folder, file, columns, errors))
        {
            var uic = row.Matching("code_uic", UicPattern(), "un code UIC à 8 chiffres");
            if (uic.Length > 0 && !keys.Add(uic))
            {
                row.Error("code_uic", $"« {uic} » est en double");
            }
            result.Add(new TerritoryService
            {
                Kind = TerritoryServiceKind.Station,
                SourceKey = uic,
                Name = row.Text("nom_gare"),
                Commune = row.FindCommune("code_insee", communes),
                Latitude = row.Decimal("latitude", -90, 90),
                Longitude = row.Decimal("longitude", -180, 180),
            });
        }
        return result;
    }

    private static List<TerritoryService> ReadFranceServices(string folder, string file, Dictionary<string, Commune> communes, List<PackError> errors)
    {
        var result = new List<TerritoryService>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        (string Column, DayOfWeek Day)[] days =
            [("h_lundi", DayOfWeek.Monday), ("h_mardi", DayOfWeek.Tuesday), ("h_mercredi", DayOfWeek.Wednesday),
             ("h_jeudi", DayOfWeek.Thursday), ("h_vendredi", DayOfWeek.Friday), ("h_samedi", DayOfWeek.Saturday)];
        string[] columns = ["id_fs", "lib_fs", "adresse", "complement_adresse", "insee_com", "code_postal", "lib_com", "latitude", "longitude",
            "mail", "telephone", "prise_rdv", "commentaire", .. days.Select(d => d.Column)];
        foreach (var row in ReadCsv(folder, file, columns, errors))
        {
            var id = row.Text("id_fs");
            if (id.Length > 0 && !keys.Add(id))
            {
                row.Error("id_fs", $"« {id} » est en double");
            }
            result.Add(new TerritoryService
            {
                Kind = TerritoryServiceKind.FranceServices,
                SourceKey = id,
                Name = row.Text("lib_fs"),
                Commune = row.FindCommune("insee_com", communes),
                Latitude = row.Decimal("latitude", -90, 90),
                Longitude = row.Decimal("longitude", -180, 180),
                Address = JoinAddress(row.Optional("adresse"), row.Optional("complement_adresse"), $"{row.Text("code_postal")} {row.Text("lib_com")}"),
                Phone = row.Optional("telephone"),
                Email = row.Optional("mail"),
                ByAppointment = row.Optional("prise_rdv") == "Oui",
                Note = row.Optional("commentaire"),
                OpeningHours = days.Where(d => row.Optional(d.Column) is not null)
                    .Select(d => new OpeningHours { Day = d.Day, Hours = row.Optional(d.Column)! }).ToList(),
            });
        }
        return result;
    }

    private static string JoinAddress(params string?[] lines) => string.Join(", ", lines.Where(l => !string.IsNullOrWhiteSpace(l)));

    [GeneratedRegex("^[0-9]{7}[A-Z]$")]
    private static partial Regex UaiPattern();

    [GeneratedRegex("^[0-9][0-9AB][0-9]{7}$")]
    private static partial Regex FinessPattern();

    [GeneratedRegex("^[0-9]{8}$")]
    private static partial Regex UicPattern();

    private sealed class Manifest
    {
        public string? Code { get; set; }
        public string? Name { get; set; }
        public ManifestText? Kind { get; set; }
        public ManifestPopulation? Population { get; set; }
        public ManifestBrand? Brand { get; set; }
        public ManifestContact? Contact { get; set; }
        public List<ManifestPersona>? Personas { get; set; }
        public ManifestFiles? Files { get; set; }
    }

    private sealed class ManifestText
    {
        public string? Fr { get; set; }
        public string? En { get; set; }
    }

    private sealed class ManifestPopulation
    {
        public int LegalYear { get; set; }
        public int InForceYear { get; set; }
    }

    private sealed class ManifestBrand
    {
        public ManifestText? Positioning { get; set; }
        public ManifestText? Promise { get; set; }
        public List<ManifestText>? Values { get; set; }
        public List<ManifestText>? Dna { get; set; }
    }

    private sealed class ManifestContact
    {
        public ManifestText? Organisation { get; set; }
        public string? Email { get; set; }
        public string? Phone { get; set; }
        public string? PhoneInternational { get; set; }
    }

    private sealed class ManifestPersona
    {
        public string? Slug { get; set; }
        public string? Key { get; set; }
        public ManifestText? Name { get; set; }
        public ManifestText? Entry { get; set; }
        public ManifestText? Summary { get; set; }
        public ManifestText? Body { get; set; }
        public List<ManifestText>? Needs { get; set; }
    }

    private sealed class ManifestFiles
    {
        public string? Communes { get; set; }
        public string? CommuneBoundaries { get; set; }
        public string? Intercommunalities { get; set; }
        public string? IntercommunalityBoundaries { get; set; }
        public string? Outline { get; set; }
        public string? PopulationHistory { get; set; }
        public string? LegalPopulation { get; set; }
        public string? Schools { get; set; }
        public string? HealthEstablishments { get; set; }
        public string? Stations { get; set; }
        public string? FranceServices { get; set; }
    }
}
