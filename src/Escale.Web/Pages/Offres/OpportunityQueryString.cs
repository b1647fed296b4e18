using System.Globalization;
using Escale.Core.Data;
using Escale.Core.Opportunities;
using Escale.Core.Opportunities.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Primitives;

namespace Escale.Web.Pages.Offres;

/// <summary>
/// The opportunity search's query string ⇄ <see cref="SearchQuery"/>, shared by the search page, alerts, feeds,
/// exports and the API so that one link means the same thing everywhere. French parameter names, as a
/// visitor sees them in the address bar; empty values count as absent (a GET form sends every field).
/// Parameters it does not know are ignored (the API adds its own, e.g. <c>taille</c>).
/// </summary>
public static class OpportunityQueryString
{
    public const int MaxPage = 10_000;
    public const int MinRadiusKm = 1;
    public const int MaxRadiusKm = 200;
    /// <summary>A commune without a radius means its surroundings, not the whole territory sorted by distance.</summary>
    public const int DefaultRadiusKm = 20;

    // The URL words of kinds and contracts are those the labels define, so the form and the parser cannot drift.
    public static readonly IReadOnlyDictionary<string, OpportunityKind> Kinds =
        OpportunityLabels.Kinds.ToDictionary(k => k.Value, k => k.Kind, StringComparer.OrdinalIgnoreCase);

    public static readonly IReadOnlyDictionary<string, ContractType> Contracts =
        OpportunityLabels.Contracts.ToDictionary(c => c.Value, c => c.Contract, StringComparer.OrdinalIgnoreCase);

    public static readonly IReadOnlyDictionary<string, SearchSort> Sorts = new Dictionary<string, SearchSort>(StringComparer.OrdinalIgnoreCase)
    {
        ["recentes"] = SearchSort.Recent,
        ["salaire"] = SearchSort.Salary,
        ["distance"] = SearchSort.Distance,
    };

    private static readonly string[] Parameters = ["q", "type", "grand-domaine", "domaine", "metier", "contrat", "intercommunalite", "commune", "rayon", "teletravail", "salaire", "publiee", "tri", "page"];

    public static bool TryParse(IDictionary<string, string?> values, OpportunityQueryCatalog catalog, out SearchQuery query, out List<(string Parameter, string Message)> errors) =>
        TryParse(values.Select(kv => new KeyValuePair<string, StringValues>(kv.Key, kv.Value)), catalog, out query, out errors);

