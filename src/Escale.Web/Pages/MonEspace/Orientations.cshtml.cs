using Escale.Core.Data;
using Escale.Core.Identity;
using Escale.Core.Welcome;
using Escale.Web.Pages.Accueil;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.MonEspace;

/// <summary>
/// The referrals a referent prepared: before anything is sent, the household reads the partner, the referent's words
/// and exactly what would be shared, with its values, and accepts or refuses. The referent who drafted it is told.
/// </summary>
public sealed class OrientationsModel(EscaleDbContext db, UserManager<ApplicationUser> users, ReferentNotices notices, TimeProvider clock) : PageModel
{
    public sealed record Referral(int Id, string Partner, ReferralPartnerKind Kind, string Message, ReferralStatus Status, bool AwaitsConsent,
        DateTimeOffset CreatedAt, string? DeclineReason, IReadOnlyList<ReferralSharing.SharedValue> Shared);

    public IReadOnlyList<Referral> Referrals { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var caseId = await db.CaseOf(users.GetUserId(User)).Select(c => (int?)c.Id).FirstOrDefaultAsync(cancellationToken);
        if (caseId is null)
        {
            return Redirect("/mon-espace");
        }
        var referrals = await db.CaseReferrals.Where(r => r.CaseId == caseId).OrderByDescending(r => r.CreatedAt)
            .Select(r => new { r.Id, Partner = r.PartnerOrganisation!.Name, r.PartnerKind, r.Message, r.Status, r.ConsentedAt, r.CreatedAt, r.DeclineReason, r.Shared, r.AdultIndex })
            .ToListAsync(cancellationToken);
        var shown = new List<Referral>();
        foreach (var r in referrals)
        {
            shown.Add(new Referral(r.Id, r.Partner, r.PartnerKind, r.Message, r.Status, r.Status == ReferralStatus.Draft && r.ConsentedAt is null,
                r.CreatedAt, r.DeclineReason, await ReferralSharing.ValuesAsync(db, r.Shared, r.AdultIndex, caseId.Value, cancellationToken)));
        }
        Referrals = shown;
        return Page();
    }

    public Task<IActionResult> OnPostConsentAsync(int id, CancellationToken cancellationToken) => AnswerAsync(id, consent: true, cancellationToken);

    public Task<IActionResult> OnPostRefuseAsync(int id, CancellationToken cancellationToken) => AnswerAsync(id, consent: false, cancellationToken);

    private async Task<IActionResult> AnswerAsync(int id, bool consent, CancellationToken cancellationToken)
    {
        var userId = users.GetUserId(User)!;
        var welcomeCase = await db.CaseOf(userId).FirstOrDefaultAsync(cancellationToken);
        var referral = welcomeCase is null ? null
            : await db.CaseReferrals.Include(r => r.PartnerOrganisation).SingleOrDefaultAsync(r => r.Id == id && r.CaseId == welcomeCase.Id, cancellationToken);
        if (referral is null)
        {
            return NotFound();
        }
        var now = clock.GetUtcNow();
        var refusal = referral.ConsentedAt is not null ? "Vous avez déjà accepté ce partage." : consent ? referral.Consent(now) : referral.Refuse(now);
        if (refusal is not null)
        {
            TempData["StatusMessage"] = refusal;
            return RedirectToPage();
        }
        var partner = referral.PartnerOrganisation!.Name;
        welcomeCase!.Record(consent ? CaseEventKind.ReferralConsented : CaseEventKind.ReferralRefused, welcomeCase.HouseholdActor(userId), now, partner);
        await notices.ToUserAsync(referral.CreatedByUserId, welcomeCase.Id,
            consent ? "Partage accepté par le ménage" : "Partage refusé par le ménage",
            consent
                ? $"{welcomeCase.HouseholdName} accepte la mise en relation avec {partner} : vous pouvez l’envoyer."
                : $"{welcomeCase.HouseholdName} refuse la mise en relation avec {partner} : rien ne lui sera transmis.",
            cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = consent
            ? "Merci : votre référent peut maintenant transmettre ces informations, et seulement celles-ci."
            : "C’est noté : rien ne sera transmis à ce partenaire.";
        return RedirectToPage();
    }
}
