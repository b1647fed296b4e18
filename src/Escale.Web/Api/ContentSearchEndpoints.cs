using Escale.Core.Content;
using Escale.Core.Content.Search;
using Escale.Web.Infrastructure.Links;
using Escale.Web.Pages.Recits;
using Microsoft.AspNetCore.Mvc;

namespace Escale.Web.Api;

/// <summary>The search page's results as JSON: <c>/api/v1/recherche?q=…&amp;type=…&amp;langue=…&amp;page=…</c>.</summary>
public static class ContentSearchEndpoints
{
    public sealed record Hit(string Type, string Title, string Url, string SnippetHtml, DateTimeOffset? PublishedAt, DateTimeOffset? StartsAt);
    public sealed record Answer(string Query, int Total, int Page, int PageCount, IReadOnlyList<Hit> Hits);

    public static IEndpointRouteBuilder MapContentSearchApi(this IEndpointRouteBuilder v1)
    {
        v1.MapGet("/recherche", SearchAsync).WithName("ContentSearch")
            .WithTags("Recherche")
            .WithSummary("Chercher dans les récits publiés")
            .WithDescription("Recherche plein texte dans les récits, événements et pages « vivre ici » publiés ; l’extrait marque les mots trouvés avec <mark>.")
            .Produces<Answer>()
            .ProducesValidationProblem();
        return v1;
    }

    private static async Task<IResult> SearchAsync(
        [FromQuery(Name = "q")] string? q, [FromQuery(Name = "type")] string? type, [FromQuery(Name = "langue")] string? language,
        [FromQuery(Name = "page")] string? page, IContentSearch search, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(q))
        {
            return ApiProblems.BadQuery("q", "« q » est obligatoire : les mots à chercher.");
        }
        ContentType? contentType = null;
        if (!string.IsNullOrEmpty(type))
        {
            if (!Pages.Recherche.IndexModel.TypeParameters.TryGetValue(type, out var known))
            {
                return ApiProblems.BadQuery("type", "« type » vaut portrait, pepite, evenement, vivre-ici ou actualite.");
            }
            contentType = known;
        }
        if (language is not (null or "" or ContentDraft.French or ContentDraft.English))
        {
            return ApiProblems.BadQuery("langue", "« langue » vaut fr ou en.");
        }
        if (!ApiProblems.TryReadPositive(page, 1, 1000, "page", out var pageNumber, out var problem))
        {
            return problem!;
        }
        var result = await search.SearchAsync(new ContentSearchQuery
        {
            Text = q,
            Type = contentType,
            Language = string.IsNullOrEmpty(language) ? ContentDraft.French : language,
            Page = pageNumber,
            Now = clock.GetUtcNow(),
        }, cancellationToken);
        if (result.Problem is not null)
        {
            return ApiProblems.BadQuery("q", result.Problem);
        }
        return Results.Ok(new Answer(q, result.Total, result.Page, result.PageCount,
            [.. result.Hits.Select(h => new Hit(Pages.Recherche.IndexModel.ParameterOf(h.Type), h.Title, SiteLinks.ContentPath(h.Type, h.Slug),
                h.SnippetHtml, h.PublishAt, h.StartsAt))]));
    }
}