    /// <summary>Reads the search parameters; on failure <paramref name="query"/> still holds every valid filter.</summary>
    public static bool TryParse(IEnumerable<KeyValuePair<string, StringValues>> values, OpportunityQueryCatalog catalog, out SearchQuery query, out List<(string Parameter, string Message)> errors)
    {
        var found = new List<(string Parameter, string Message)>();
        var given = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in values)
        {
            var name = key.ToLowerInvariant();
            if (!Parameters.Contains(name))
            {
                continue;
            }
            var nonEmpty = value.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).ToList();
            if (nonEmpty.Count > 1 || (nonEmpty.Count == 1 && given.ContainsKey(name)))
            {
                found.Add((name, $"Le paramètre « {name} » ne peut être donné qu’une fois."));
            }
            else if (nonEmpty.Count == 1)
            {
                given[name] = nonEmpty[0];
            }
        }
        string? Get(string name) => given.GetValueOrDefault(name);
        void Error(string name, string message) => found.Add((name, message));

        var result = new SearchQuery();

        // A text without a word (only punctuation or symbols, e.g. "*") filters nothing: see SearchText.HasWord.
        if (Get("q") is { } text && SearchText.HasWord(text))
        {
            // A pasted paragraph is searched by its beginning rather than refused.
            result = result with { Text = text.Length > SearchIndex.MaxTextLength ? text[..SearchIndex.MaxTextLength] : text };
        }

        if (Get("type") is { } type)
        {
            if (Kinds.TryGetValue(type, out var kind))
            {
                result = result with { Kind = kind };
            }
            else
            {
                Error("type", "Type d’offre inconnu : choisissez emploi, reprise, creation ou sante.");
            }
        }

        // The search page sends the grand domain (one letter) and the domain (three characters) as two fields.
        if (Get("grand-domaine") is { } grand)
        {
            var code = grand.ToUpperInvariant();
            if (code.Length == 1 && catalog.Domains.ContainsKey(code))
            {
                result = result with { GrandDomain = code };
            }
            else
            {
                Error("grand-domaine", "Grand domaine inconnu : donnez la lettre d’un grand domaine ROME (ex. M).");
            }
        }

        if (Get("domaine") is { } domain)
        {
            var code = domain.ToUpperInvariant();
            if (!catalog.Domains.ContainsKey(code))
            {
                Error("domaine", "Domaine professionnel inconnu : donnez la lettre d’un grand domaine ROME (ex. M) ou le code d’un domaine (ex. M18).");
            }
            else if (code.Length == 1)
            {
                result = result with { GrandDomain = code };
            }
            else
            {
                // A domain lies in the grand domain of its first letter (M18 in M): the form shows both.
                result = result with { Domain = code, GrandDomain = result.GrandDomain ?? code[..1] };
            }
        }

        if (Get("metier") is { } rome)
        {
            var code = rome.ToUpperInvariant();
            if (catalog.Occupations.ContainsKey(code))
            {
                result = result with { Rome = code };
            }
            else
            {
                Error("metier", "Code métier ROME inconnu (ex. M1805).");
            }
        }

        if (Get("contrat") is { } contract)
        {
            if (Contracts.TryGetValue(contract, out var value))
            {
                result = result with { Contract = value };
            }
            else
            {
                Error("contrat", "Contrat inconnu : choisissez cdi, cdd, interim, saisonnier, apprentissage ou liberal.");
            }
        }

        if (Get("intercommunalite") is { } siren)
        {
            if (catalog.IntercommunalitiesBySiren.TryGetValue(siren, out var epci))
            {
                result = result with { IntercommunalityId = epci.Id };
            }
            else
            {
                Error("intercommunalite", "Intercommunalité inconnue : donnez le SIREN d’une intercommunalité du territoire (9 chiffres).");
            }
        }

        int? radius = null;
        if (Get("rayon") is { } radiusText)
        {
            if (int.TryParse(radiusText, NumberStyles.None, CultureInfo.InvariantCulture, out var km) && km is >= MinRadiusKm and <= MaxRadiusKm)
            {
                radius = km;
            }
            else
            {
                Error("rayon", $"Le rayon doit être un nombre entier de kilomètres entre {MinRadiusKm} et {MaxRadiusKm}.");
            }
        }
        if (Get("commune") is { } insee)
        {
            var commune = catalog.CommunesByInsee.GetValueOrDefault(insee.ToUpperInvariant()) ?? catalog.CommuneNamed(insee);
            if (commune is not null)
            {
                result = result with { Centre = (commune.Latitude, commune.Longitude), RadiusKm = radius ?? DefaultRadiusKm };
            }
            else
            {
                Error("commune", "Commune inconnue : donnez le nom ou le code INSEE d’une commune du territoire (ex. Cahors ou 46042).");
            }
        }

        if (Get("teletravail") is { } remote)
        {
            if (remote is "1" or "oui" or "true" or "on")
            {
                result = result with { RemoteOnly = true };
            }
            else if (remote != "0")
            {
                Error("teletravail", "Le télétravail s’indique par oui ou 1 (laissez vide pour ne pas filtrer).");
            }
        }

        if (Get("salaire") is { } salary)
        {
            if (int.TryParse(salary, NumberStyles.None, CultureInfo.InvariantCulture, out var threshold) && SearchIndex.SalaryThresholds.Contains(threshold))
            {
                result = result with { SalaryAtLeast = threshold };
            }
            else
            {
                Error("salaire", "Salaire minimum inconnu : choisissez parmi " + string.Join(", ", SearchIndex.SalaryThresholds.Select(t => t.ToString(CultureInfo.InvariantCulture))) + " (euros bruts par an).");
            }
        }

        if (Get("publiee") is { } posted)
        {
            if (int.TryParse(posted, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && SearchIndex.PostedWithin.Contains(days))
            {
                result = result with { PostedWithinDays = days };
            }
            else
            {
                Error("publiee", "Date de publication inconnue : choisissez 1, 7 ou 30 (jours).");
            }
        }

        if (Get("tri") is { } sort)
        {
            if (Sorts.TryGetValue(sort, out var value))
            {
                result = result with { Sort = value };
            }
            else
            {
                Error("tri", "Tri inconnu : choisissez recentes, salaire ou distance.");
            }
        }

        if (Get("page") is { } pageText)
        {
            if (int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page is >= 1 and <= MaxPage)
            {
                result = result with { Page = page };
            }
            else
            {
                Error("page", $"La page doit être un nombre entier entre 1 et {MaxPage}.");
            }
        }

        query = result;
        errors = found;
        return found.Count == 0;
    }

    /// <summary>
    /// The canonical query string of a search (without "?"): <see cref="Write"/> with the commune as its INSEE code.
    /// A centre that is no commune of the catalog cannot be written and is left out.
    /// </summary>
    public static string ToQueryString(SearchQuery query, OpportunityQueryCatalog catalog)
    {
        var commune = query.Centre is { } centre ? catalog.CommuneAt(centre)?.InseeCode : null;
        return Write(OpportunitySearchParameters.From(query, catalog, commune), query.Page);
    }

    /// <summary>
    /// The one writer of <c>/offres</c> query strings (without "?"): the search page's links, the map, alerts, feeds and
    /// the API's paging links all come from here. Parameters in a fixed order, defaults left out, so two equal searches
    /// give the same string. A ROME grand domain alone is written <c>domaine=M</c> (what the API reads), a domain
    /// <c>domaine=M18</c> (its grand domain follows from it); remote work is <c>teletravail=1</c>.
    /// </summary>
    public static string Write(OpportunitySearchParameters search, int page = 1)
    {
        var parts = new List<(string Name, string Value)>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                parts.Add((name, value.Trim()));
            }
        }
        Add("q", SearchText.HasWord(search.Text) ? search.Text : null);
        Add("type", search.Kind is { } kind ? OpportunityLabels.KindValue(kind) : null);
        Add("domaine", search.Domain ?? search.GrandDomain);
        Add("metier", search.Rome);
        Add("contrat", search.Contract is { } contract ? OpportunityLabels.ContractValue(contract) : null);
        Add("intercommunalite", search.Intercommunality);
        Add("commune", search.Commune);
        Add("rayon", string.IsNullOrWhiteSpace(search.Commune) ? null : (search.RadiusKm ?? DefaultRadiusKm).ToString(CultureInfo.InvariantCulture));
        Add("teletravail", search.RemoteOnly ? "1" : null);
        Add("salaire", search.SalaryAtLeast?.ToString(CultureInfo.InvariantCulture));
        Add("publiee", search.PostedWithinDays?.ToString(CultureInfo.InvariantCulture));
        Add("tri", search.Sort == SearchSort.Recent ? null : Sorts.First(s => s.Value == search.Sort).Key);
        Add("page", page > 1 ? page.ToString(CultureInfo.InvariantCulture) : null);
        return string.Join('&', parts.Select(p => p.Name + "=" + Uri.EscapeDataString(p.Value)));
    }
}

