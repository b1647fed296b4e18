using Escale.Core.Data;
using Escale.Core.Identity;
using Escale.Core.Opportunities;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.EspacePartenaire;

/// <summary>A partner's organisations and their opportunities, with how many people are interested in each, and withdraw and renew.</summary>
public sealed class IndexModel(EscaleDbContext db, TimeProvider clock, UserManager<ApplicationUser> users) : PageModel
{
    public sealed record OpportunityRow(int Id, string Title, OpportunityKind Kind, OpportunityStatus Status, DateOnly? ExpiresOn, string? ModerationNote, bool CanRenew, int Candidates, int NewCandidates);

    public sealed record OrganisationRow(int Id, string Name, string Slug, IReadOnlyList<OpportunityRow> Opportunities);

    public IReadOnlyList<OrganisationRow> Organisations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = UserId;
        var today = Today;
        var organisations = await db.OrganisationsOf(userId).OrderBy(o => o.Name).Select(o => new { o.Id, o.Name, o.Slug }).ToListAsync(cancellationToken);
        var opportunities = await db.OpportunitiesOf(userId)
            .OrderByDescending(o => o.UpdatedAt)
            .Select(o => new
            {
                o.OrganisationId, o.Id, o.Title, o.Kind, o.Status, o.ExpiresOn, o.ModerationNote,
                Candidates = db.OpportunityInterests.Count(i => i.OpportunityId == o.Id),
                NewCandidates = db.OpportunityInterests.Count(i => i.OpportunityId == o.Id && i.Status == Core.Opportunities.Interest.CandidateStatus.New),
            })
            .ToListAsync(cancellationToken);
        Organisations = [.. organisations.Select(g => new OrganisationRow(g.Id, g.Name, g.Slug,
            [.. opportunities.Where(o => o.OrganisationId == g.Id).Select(o => new OpportunityRow(o.Id, o.Title, o.Kind, o.Status, o.ExpiresOn, o.ModerationNote,
                ManualOpportunity.CanRenew(o.Status, o.ExpiresOn, today), o.Candidates, o.NewCandidates))]))];
    }

    public async Task<IActionResult> OnPostRetirerAsync(int id, CancellationToken cancellationToken)
    {
        var opportunity = await db.OpportunitiesOf(UserId).SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (opportunity is null)
        {
            return NotFound();
        }
        // Withdrawing an opportunity already off line changes nothing and says the same: the visitor's wish holds.
        if (opportunity.Withdraw() is null)
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        TempData["StatusMessage"] = $"L’offre « {opportunity.Title} » est retirée : elle n’apparaît plus dans la recherche.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostProlongerAsync(int id, CancellationToken cancellationToken)
    {
        var opportunity = await db.OpportunitiesOf(UserId).SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (opportunity is null)
        {
            return NotFound();
        }
        if (opportunity.Renew(Today) is { } refusal)
        {
            TempData["StatusMessage"] = $"« {opportunity.Title} » : {refusal}";
            return RedirectToPage();
        }
        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = $"L’offre « {opportunity.Title} » est prolongée jusqu’au {opportunity.ExpiresOn!.Value.ToString("d", System.Globalization.CultureInfo.CurrentCulture)}.";
        return RedirectToPage();
    }

    private string UserId => users.GetUserId(User)!;

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
