using System.ComponentModel;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Escale.Core.Data;
using Escale.Core.Opportunities.Search;
using Escale.Web.Pages.Offres;
using Escale.Web.Infrastructure.Links;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Escale.Web.Api;

/// <summary>
/// Public opportunities as read-only JSON, with the search page's filters (<see cref="OpportunityQueryString"/>). Answers carry a
/// strong ETag (a hash of the body) and may be cached a minute: the search index changes only when an opportunity does.
/// </summary>
public static class OpportunitiesEndpoints
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The search filters, declared here so that OpenAPI lists them; parsing stays in <see cref="OpportunityQueryString"/>.</summary>
    public sealed record OpportunityFilters(
        [property: FromQuery(Name = "q"), Description("Texte cherché dans l’intitulé, l’employeur, le métier et la commune (200 caractères au plus).")] string? Q,
        [property: FromQuery(Name = "type"), Description("emploi, reprise, creation ou sante.")] string? Type,
        [property: FromQuery(Name = "domaine"), Description("Grand domaine ROME (une lettre, ex. M) ou domaine (ex. M18).")] string? Domaine,
        [property: FromQuery(Name = "metier"), Description("Code métier ROME (ex. M1805).")] string? Metier,
        [property: FromQuery(Name = "contrat"), Description("cdi, cdd, interim, saisonnier, apprentissage ou liberal.")] string? Contrat,
        [property: FromQuery(Name = "intercommunalite"), Description("SIREN de l’intercommunalité.")] string? Intercommunalite,
        [property: FromQuery(Name = "commune"), Description("Code INSEE de la commune autour de laquelle chercher.")] string? Commune,
        [property: FromQuery(Name = "rayon"), Description("Rayon autour de la commune, en km (1 à 200, 10 par défaut).")] string? Rayon,
        [property: FromQuery(Name = "teletravail"), Description("1 : seulement les offres ouvertes au télétravail.")] string? Teletravail,
        [property: FromQuery(Name = "salaire"), Description("Salaire brut annuel minimum : 20000, 25000, 30000, 35000, 45000 ou 60000.")] string? Salaire,
        [property: FromQuery(Name = "publiee"), Description("Publiées depuis 1, 7 ou 30 jours.")] string? Publiee,
        [property: FromQuery(Name = "tri"), Description("recentes (par défaut), salaire ou distance.")] string? Tri,
        [property: FromQuery(Name = "page"), Description("Page, à partir de 1.")] string? Page,
        [property: FromQuery(Name = "taille"), Description("Offres par page, 1 à 100 (20 par défaut).")] string? Taille)
    {
        public Dictionary<string, string?> ToDictionary() => new()
        {
            ["q"] = Q, ["type"] = Type, ["domaine"] = Domaine, ["metier"] = Metier, ["contrat"] = Contrat,
            ["intercommunalite"] = Intercommunalite, ["commune"] = Commune, ["rayon"] = Rayon, ["teletravail"] = Teletravail,
            ["salaire"] = Salaire, ["publiee"] = Publiee, ["tri"] = Tri, ["page"] = Page,
        };
    }

    public sealed record FacetCount(string Value, int Count);

    public sealed record OpportunityLinks(string Self, string? Next, string? Prev);

    public sealed record OpportunityPage(int Page, int Size, int Total, int PageCount, IReadOnlyList<OpenDataOpportunity> Items,
        IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Facets, OpportunityLinks Links);

    public static RouteGroupBuilder MapOpportunitiesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/offres", ListAsync)
            .WithName("ListOpportunities")
            .WithTags("Offres")
            .WithSummary("Chercher des offres publiées")
            .WithDescription("Les offres publiées et non expirées, avec les filtres de la page de recherche, paginées, avec le nombre d’offres par valeur de chaque filtre (facettes, dont les clés sont les noms des paramètres) et les liens des pages voisines. ETag fort ; If-None-Match donne 304.")
            .Produces<OpportunityPage>(StatusCodes.Status200OK)
            .Produces(StatusCodes.Status304NotModified)
            .ProducesValidationProblem();

        api.MapGet("/offres/{id:int}", DetailAsync)
            .WithName("GetOpportunity")
            .WithTags("Offres")
            .WithSummary("Une offre publiée")
            .WithDescription("404 si l’offre n’existe pas, n’est pas publiée ou a expiré.")
            .Produces<OpenDataOpportunity>(StatusCodes.Status200OK)
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> ListAsync([AsParameters] OpportunityFilters filters, HttpContext http, OpportunityQueryCatalogCache catalogs, OpportunitySearch search,
        EscaleDbContext db, SiteLinks links, TimeProvider clock, CancellationToken ct)
    {
        var catalog = await catalogs.GetAsync(ct);
        var ok = OpportunityQueryString.TryParse(filters.ToDictionary(), catalog, out var query, out var errors);
        if (!ApiProblems.TryReadPositive(filters.Taille, DefaultPageSize, MaxPageSize, "taille", out var size, out _))
        {
            errors.Add(("taille", $"« taille » doit être un nombre entier entre 1 et {MaxPageSize.ToString(CultureInfo.InvariantCulture)}."));
            ok = false;
        }
        if (!ok)
        {
            return Results.ValidationProblem(
                errors.GroupBy(e => e.Parameter).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
                title: "Paramètre de requête invalide",
                detail: string.Join(" ", errors.Select(e => e.Message)));
        }

        var now = clock.GetUtcNow();
        var index = await search.IndexAsync(ct);
        var result = index.Search(query with { PageSize = size }, now);
        var items = await OpenDataOpportunity.LoadAsync(db, links, result.Items.Select(r => r.Id).ToList(), now, ct);

        string Link(int page)
        {
            var queryString = OpportunityQueryString.ToQueryString(query with { Page = page }, catalog);
            var sizePart = size == DefaultPageSize ? "" : "taille=" + size.ToString(CultureInfo.InvariantCulture);
            var all = string.Join('&', new[] { queryString, sizePart }.Where(s => s.Length > 0));
            return "/api/v1/offres" + (all.Length > 0 ? "?" + all : "");
        }
        var body = new OpportunityPage(result.Page, size, result.Total, result.PageCount, items, Facets(result, catalog),
            new OpportunityLinks(Link(result.Page), result.Page < result.PageCount ? Link(result.Page + 1) : null, result.Page > 1 ? Link(Math.Min(result.Page - 1, result.PageCount)) : null));
        return Cached(http, body);
    }

    private static async Task<IResult> DetailAsync(int id, HttpContext http, EscaleDbContext db, SiteLinks links, TimeProvider clock, CancellationToken ct)
    {
        var opportunity = (await OpenDataOpportunity.LoadAsync(db, links, [id], clock.GetUtcNow(), ct)).SingleOrDefault();
        return opportunity is null
            ? ApiProblems.NotFound($"Aucune offre publiée n’a le numéro {id.ToString(CultureInfo.InvariantCulture)}.")
            : Cached(http, opportunity);
    }

    /// <summary>The facets under the names and values of the query parameters, so a client can filter with them as they are.</summary>
    private static Dictionary<string, IReadOnlyList<FacetCount>> Facets(SearchResult result, OpportunityQueryCatalog catalog)
    {
        IReadOnlyList<FacetCount> Map(string key, Func<string, string?> value) =>
            result.Facets[key].Select(f => value(f.Value) is { } v ? new FacetCount(v, f.Count) : null).OfType<FacetCount>().ToList();

        return new Dictionary<string, IReadOnlyList<FacetCount>>(StringComparer.Ordinal)
        {
            ["type"] = Map("kind", v => OpportunityQueryString.Kinds.FirstOrDefault(k => k.Value.ToString() == v).Key),
            ["domaine"] = [.. Map("grandDomain", v => v), .. Map("domain", v => v)],
            ["contrat"] = Map("contract", v => OpportunityQueryString.Contracts.FirstOrDefault(k => k.Value.ToString() == v).Key),
            ["intercommunalite"] = Map("intercommunality", v =>
                catalog.IntercommunalitiesById.TryGetValue(int.Parse(v, CultureInfo.InvariantCulture), out var epci) ? epci.Siren : null),
            ["teletravail"] = Map("remote", _ => "1"),
            ["salaire"] = Map("salary", v => v),
            ["publiee"] = Map("posted", v => v),
        };
    }

    /// <summary>200 with a strong ETag (SHA-256 of the exact bytes sent), or 304 when the client already has them.</summary>
    private static IResult Cached<T>(HttpContext http, T body)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body, Json);
        var etag = new EntityTagHeaderValue("\"" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..32] + "\"");
        var headers = http.Response.GetTypedHeaders();
        headers.ETag = etag;
        headers.CacheControl = new CacheControlHeaderValue { Public = true, MaxAge = TimeSpan.FromSeconds(60) };
        var ifNoneMatch = http.Request.GetTypedHeaders().IfNoneMatch;
        if (ifNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false)))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }
        return Results.Bytes(bytes, "application/json; charset=utf-8");
    }
}
