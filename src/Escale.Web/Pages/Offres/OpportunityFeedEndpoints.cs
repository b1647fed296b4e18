using System.Globalization;
using System.ServiceModel.Syndication;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Xml;
using CsvHelper;
using CsvHelper.Configuration.Attributes;
using Escale.Core.Data;
using Escale.Core.Opportunities;
using Escale.Core.Opportunities.Search;
using Escale.Web.Infrastructure.Links;
using Escale.Web.Pages.Offres.Alertes;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Offres;

/// <summary>
/// A public opportunity as open data, the API and the exports show it. Built by an explicit projection: seller
/// fields, moderation notes and submitters can never leak through it.
/// </summary>
public sealed record OpenDataOpportunity(
    [property: Name("id"), JsonPropertyName("id")] int Id,
    [property: Name("type"), JsonPropertyName("type")] string Type,
    [property: Name("intitule"), JsonPropertyName("intitule")] string Title,
    [property: Name("employeur"), JsonPropertyName("employeur")] string? Employer,
    [property: Name("commune_insee"), JsonPropertyName("commune_insee")] string CommuneInsee,
    [property: Name("commune"), JsonPropertyName("commune")] string Commune,
    [property: Name("intercommunalite_siren"), JsonPropertyName("intercommunalite_siren")] string IntercommunalitySiren,
    [property: Name("code_rome"), JsonPropertyName("code_rome")] string? RomeCode,
    [property: Name("code_naf"), JsonPropertyName("code_naf")] string? NafCode,
    [property: Name("contrat"), JsonPropertyName("contrat")] string? Contract,
    [property: Name("temps_travail"), JsonPropertyName("temps_travail")] string? WorkingTime,
    [property: Name("salaire_min"), JsonPropertyName("salaire_min")] int? SalaryMin,
    [property: Name("salaire_max"), JsonPropertyName("salaire_max")] int? SalaryMax,
    [property: Name("teletravail"), JsonPropertyName("teletravail")] string Remote,
    [property: Name("publiee_le"), JsonPropertyName("publiee_le")] string PublishedAt,
    [property: Name("expire_le"), JsonPropertyName("expire_le")] string? ExpiresOn,
    [property: Name("url"), JsonPropertyName("url")] string Url)
{
    public static string KindValue(OpportunityKind kind) => OpportunityLabels.KindValue(kind);

    public static string? ContractValue(ContractType? contract) => contract is { } c ? OpportunityLabels.ContractValue(c) : null;

    /// <summary>The public opportunities among <paramref name="ids"/>, in that order (ids already gone are skipped).</summary>
    public static async Task<List<OpenDataOpportunity>> LoadAsync(EscaleDbContext db, SiteLinks links, IReadOnlyList<int> ids, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rows = await db.Opportunities.AsNoTracking().OpenAt(now)
            .Where(o => ids.Contains(o.Id))
            .Select(o => new
            {
                o.Id, o.Kind, o.Title, o.Slug, o.EmployerName, CommuneInsee = o.Commune!.InseeCode, CommuneName = o.Commune.Name,
                Siren = o.Commune.Intercommunality!.Siren, o.RomeCode, o.NafCode, o.Contract, o.WorkingTime, o.SalaryMin, o.SalaryMax,
                o.Remote, PublishedAt = o.PublishedAt ?? o.UpdatedAt, o.ExpiresOn,
            })
            .ToListAsync(cancellationToken);
        var byId = rows.ToDictionary(r => r.Id);
        return ids.Where(byId.ContainsKey).Select(id => byId[id]).Select(o => new OpenDataOpportunity(
                o.Id, KindValue(o.Kind), o.Title, o.EmployerName, o.CommuneInsee, o.CommuneName, o.Siren, o.RomeCode, o.NafCode,
                ContractValue(o.Contract),
                OpportunityLabels.WorkingTimeValue(o.WorkingTime),
                o.SalaryMin, o.SalaryMax,
                OpportunityLabels.RemoteValue(o.Remote),
                o.PublishedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                o.ExpiresOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                links.Opportunity(o.Id, o.Slug)))
            .ToList();
    }
}

/// <summary>
/// The search as an RSS feed and as open-data exports (CSV and JSON), reading the same query string as the
/// search page (<see cref="OpportunityQueryString"/>). See docs/open-data.md.
/// </summary>
public static class OpportunityFeedEndpoints
{
    public const int FeedSize = 50;
    private const int ExportChunk = 500;

