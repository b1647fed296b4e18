using System.ComponentModel.DataAnnotations;
using Escale.Core.Calls;
using Escale.Core.Data;
using Escale.Core.Identity;
using Escale.Web.Infrastructure.Localization;
using Escale.Web.Pages.Candidatures;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Escale.Web.Infrastructure.Security;

namespace Escale.Web.Pages.Appels.Consentement;

/// <summary>
/// A minor's guardian, through the e-mailed link (no account: holding the link is the key), reads what the minor applies
/// to and what is kept, confirms who they are and consents (or authorises), and may allow a photo. The link works once
/// and for <see cref="GuardianConsent.LinkValidDays"/> days, never from a team member's own account. The last consent
/// that was awaited submits the application.
/// </summary>
public sealed class IndexModel(EscaleDbContext db, UserManager<ApplicationUser> users, ApplicationSubmission submission,
    ApplicationTokens tokens, TimeProvider clock) : PageModel
{
    public const string UsedOrUnknown = "Ce lien a déjà été utilisé, ou il n’est pas valide. Si vous avez déjà donné votre accord, il est bien enregistré.";
    public const string FromTeamAccount = "Ce lien est réservé au représentant légal : il ne peut pas être ouvert depuis le compte de la personne mineure ni d’un membre de son équipe. Déconnectez-vous, ou ouvrez-le depuis votre propre appareil.";

    public static readonly IReadOnlyList<string> Relationships = ["Mère", "Père", "Tuteur ou tutrice", "Autre titulaire de l’autorité parentale"];

    public sealed class ConsentInput
    {
        [Required(ErrorMessage = "Indiquez votre nom et votre prénom.")]
        [StringLength(200, ErrorMessage = "Ce champ ne doit pas dépasser {1} caractères.")]
        [Display(Name = "Vos nom et prénom")]
        public string ConfirmedName { get; set; } = "";

        [Display(Name = "Votre lien avec la personne mineure")]
        public string? Relationship { get; set; }

        public bool Consents { get; set; }

        public bool PhotoAllowed { get; set; }
    }

    [BindProperty]
    public ConsentInput Input { get; set; } = new();

    public string? Refusal { get; private set; }
    public GuardianConsent? Consent { get; private set; }
    public string MinorName { get; private set; } = "";
    public string CallTitle { get; private set; } = "";
    public string? Organiser { get; private set; }
    public string ProjectTitle { get; private set; } = "";
    public string WithdrawalPath { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        await LoadAsync(token, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            await LoadAsync(token, cancellationToken);
            if (Consent is null || Refusal is not null)
            {
                return Page();
            }
            if (Input.Relationship is null || !Relationships.Contains(Input.Relationship))
            {
                ModelState.AddModelError("Input.Relationship", "Indiquez votre lien avec la personne mineure.");
            }
            if (!Input.Consents)
            {
                ModelState.AddModelError("Input.Consents", Consent.Kind == GuardianConsentKind.Authorisation
                    ? "Cochez la case pour donner votre autorisation." : "Cochez la case pour donner votre accord.");
            }
            if (!ModelState.IsValid)
            {
                return Page();
            }
            var now = clock.GetUtcNow();
            Consent.ConfirmedName = Input.ConfirmedName.Trim();
            Consent.Relationship = Input.Relationship;
            Consent.PhotoAllowed = Input.PhotoAllowed;
            Consent.ConsentedAt = now;
            Consent.TokenHash = null;
            await submission.AfterConsentAsync(Consent.Member!.Application!, cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                break;
            }
            catch (DbUpdateConcurrencyException) when (attempt == 0)
            {
                // Another guardian of the team consented at the same moment: read again, so that one of the two submits.
                db.ChangeTracker.Clear();
            }
        }
        TempData["StatusMessage"] = "Merci : votre accord est enregistré. Vous pouvez le retirer à tout moment depuis cette page (gardez le lien du courriel).";
        return Redirect(WithdrawalPath);
    }

    private async Task LoadAsync(string token, CancellationToken cancellationToken)
    {
        Refusal = UsedOrUnknown;
        Consent = null;
        if (!LinkTokens.IsWellFormed(token))
        {
            return;
        }
        var hash = LinkTokens.Hash(token);
        var consentId = await db.GuardianConsents.Where(g => g.TokenHash == hash).Select(g => (int?)g.Id).FirstOrDefaultAsync(cancellationToken);
        if (consentId is null)
        {
            return;
        }
        var applicationId = await db.GuardianConsents.Where(g => g.Id == consentId).Select(g => g.Member!.ApplicationId).SingleAsync(cancellationToken);
        var application = (await submission.LoadAsync(applicationId, cancellationToken))!;
        var member = application.Members.Single(m => m.GuardianConsents.Any(g => g.Id == consentId));
        Consent = member.GuardianConsents.Single(g => g.Id == consentId);
        MinorName = member.Name;
        CallTitle = application.Call!.Title;
        Organiser = application.Call.Organiser;
        ProjectTitle = application.ProjectTitle;
        WithdrawalPath = ApplicationEmails.WithdrawalPath(tokens.WithdrawalToken(Consent.Id));
        var userId = users.GetUserId(User);
        Refusal = userId is not null && application.Members.Any(m => m.UserId == userId) ? FromTeamAccount
            : clock.GetUtcNow() >= Consent.ExpiresAt
                ? $"Ce lien a expiré le {ParisTime.LongDateTime(Consent.ExpiresAt)}. Demandez à la personne qui porte le projet de vous en envoyer un nouveau depuis sa candidature."
            : application.Status == ApplicationStatus.Withdrawn ? "Cette candidature a été retirée : il n’y a plus d’accord à donner."
            : null;
        if (Refusal == FromTeamAccount)
        {
            // The minor's own account sees nothing of their guardian's page.
            Consent = null;
            MinorName = CallTitle = ProjectTitle = "";
            Organiser = null;
        }
    }
}
