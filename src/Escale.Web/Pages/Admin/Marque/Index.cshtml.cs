using Escale.Core.BrandCoCreation;
using Escale.Core.Data;
using Escale.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Admin.Marque;

/// <summary>
/// The brand co-creation's two queues: the proposals awaiting moderation (oldest first), and the published ones
/// awaiting the communication commission's answer (most supported first). Each person sees the links to what they may do.
/// </summary>
public sealed class IndexModel(EscaleDbContext db, IAuthorizationService authorization) : PageModel
{
    public sealed record Row(int Id, BrandProposalKind Kind, string Title, DateTimeOffset CreatedAt, int Votes, int Comments);

    public IReadOnlyList<Row> AwaitingModeration { get; private set; } = [];

    public IReadOnlyList<Row> AwaitingAnswer { get; private set; } = [];

    public IReadOnlyList<Row> Answered { get; private set; } = [];

    public bool CanModerate { get; private set; }

    public bool CanAnswer { get; private set; }

    private static IQueryable<Row> Rows(IQueryable<BrandProposal> proposals) =>
        proposals.Select(p => new Row(p.Id, p.Kind, p.Title, p.CreatedAt, p.Votes.Count, p.Comments.Count(c => c.HiddenAt == null)));

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        CanModerate = (await authorization.AuthorizeAsync(User, Policies.Editors)).Succeeded;
        CanAnswer = (await authorization.AuthorizeAsync(User, Policies.BrandCommission)).Succeeded;
        var proposals = db.BrandProposals.AsNoTracking();
        AwaitingModeration = await Rows(proposals.Where(p => p.Status == BrandProposalStatus.Submitted).OrderBy(p => p.CreatedAt).ThenBy(p => p.Id))
            .ToListAsync(cancellationToken);
        AwaitingAnswer = await Rows(proposals.Where(p => p.Status == BrandProposalStatus.Published).OrderByDescending(p => p.Votes.Count).ThenBy(p => p.ModeratedAt).ThenBy(p => p.Id))
            .ToListAsync(cancellationToken);
        Answered = await Rows(proposals.Where(p => p.Status == BrandProposalStatus.Answered).OrderByDescending(p => p.AnsweredAt).ThenByDescending(p => p.Id).Take(50))
            .ToListAsync(cancellationToken);
    }
}
