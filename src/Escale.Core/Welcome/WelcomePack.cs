using System.Text.Json;
using System.Text.RegularExpressions;
using Escale.Core.Data;
using Escale.Core.Identity;
using Escale.Core.Territories;
using Microsoft.EntityFrameworkCore;

namespace Escale.Core.Welcome;

/// <summary>The welcome organisations and the first-response commitment, read from the territory pack's <c>welcome.json</c>.</summary>
public sealed partial class WelcomePack
{
    public const string FileName = "welcome.json";

    public required int FirstResponseWorkingDays { get; init; }
    public required string IntercommunalityServiceName { get; init; }
    public required IReadOnlyList<WelcomePackOrganisation> Organisations { get; init; }

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip };

    [GeneratedRegex("^[a-z0-9-]{2,50}$")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("^[A-U]$")]
    private static partial Regex SectionPattern();

    /// <summary>Reads and checks the file; throws <see cref="TerritoryPackException"/> naming the file and field of every problem.</summary>
    public static WelcomePack Load(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            throw new TerritoryPackException([new PackError(FileName, null, null, $"fichier introuvable dans « {folder} »")]);
        }
        WelcomePackFile? file;
        try
        {
            file = JsonSerializer.Deserialize<WelcomePackFile>(File.ReadAllText(path), JsonOptions);
        }
        catch (JsonException ex)
        {
            throw new TerritoryPackException([new PackError(FileName, (int?)(ex.LineNumber + 1), ex.Path, "JSON invalide : " + ex.Message)]);
        }
        var errors = new List<PackError>();
        if (file is null)
        {
            throw new TerritoryPackException([new PackError(FileName, null, null, "le fichier est vide")]);
        }
        if (file.FirstResponseWorkingDays is < 1 or > 30)
        {
            errors.Add(new PackError(FileName, null, "firstResponseWorkingDays", "un nombre de jours ouvrés entre 1 et 30 est attendu"));
        }
        if (string.IsNullOrWhiteSpace(file.IntercommunalityServiceName) || !file.IntercommunalityServiceName.Contains("{0}", StringComparison.Ordinal))
        {
            errors.Add(new PackError(FileName, null, "intercommunalityServiceName", "un nom contenant {0} (le nom de l’intercommunalité) est attendu"));
        }
        var organisations = new List<WelcomePackOrganisation>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (entry, index) in (file.Organisations ?? []).Select((o, i) => (o, i)))
        {
            var field = $"organisations[{index}]";
            if (entry.Key is not { } key || !KeyPattern().IsMatch(key) || key.All(char.IsAsciiDigit))
            {
                errors.Add(new PackError(FileName, null, field + ".key", "une clé en minuscules, chiffres et tirets est attendue (pas un SIREN)"));
                continue;
            }
            if (!keys.Add(key))
            {
                errors.Add(new PackError(FileName, null, field + ".key", $"la clé « {key} » est en double"));
            }
            if (!Enum.TryParse<WelcomeOrganisationKind>(entry.Kind, out var kind) || kind == WelcomeOrganisationKind.IntercommunalityService)
            {
                errors.Add(new PackError(FileName, null, field + ".kind", "attendu : DepartmentalTeam, Chamber ou TourismAgency"));
                continue;
            }
            if (string.IsNullOrWhiteSpace(entry.Name))
            {
                errors.Add(new PackError(FileName, null, field + ".name", "nom manquant"));
                continue;
            }
            var sections = entry.NafSections ?? [];
            if (sections.Any(s => !SectionPattern().IsMatch(s)))
            {
                errors.Add(new PackError(FileName, null, field + ".nafSections", "des sections NAF (une lettre de A à U) sont attendues"));
            }
            organisations.Add(new WelcomePackOrganisation(key, entry.Name.Trim(), kind, sections, entry.Email));
        }
        if (organisations.Count(o => o.Kind == WelcomeOrganisationKind.DepartmentalTeam) != 1)
        {
            errors.Add(new PackError(FileName, null, "organisations", "il faut exactement une équipe départementale (DepartmentalTeam)"));
        }
        var claimed = organisations.SelectMany(o => o.NafSections).GroupBy(s => s, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (claimed.Count > 0)
        {
            errors.Add(new PackError(FileName, null, "organisations.nafSections", "section(s) attribuée(s) à deux chambres : " + string.Join(", ", claimed)));
        }
        if (errors.Count > 0)
        {
            throw new TerritoryPackException(errors);
        }
        return new WelcomePack
        {
            FirstResponseWorkingDays = file.FirstResponseWorkingDays,
            IntercommunalityServiceName = file.IntercommunalityServiceName!,
            Organisations = organisations,
        };
    }

    private sealed class WelcomePackFile
    {
        public int FirstResponseWorkingDays { get; set; }
        public string? IntercommunalityServiceName { get; set; }
        public List<WelcomePackEntry>? Organisations { get; set; }
    }

    private sealed class WelcomePackEntry
    {
        public string? Key { get; set; }
        public string? Kind { get; set; }
        public string? Name { get; set; }
        public List<string>? NafSections { get; set; }
        public string? Email { get; set; }
    }
}

