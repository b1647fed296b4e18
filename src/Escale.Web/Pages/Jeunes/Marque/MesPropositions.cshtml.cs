using Escale.Core.BrandCoCreation;
using Escale.Core.Data;
using Escale.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Jeunes.Marque;

/// <summary>The signed-in person's own brand proposals, whatever their status: waiting, not published (and why), published, answered.</summary>
public sealed class MesPropositionsModel(EscaleDbContext db, UserManager<ApplicationUser> users) : PageModel
{
    public sealed record Row(int Id, BrandProposalKind Kind, string Title, BrandProposalStatus Status, DateTimeOffset CreatedAt,
        string? RejectionReason, BrandAnswer? Answer, int Votes);

    public IReadOnlyList<Row> Proposals { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = users.GetUserId(User);
        Proposals = await db.BrandProposals.AsNoTracking().Where(p => p.AuthorUserId == userId)
            .OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id)
            .Select(p => new Row(p.Id, p.Kind, p.Title, p.Status, p.CreatedAt, p.RejectionReason, p.Answer, p.Votes.Count))
            .ToListAsync(cancellationToken);
    }
}