/// <summary>What reading a search's query string needs from the reference data: the territory's places and the ROME codes.</summary>
public sealed class OpportunityQueryCatalog
{
    public sealed record CommuneEntry(int Id, string InseeCode, string Name, double Latitude, double Longitude);

    public sealed record IntercommunalityEntry(int Id, string Siren, string Name);

    public OpportunityQueryCatalog(IEnumerable<CommuneEntry> communes, IEnumerable<IntercommunalityEntry> intercommunalities,
        IReadOnlyDictionary<string, string> domains, IReadOnlyDictionary<string, string> occupations)
    {
        CommunesByInsee = communes.ToDictionary(c => c.InseeCode, StringComparer.Ordinal);
        var epcis = intercommunalities.ToList();
        IntercommunalitiesBySiren = epcis.ToDictionary(e => e.Siren, StringComparer.Ordinal);
        IntercommunalitiesById = epcis.ToDictionary(e => e.Id);
        Domains = domains;
        Occupations = occupations;
    }

    public IReadOnlyDictionary<string, CommuneEntry> CommunesByInsee { get; }
    public IReadOnlyDictionary<string, IntercommunalityEntry> IntercommunalitiesBySiren { get; }
    public IReadOnlyDictionary<int, IntercommunalityEntry> IntercommunalitiesById { get; }
    /// <summary>ROME grand domains (one letter) and domains (three characters), code → label.</summary>
    public IReadOnlyDictionary<string, string> Domains { get; }
    /// <summary>ROME occupations, code → label.</summary>
    public IReadOnlyDictionary<string, string> Occupations { get; }