public sealed record WelcomePackOrganisation(string Key, string Name, WelcomeOrganisationKind Kind, IReadOnlyList<string> NafSections, string? Email);

/// <summary>
/// Brings the welcome organisations in line with the pack: matched on their key (an intercommunality's SIREN for its
/// service), so members and cases stay attached; an organisation gone from the pack is kept while cases point at it.
/// </summary>
public sealed class WelcomeOrganisationImporter(EscaleDbContext db)
{
    public async Task<int> ImportAsync(WelcomePack pack, CancellationToken cancellationToken = default)
    {
        var existing = await db.WelcomeOrganisations.ToDictionaryAsync(o => o.Key, StringComparer.Ordinal, cancellationToken);
        var epcis = await db.Intercommunalities.OrderBy(e => e.Name).Select(e => new { e.Id, e.Siren, e.Name }).ToListAsync(cancellationToken);
        var wanted = new List<WelcomeOrganisation>();
        var position = 0;
        foreach (var organisation in pack.Organisations)
        {
            wanted.Add(new WelcomeOrganisation
            {
                Key = organisation.Key,
                Name = organisation.Name,
                Kind = organisation.Kind,
                NafSections = [.. organisation.NafSections],
                Email = organisation.Email,
                Position = position++,
            });
        }
        foreach (var epci in epcis)
        {
            wanted.Add(new WelcomeOrganisation
            {
                Key = epci.Siren,
                Name = string.Format(System.Globalization.CultureInfo.InvariantCulture, pack.IntercommunalityServiceName, epci.Name),
                Kind = WelcomeOrganisationKind.IntercommunalityService,
                IntercommunalityId = epci.Id,
                Position = position++,
            });
        }
        foreach (var incoming in wanted)
        {
            if (existing.TryGetValue(incoming.Key, out var current))
            {
                current.Name = incoming.Name;
                current.Kind = incoming.Kind;
                current.NafSections = incoming.NafSections;
                current.Email = incoming.Email;
                current.IntercommunalityId = incoming.IntercommunalityId;
                current.Position = incoming.Position;
            }
            else
            {
                db.WelcomeOrganisations.Add(incoming);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await CarryOverReferentIntercommunalitiesAsync(cancellationToken);
        return wanted.Count;
    }

    /// <summary>
    /// Before welcome organisations, a referent was linked to intercommunalities directly; each such link becomes a
    /// membership of that intercommunality's service, once (a later removal of the membership is not undone).
    /// </summary>
    private async Task CarryOverReferentIntercommunalitiesAsync(CancellationToken cancellationToken)
    {
        // A collection in the projection, flattened here: SelectMany over the navigation needs SQL APPLY, which SQLite lacks.
        var links = (await db.Users
            .Where(u => u.ReferentIntercommunalities.Any() && !db.WelcomeOrganisationMembers.Any(m => m.UserId == u.Id))
            .Select(u => new { u.Id, Intercommunalities = u.ReferentIntercommunalities.Select(e => e.Id).ToList() })
            .ToListAsync(cancellationToken))
            .SelectMany(u => u.Intercommunalities.Select(id => new { UserId = u.Id, IntercommunalityId = id }))
            .ToList();
        if (links.Count == 0)
        {
            return;
        }
        var services = await db.WelcomeOrganisations
            .Where(o => o.Kind == WelcomeOrganisationKind.IntercommunalityService && o.IntercommunalityId != null)
            .ToDictionaryAsync(o => o.IntercommunalityId!.Value, o => o.Id, cancellationToken);
        foreach (var link in links)
        {
            if (services.TryGetValue(link.IntercommunalityId, out var organisationId))
            {
                db.WelcomeOrganisationMembers.Add(new WelcomeOrganisationMember { OrganisationId = organisationId, UserId = link.UserId });
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
