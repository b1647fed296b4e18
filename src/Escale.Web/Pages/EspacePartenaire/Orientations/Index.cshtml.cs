using Escale.Core.Data;
using Escale.Core.Identity;
using Escale.Core.Welcome;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.EspacePartenaire.Orientations;

/// <summary>The referrals sent to the partner's organisations. The list names no one: the detail shows what was consented.</summary>
public sealed class IndexModel(EscaleDbContext db, UserManager<ApplicationUser> users) : PageModel
{
    public sealed record Row(int Id, string Organisation, DateTimeOffset? SentAt, ReferralStatus Status);

    public IReadOnlyList<Row> Referrals { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Referrals = await db.ReferralsFor(users.GetUserId(User)!).OrderByDescending(r => r.SentAt)
            .Select(r => new Row(r.Id, r.PartnerOrganisation!.Name, r.SentAt, r.Status)).ToListAsync(cancellationToken);
}

/// <summary>The access rule of the partner's side of referrals, on GET and POST alike.</summary>
public static class PartnerReferrals
{
    /// <summary>Referrals sent (or further) to an organisation the person is a member of; drafts and withdrawn ones never.</summary>
    public static IQueryable<CaseReferral> ReferralsFor(this EscaleDbContext db, string userId) =>
        db.CaseReferrals.Where(r => r.SentAt != null
            && r.Status != ReferralStatus.Draft && r.Status != ReferralStatus.Cancelled
            && r.PartnerOrganisation!.Members.Any(m => m.UserId == userId));
}
