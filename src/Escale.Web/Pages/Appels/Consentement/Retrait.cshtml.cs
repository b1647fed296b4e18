using Escale.Core.Calls;
using Escale.Core.Data;
using Escale.Core.Identity;
using Escale.Web.Pages.Candidatures;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Appels.Consentement;

/// <summary>
/// Where a guardian withdraws their consent (or, informed, opposes the application), at any time, through the signed link
/// of the e-mails and of the consent page: the application is withdrawn and every member told. Never from a team
/// member's own account.
/// </summary>
public sealed class RetraitModel(EscaleDbContext db, UserManager<ApplicationUser> users, ApplicationSubmission submission,
    ApplicationTokens tokens) : PageModel
{
    public GuardianConsent? Consent { get; private set; }
    public ApplicationStatus Status { get; private set; }
    public string MinorName { get; private set; } = "";
    public string CallTitle { get; private set; } = "";
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken) =>
        await LoadAsync(token, cancellationToken) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        var application = await LoadAsync(token, cancellationToken);
        if (application is null)
        {
            return NotFound();
        }
        if (Refusal is not null || Consent!.WithdrawnAt is not null)
        {
            return Page();
        }
        await submission.WithdrawConsentAsync(application, Consent, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = "Votre accord est retiré et la candidature aussi. Chaque membre de l’équipe en est informé.";
        return RedirectToPage(new { token });
    }

    private async Task<CallApplication?> LoadAsync(string token, CancellationToken cancellationToken)
    {
        if (tokens.ConsentOf(token) is not { } consentId)
        {
            return null;
        }
        var applicationId = await db.GuardianConsents.Where(g => g.Id == consentId).Select(g => (int?)g.Member!.ApplicationId).FirstOrDefaultAsync(cancellationToken);
        if (applicationId is null)
        {
            return null;
        }
        var application = (await submission.LoadAsync(applicationId.Value, cancellationToken))!;
        var userId = users.GetUserId(User);
        if (userId is not null && application.Members.Any(m => m.UserId == userId))
        {
            Refusal = IndexModel.FromTeamAccount;
            return application;
        }
        var member = application.Members.Single(m => m.GuardianConsents.Any(g => g.Id == consentId));
        Consent = member.GuardianConsents.Single(g => g.Id == consentId);
        MinorName = member.Name;
        CallTitle = application.Call!.Title;
        Status = application.Status;
        return application;
    }
}
