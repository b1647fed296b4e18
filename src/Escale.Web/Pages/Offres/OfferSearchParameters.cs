using System.Globalization;
using System.Text;
using Escale.Core.Opportunities;
using Escale.Core.Opportunities.Search;
using Microsoft.Extensions.Primitives;

namespace Escale.Web.Pages.Offres;

/// <summary>
/// The search as it travels in the URL, with French parameter names: <c>q</c>, <c>type</c>, <c>grand-domaine</c>,
/// <c>domaine</c>, <c>metier</c>, <c>contrat</c>, <c>intercommunalite</c> (SIREN), <c>commune</c> (INSEE code or name),
/// <c>rayon</c> (km), <c>teletravail</c>, <c>salaire</c>, <c>publiee</c> (days), <c>tri</c>, <c>page</c>.
/// Parsed by hand so that a malformed value gets a French explanation rather than being silently dropped.
/// Whether a code exists (domain, occupation, commune, intercommunality) is the page's question: it needs the database.
/// </summary>
public sealed record OfferSearchParameters
{
    public const int MaxRadiusKm = 200;
    public const int DefaultRadiusKm = 20;
    public static readonly int[] RadiusChoices = [5, 10, 20, 50];

    public string? Text { get; init; }
    public OpportunityKind? Kind { get; init; }
    public string? GrandDomain { get; init; }
    public string? Domain { get; init; }
    public string? Rome { get; init; }
    public ContractType? Contract { get; init; }
    public string? Intercommunality { get; init; }
    public string? Commune { get; init; }
    public int? RadiusKm { get; init; }
    public bool RemoteOnly { get; init; }
    public int? SalaryAtLeast { get; init; }
    public int? PostedWithinDays { get; init; }
    public SearchSort Sort { get; init; }
    public int Page { get; init; } = 1;

    /// <summary>The text asked for folds to nothing (only punctuation or symbols): it can match no offer.</summary>
    public bool TextMatchesNothing => !string.IsNullOrWhiteSpace(Text) && SearchText.Fold(Text).Length == 0;

    public static bool TryParse(IEnumerable<KeyValuePair<string, StringValues>> query, out OfferSearchParameters parameters, out string? error)
    {
        parameters = new OfferSearchParameters();
        error = null;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in query)
        {
            if (value.Count > 1)
            {
                error = $"Le paramètre « {key} » est donné plusieurs fois.";
                return false;
            }
            var text = value.ToString().Trim();
            if (text.Length > 0)
            {
                values[key] = text;
            }
        }
        string? Get(string key) => values.GetValueOrDefault(key);