    public static IEndpointRouteBuilder MapOpportunityFeeds(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/offres/flux.rss", FeedAsync).ExcludeFromDescription();
        endpoints.MapGet("/offres/export.csv", ExportCsvAsync).ExcludeFromDescription();
        endpoints.MapGet("/offres/export.json", ExportJsonAsync).ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>Reads the search; a malformed one answers 400 with a French problem per parameter, never a 500.</summary>
    internal static async Task<(SearchQuery? Query, IResult? Problem)> ReadQueryAsync(HttpRequest request, OpportunityQueryCatalogCache catalogs)
    {
        var catalog = await catalogs.GetAsync(request.HttpContext.RequestAborted);
        if (OpportunityQueryString.TryParse(request.Query, catalog, out var query, out var errors))
        {
            return (query, null);
        }
        return (null, Results.ValidationProblem(
            errors.GroupBy(e => e.Parameter).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            title: "Paramètre de requête invalide",
            detail: string.Join(" ", errors.Select(e => e.Message))));
    }

    private static async Task<IResult> FeedAsync(HttpRequest request, OpportunityQueryCatalogCache catalogs, OpportunitySearch search, AlertMail alerts, SiteLinks links, TimeProvider clock, CancellationToken ct)
    {
        var (query, problem) = await ReadQueryAsync(request, catalogs);
        if (problem is not null)
        {
            return problem;
        }
        var catalog = await catalogs.GetAsync(ct);
        var now = clock.GetUtcNow();
        var index = await search.IndexAsync(ct);
        var canonical = query! with { Page = 1, PageSize = FeedSize, Sort = SearchSort.Recent };
        var result = index.Search(canonical, now);
        var queryString = OpportunityQueryString.ToQueryString(canonical, catalog);

        var feed = new SyndicationFeed(
            "Escale — " + AlertMail.Describe(canonical, catalog),
            "Les dernières offres publiées sur Escale pour cette recherche.",
            new Uri(alerts.SearchLink(queryString)))
        {
            Language = "fr-FR",
            LastUpdatedTime = result.Items.Count > 0 ? result.Items.Max(r => r.PublishedAt) : now,
            Items = result.Items.Select(row => new SyndicationItem(
                row.Title,
                string.Join(" — ", new[] { row.EmployerName, row.CommuneName }.Where(s => !string.IsNullOrEmpty(s))),
                new Uri(links.Opportunity(row.Id, row.Slug)),
                links.Opportunity(row.Id, row.Slug),
                row.PublishedAt) { PublishDate = row.PublishedAt }).ToList(),
        };
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            new Rss20FeedFormatter(feed, serializeExtensionsAsAtom: false).WriteTo(writer);
        }
        return Results.Bytes(buffer.ToArray(), "application/rss+xml; charset=utf-8");
    }

    private static async Task<IResult> ExportCsvAsync(HttpRequest request, OpportunityQueryCatalogCache catalogs, OpportunitySearch search, TimeProvider clock, IServiceScopeFactory scopes, CancellationToken ct)
    {
        var (ids, problem) = await MatchingIdsAsync(request, catalogs, search, clock, ct);
        if (problem is not null)
        {
            return problem;
        }
        return Results.Stream(async body =>
        {
            await using var text = new StreamWriter(body, new UTF8Encoding(false), bufferSize: 16 * 1024);
            await using var csv = new CsvWriter(text, CultureInfo.InvariantCulture);
            csv.WriteHeader<OpenDataOpportunity>();
            await csv.NextRecordAsync();
            await foreach (var chunk in ChunksAsync(ids!, scopes, clock, ct))
            {
                foreach (var opportunity in chunk)
                {
                    csv.WriteRecord(opportunity);
                    await csv.NextRecordAsync();
                }
                await csv.FlushAsync();
            }
        }, "text/csv; charset=utf-8", "offres.csv");
    }

    private static async Task<IResult> ExportJsonAsync(HttpRequest request, OpportunityQueryCatalogCache catalogs, OpportunitySearch search, TimeProvider clock, IServiceScopeFactory scopes, CancellationToken ct)
    {
        var (ids, problem) = await MatchingIdsAsync(request, catalogs, search, clock, ct);
        if (problem is not null)
        {
            return problem;
        }
        return Results.Stream(async body =>
        {
            // An async sequence is written element by element: the whole export is never held in memory.
            await JsonSerializer.SerializeAsync(body, Flatten(ChunksAsync(ids!, scopes, clock, ct)), cancellationToken: ct);
        }, "application/json; charset=utf-8", "offres.json");
    }

    private static async Task<(List<int>? Ids, IResult? Problem)> MatchingIdsAsync(HttpRequest request, OpportunityQueryCatalogCache catalogs, OpportunitySearch search, TimeProvider clock, CancellationToken ct)
    {
        var (query, problem) = await ReadQueryAsync(request, catalogs);
        if (problem is not null)
        {
            return (null, problem);
        }
        var index = await search.IndexAsync(ct);
        return (index.All(query!, clock.GetUtcNow()).Select(r => r.Id).ToList(), null);
    }

    private static async IAsyncEnumerable<List<OpenDataOpportunity>> ChunksAsync(List<int> ids, IServiceScopeFactory scopes, TimeProvider clock,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EscaleDbContext>();
        var links = scope.ServiceProvider.GetRequiredService<SiteLinks>();
        for (var i = 0; i < ids.Count; i += ExportChunk)
        {
            yield return await OpenDataOpportunity.LoadAsync(db, links, ids.GetRange(i, Math.Min(ExportChunk, ids.Count - i)), clock.GetUtcNow(), ct);
        }
    }

    private static async IAsyncEnumerable<OpenDataOpportunity> Flatten(IAsyncEnumerable<List<OpenDataOpportunity>> chunks)
    {
        await foreach (var chunk in chunks)
        {
            foreach (var opportunity in chunk)
            {
                yield return opportunity;
            }
        }
    }
}
