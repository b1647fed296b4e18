using Escale.Core.BrandCoCreation;
using Escale.Core.Data;
using Escale.Web.Pages.Recits;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Jeunes.Marque;

/// <summary>
/// The published brand proposals, filtered by kind and by the commission's answer, sorted by votes or newest first
/// (a GET form: links can be shared, no script needed). A value the form does not offer counts as "all".
/// </summary>
public sealed class IndexModel(EscaleDbContext db) : PageModel
{
    public const int PageSize = 20;
    public const string AwaitingAnswer = "en-attente";
    public const string ByVotes = "votes";

    public sealed record Card(int Id, BrandProposalKind Kind, string Title, string Text, int? ImageId, BrandAnswer? Answer, int Votes, int Comments, DateTimeOffset CreatedAt);

    [FromQuery(Name = "type")]
    public string? Type { get; set; }

    [FromQuery(Name = "reponse")]
    public string? Answer { get; set; }

    [FromQuery(Name = "tri")]
    public string? Sort { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<Card> Cards { get; private set; } = [];

    public IReadOnlyDictionary<int, LeadPicture> Pictures { get; private set; } = new Dictionary<int, LeadPicture>();

    public int Total { get; private set; }

    public int PageCount { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var query = db.BrandProposals.AsNoTracking()
            .Where(p => p.Status == BrandProposalStatus.Published || p.Status == BrandProposalStatus.Answered);
        if (BrandLabels.KindSlugs.FirstOrDefault(k => k.Slug == Type) is { Slug: not null } kind)
        {
            query = query.Where(p => p.Kind == kind.Kind);
        }
        else
        {
            Type = null;
        }
        if (Answer == AwaitingAnswer)
        {
            query = query.Where(p => p.Status == BrandProposalStatus.Published);
        }
        else if (BrandLabels.AnswerSlugs.FirstOrDefault(a => a.Slug == Answer) is { Slug: not null } answer)
        {
            query = query.Where(p => p.Answer == answer.Answer);
        }
        else
        {
            Answer = null;
        }
        Sort = Sort == ByVotes ? ByVotes : null;
        Total = await query.CountAsync(cancellationToken);
        PageCount = Math.Max(1, (Total + PageSize - 1) / PageSize);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        var sorted = Sort == ByVotes
            ? query.OrderByDescending(p => p.Votes.Count).ThenByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id)
            : query.OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id);
        Cards = await sorted.Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(p => new Card(p.Id, p.Kind, p.Title, p.Text, p.ImageId, p.Answer, p.Votes.Count, p.Comments.Count(c => c.HiddenAt == null), p.CreatedAt))
            .ToListAsync(cancellationToken);
        Pictures = await LeadPicture.LoadAsync(db, [.. Cards.Where(c => c.ImageId is not null).Select(c => c.ImageId!.Value)], cancellationToken);
    }

    /// <summary>This list with the same filters, at another page.</summary>
    public string PageLink(int page) => QueryHelpers.AddQueryString("/jeunes/marque", new Dictionary<string, string?>
    {
        ["type"] = Type, ["reponse"] = Answer, ["tri"] = Sort, ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(p => p.Value is not null));

    /// <summary>The first lines of a proposal, for its card.</summary>
    public static string Excerpt(string text) => text.Length <= 280 ? text : string.Concat(text.AsSpan(0, 277).TrimEnd(), "…");
}
