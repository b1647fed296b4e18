using Escale.Core.Data;
using Escale.Core.Identity;
using Escale.Core.Welcome;
using Escale.Web.Infrastructure.Localization;
using Escale.Web.Pages.Accueil;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Escale.Web.Pages.EspacePartenaire.Orientations;

/// <summary>
/// One referral as the partner sees it: exactly the fields the household consented to, with their values, and the
/// referent's words — nothing else of the case. Opening it is written to the case's access log, which the household
/// reads; each answer (taken into account, done, declined with a reason) goes on the case and to the referent.
/// </summary>
public sealed class DetailModel(EscaleDbContext db, UserManager<ApplicationUser> users, ReferentNotices notices, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    public int Id { get; private set; }
    public string Organisation { get; private set; } = "";
    public string Message { get; private set; } = "";
    public ReferralStatus Status { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public string? DeclineReason { get; private set; }
    public IReadOnlyList<ReferralSharing.SharedValue> Shared { get; private set; } = [];

    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var referral = await LoadAsync(id, cancellationToken);
        if (referral is null)
        {
            return NotFound();
        }
        await LogAccessAsync(referral, CaseAccessAction.Viewed, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostAcknowledgeAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, (r, now) => r.Acknowledge(now), CaseEventKind.ReferralAcknowledged, "Mise en relation prise en compte", cancellationToken);

    public Task<IActionResult> OnPostCompleteAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, (r, now) => r.Complete(now), CaseEventKind.ReferralCompleted, "Mise en relation aboutie", cancellationToken);

    public Task<IActionResult> OnPostDeclineAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, (r, now) => r.Decline(Reason, now), CaseEventKind.ReferralDeclined, "Mise en relation déclinée", cancellationToken);

    private async Task<IActionResult> ActAsync(int id, Func<CaseReferral, DateTimeOffset, string?> action, CaseEventKind kind, string subject, CancellationToken cancellationToken)
    {
        var referral = await LoadAsync(id, cancellationToken);
        if (referral is null)
        {
            return NotFound();
        }
        var now = clock.GetUtcNow();
        var refusal = action(referral, now);
        if (refusal is not null)
        {
            ModelState.AddModelError(kind == CaseEventKind.ReferralDeclined ? nameof(Reason) : "", t[refusal]);
            return Page();
        }
        var welcomeCase = await db.Cases.SingleAsync(c => c.Id == referral.CaseId, cancellationToken);
        var user = await users.GetUserAsync(User);
        welcomeCase.Record(kind, new CaseActor(user?.Id, $"{user?.DisplayName} ({Organisation})"), now, referral.DeclineReason is { } reason ? $"{Organisation} : {reason}" : Organisation);
        await LogAccessAsync(referral, CaseAccessAction.Changed, cancellationToken);
        await notices.ToUserAsync(referral.CreatedByUserId, referral.CaseId, subject,
            referral.DeclineReason is { } why ? $"{Organisation} a décliné la mise en relation : {why}" : $"{Organisation} : {subject}.", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = "C’est noté : le référent en est informé.";
        return RedirectToPage(new { id });
    }

    private async Task<CaseReferral?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var referral = await db.ReferralsFor(users.GetUserId(User)!).Include(r => r.PartnerOrganisation).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (referral is null)
        {
            return null;
        }
        Id = referral.Id;
        Organisation = referral.PartnerOrganisation!.Name;
        Message = referral.Message;
        Status = referral.Status;
        SentAt = referral.SentAt;
        DeclineReason = referral.DeclineReason;
        Shared = await ReferralSharing.ValuesAsync(db, referral.Shared, referral.AdultIndex, referral.CaseId, cancellationToken);
        return referral;
    }

    private async Task LogAccessAsync(CaseReferral referral, CaseAccessAction action, CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        db.CaseAccesses.Add(new CaseAccess
        {
            CaseId = referral.CaseId, UserId = user?.Id, ActorName = HouseholdFacingName(user?.DisplayName),
            OrganisationName = Organisation, Action = action, At = clock.GetUtcNow(),
        });
    }

    private static string HouseholdFacingName(string? displayName) => string.IsNullOrWhiteSpace(displayName) ? "Un partenaire" : displayName.Trim();
}