    /// <summary>The commune whose centre this is (radius searches are centred on a commune's coordinates).</summary>
    public CommuneEntry? CommuneAt((double Latitude, double Longitude) centre) =>
        CommunesByInsee.Values.FirstOrDefault(c => c.Latitude.Equals(centre.Latitude) && c.Longitude.Equals(centre.Longitude));

    /// <summary>The commune with this name, accents and case aside, when exactly one has it.</summary>
    public CommuneEntry? CommuneNamed(string name)
    {
        var slug = Escale.Core.Territories.Slug.From(name);
        var matches = CommunesByInsee.Values.Where(c => Escale.Core.Territories.Slug.From(c.Name) == slug).Take(2).ToList();
        return matches.Count == 1 ? matches[0] : null;
    }

    public static async Task<OpportunityQueryCatalog> LoadAsync(EscaleDbContext db, CancellationToken cancellationToken = default)
    {
        var communes = await db.Communes.AsNoTracking().OrderBy(c => c.InseeCode)
            .Select(c => new CommuneEntry(c.Id, c.InseeCode, c.Name, c.Latitude, c.Longitude)).ToListAsync(cancellationToken);
        var epcis = await db.Intercommunalities.AsNoTracking().Select(e => new IntercommunalityEntry(e.Id, e.Siren, e.Name)).ToListAsync(cancellationToken);
        var domains = await db.RomeDomains.AsNoTracking().ToDictionaryAsync(d => d.Code, d => d.Label, StringComparer.Ordinal, cancellationToken);
        var occupations = await db.RomeOccupations.AsNoTracking().ToDictionaryAsync(o => o.Code, o => o.Label, StringComparer.Ordinal, cancellationToken);
        return new OpportunityQueryCatalog(communes, epcis, domains, occupations);
    }
}

/// <summary>The <see cref="OpportunityQueryCatalog"/> read once and kept a few minutes: every search request needs it.</summary>
public sealed class OpportunityQueryCatalogCache(IMemoryCache cache, IServiceScopeFactory scopes)
{
    private const string CacheKey = "offer-query-catalog";

    public async Task<OpportunityQueryCatalog> GetAsync(CancellationToken cancellationToken = default) =>
        (await cache.GetOrCreateAsync(CacheKey, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(10);
            await using var scope = scopes.CreateAsyncScope();
            return await OpportunityQueryCatalog.LoadAsync(scope.ServiceProvider.GetRequiredService<EscaleDbContext>(), cancellationToken);
        }))!;
}