        var p = new OfferSearchParameters();
        if (Get("q") is { } q)
        {
            p = p with { Text = q.Length > SearchIndex.MaxTextLength ? q[..SearchIndex.MaxTextLength] : q };
        }
        if (Get("type") is { } type)
        {
            var kind = OfferLabels.Kinds.Where(k => k.Value == type).Select(k => (OpportunityKind?)k.Kind).FirstOrDefault();
            if (kind is null)
            {
                error = $"Type d’offre inconnu : « {type} ». Choisissez emploi, reprise, creation ou sante.";
                return false;
            }
            p = p with { Kind = kind };
        }
        if (Get("grand-domaine") is { } grandDomain)
        {
            if (grandDomain.Length != 1 || !char.IsAsciiLetterUpper(grandDomain[0]))
            {
                error = $"Grand domaine inconnu : « {grandDomain} ».";
                return false;
            }
            p = p with { GrandDomain = grandDomain };
        }
        if (Get("domaine") is { } domain)
        {
            if (domain.Length != 3 || !char.IsAsciiLetterUpper(domain[0]) || !domain[1..].All(char.IsAsciiDigit))
            {
                error = $"Domaine professionnel inconnu : « {domain} ».";
                return false;
            }
            p = p with { Domain = domain };
        }
        if (Get("metier") is { } rome)
        {
            rome = rome.ToUpperInvariant();
            if (rome.Length != 5 || !char.IsAsciiLetterUpper(rome[0]) || !rome[1..].All(char.IsAsciiDigit))
            {
                error = $"Code ROME mal formé : « {rome} » (une lettre et quatre chiffres, par exemple M1805).";
                return false;
            }
            p = p with { Rome = rome };
        }
        if (Get("contrat") is { } contractValue)
        {
            var contract = OfferLabels.Contracts.Where(c => c.Value == contractValue).Select(c => (ContractType?)c.Contract).FirstOrDefault();
            if (contract is null)
            {
                error = $"Type de contrat inconnu : « {contractValue} ».";
                return false;
            }
            p = p with { Contract = contract };
        }
        if (Get("intercommunalite") is { } siren)
        {
            if (siren.Length != 9 || !siren.All(char.IsAsciiDigit))
            {
                error = $"Intercommunalité inconnue : « {siren} » (attendu : son numéro SIREN à 9 chiffres).";
                return false;
            }
            p = p with { Intercommunality = siren };
        }
        p = p with { Commune = Get("commune") };
        if (Get("rayon") is { } radiusText)
        {
            if (!int.TryParse(radiusText, NumberStyles.None, CultureInfo.InvariantCulture, out var radius) || radius < 1 || radius > MaxRadiusKm)
            {
                error = $"Rayon incorrect : « {radiusText} ». Indiquez un nombre entier de kilomètres entre 1 et {MaxRadiusKm}.";
                return false;
            }
            p = p with { RadiusKm = radius };
        }
        if (Get("teletravail") is { } remote)
        {
            if (remote is not ("oui" or "1" or "true"))
            {
                error = $"Valeur incorrecte pour le télétravail : « {remote} ».";
                return false;
            }
            p = p with { RemoteOnly = true };
        }
        if (Get("salaire") is { } salaryText)
        {
            if (!int.TryParse(salaryText, NumberStyles.None, CultureInfo.InvariantCulture, out var salary) || !SearchIndex.SalaryThresholds.Contains(salary))
            {
                error = $"Seuil de salaire inconnu : « {salaryText} ».";
                return false;
            }
            p = p with { SalaryAtLeast = salary };
        }
        if (Get("publiee") is { } postedText)
        {
            if (!int.TryParse(postedText, NumberStyles.None, CultureInfo.InvariantCulture, out var days) || !SearchIndex.PostedWithin.Contains(days))
            {
                error = $"Période de publication inconnue : « {postedText} » (1, 7 ou 30 jours).";
                return false;
            }
            p = p with { PostedWithinDays = days };
        }
        if (Get("tri") is { } sort)
        {
            SearchSort? parsed = sort switch
            {
                "recentes" => SearchSort.Recent,
                "salaire" => SearchSort.Salary,
                "distance" => SearchSort.Distance,
                _ => null,
            };
            if (parsed is null)
            {
                error = $"Tri inconnu : « {sort} » (recentes, salaire ou distance).";
                return false;
            }
            // Without a commune there is no distance to sort by: the most recent come first.
            p = p with { Sort = parsed == SearchSort.Distance && p.Commune is null ? SearchSort.Recent : parsed.Value };
        }
        if (Get("page") is { } pageText)
        {
            if (!int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out var page) || page < 1)
            {
                error = $"Numéro de page incorrect : « {pageText} ».";
                return false;
            }
            p = p with { Page = page };
        }
        parameters = p;
        return true;
    }

    /// <summary>The same search narrowed to one commune: 1 km around its centre, where its offers are placed.</summary>
    public OfferSearchParameters InCommune(string inseeCode) =>
        this with { Commune = inseeCode, RadiusKm = 1, Intercommunality = null, Page = 1 };

    /// <summary>The query string of this search (without the page unless asked), for links that keep it.</summary>
    public string ToQueryString(int? page = null)
    {
        var pairs = new List<(string, string)>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                pairs.Add((key, value));
            }
        }
        Add("q", Text);
        Add("type", Kind is { } kind ? OfferLabels.KindValue(kind) : null);
        Add("grand-domaine", GrandDomain);
        Add("domaine", Domain);
        Add("metier", Rome);
        Add("contrat", Contract is { } contract ? OfferLabels.ContractValue(contract) : null);
        Add("intercommunalite", Intercommunality);
        Add("commune", Commune);
        Add("rayon", Commune is null ? null : RadiusKm?.ToString(CultureInfo.InvariantCulture));
        Add("teletravail", RemoteOnly ? "oui" : null);
        Add("salaire", SalaryAtLeast?.ToString(CultureInfo.InvariantCulture));
        Add("publiee", PostedWithinDays?.ToString(CultureInfo.InvariantCulture));
        Add("tri", Sort switch { SearchSort.Salary => "salaire", SearchSort.Distance => "distance", _ => null });
        Add("page", page is > 1 ? page.Value.ToString(CultureInfo.InvariantCulture) : null);
        if (pairs.Count == 0)
        {
            return "";
        }
        var builder = new StringBuilder("?");
        foreach (var (key, value) in pairs)
        {
            if (builder.Length > 1)
            {
                builder.Append('&');
            }
            builder.Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(value));
        }
        return builder.ToString();
    }
}
