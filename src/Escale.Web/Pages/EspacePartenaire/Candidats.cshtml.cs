using Escale.Core.Data;
using Escale.Core.Identity;
using Escale.Core.Opportunities.Interest;
using Escale.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.EspacePartenaire;

/// <summary>The people who said they were interested in one of the organisation's opportunities, newest first.</summary>
public sealed class CandidatsModel(EscaleDbContext db, UserManager<ApplicationUser> users, IAuthorizationService authorization) : PageModel
{
    public sealed record CandidateRow(
        int Id, string Name, string Email, string? Phone, string? Message, DateTimeOffset CreatedAt, string? CampaignCode,
        CandidateStatus Status, DateTimeOffset? StatusChangedAt, int Answers);

    public int OpportunityId { get; private set; }
    public string OpportunityTitle { get; private set; } = "";
    public string OrganisationName { get; private set; } = "";
    public IReadOnlyList<CandidateRow> Candidates { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var userId = users.GetUserId(User)!;
        var isAdministrator = (await authorization.AuthorizeAsync(User, Policies.Administrators)).Succeeded;
        var opportunity = await db.OpportunitiesWithCandidatesOf(userId, isAdministrator).Where(o => o.Id == id)
            .Select(o => new { o.Id, o.Title, Organisation = o.Organisation!.Name }).SingleOrDefaultAsync(cancellationToken);
        if (opportunity is null)
        {
            return NotFound();
        }
        (OpportunityId, OpportunityTitle, OrganisationName) = (opportunity.Id, opportunity.Title, opportunity.Organisation);
        Candidates = await db.CandidatesOf(userId, isAdministrator).AsNoTracking().Where(i => i.OpportunityId == id)
            .OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id)
            .Select(i => new CandidateRow(i.Id, i.Name, i.Email, i.Phone, i.Message, i.CreatedAt, i.CampaignCode ?? i.FirstCampaignCode,
                i.Status, i.StatusChangedAt, i.Steps.Count(s => s.Kind == CandidateStepKind.Answered)))
            .ToListAsync(cancellationToken);
        return Page();
    }
}
