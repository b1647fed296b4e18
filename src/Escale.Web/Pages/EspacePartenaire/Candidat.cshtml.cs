using System.ComponentModel.DataAnnotations;
using Escale.Core.Data;
using Escale.Core.Identity;
using Escale.Core.Opportunities.Interest;
using Escale.Web.Infrastructure.Identity;
using Escale.Web.Infrastructure.Links;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.EspacePartenaire;

/// <summary>
/// One person interested in an opportunity, as its organisation follows them up: the employer answers (e-mailed with
/// the employer's address as Reply-To) and marks them contacted, retained or not retained. Each step is kept, and told
/// to the candidate by e-mail in the same SaveChanges.
/// </summary>
public sealed class CandidatModel(
    EscaleDbContext db, UserManager<ApplicationUser> users, IAuthorizationService authorization, CandidateEmails emails, SiteLinks links, TimeProvider clock) : PageModel
{
    /// <summary>The same answer posted again within this delay is the same answer.</summary>
    public static readonly TimeSpan DuplicateWindow = TimeSpan.FromMinutes(10);

    // One follow-up at a time, each reading the candidate afresh: two quick posts of the same status or answer cannot
    // both see the candidate before the other's change (one instance; behind several, a rare double would remain).
    private static readonly SemaphoreSlim FollowUpGate = new(1, 1);

    public sealed record StepRow(CandidateStepKind Kind, CandidateStatus? Status, string? Message, DateTimeOffset At);

    public OpportunityInterest Candidate { get; private set; } = null!;
    public string OpportunityTitle { get; private set; } = "";
    public string OrganisationName { get; private set; } = "";
    public IReadOnlyList<StepRow> History { get; private set; } = [];

    [BindProperty]
    public AnswerInput Input { get; set; } = new();

    public sealed class AnswerInput
    {
        [Required(ErrorMessage = "Écrivez votre réponse.")]
        [StringLength(CandidateStep.MessageMaxLength, ErrorMessage = "La réponse ne doit pas dépasser {1} caractères.")]
        [Display(Name = "Votre réponse")]
        public string Message { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostStatusAsync(int id, string? status, CancellationToken cancellationToken)
    {
        await FollowUpGate.WaitAsync(cancellationToken);
        try
        {
            if (!await LoadAsync(id, cancellationToken))
            {
                return NotFound();
            }
            ModelState.Clear();
            if (!Enum.TryParse<CandidateStatus>(status, ignoreCase: false, out var chosen) || !CandidateLabels.Choices.Contains(chosen))
            {
                ModelState.AddModelError("status", "Choisissez un statut : contacté·e, retenu·e ou non retenu·e.");
                return Page();
            }
            // A second click on the same status changes nothing and tells the candidate nothing more.
            if (Candidate.ChangeStatus(chosen, users.GetUserId(User), clock.GetUtcNow()))
            {
                var link = chosen == CandidateStatus.NotRetained ? links.Absolute("/offres") : OpportunityUrl;
                emails.StatusChanged(new(Candidate.Name, Candidate.Email), OpportunityTitle, OrganisationName, chosen, link);
                await db.SaveChangesAsync(cancellationToken);
            }
            TempData["StatusMessage"] = CandidateLabels.StatusConfirmation(chosen);
            return RedirectToPage(new { id, handler = (string?)null });
        }
        finally
        {
            FollowUpGate.Release();
        }
    }

    public async Task<IActionResult> OnPostAnswerAsync(int id, CancellationToken cancellationToken)
    {
        await FollowUpGate.WaitAsync(cancellationToken);
        try
        {
            if (!await LoadAsync(id, cancellationToken))
            {
                return NotFound();
            }
            if (!ModelState.IsValid)
            {
                return Page();
            }
            var message = Input.Message.Trim();
            var me = await users.GetUserAsync(User);
            if (Candidate.Answer(message, me?.Id, clock.GetUtcNow(), DuplicateWindow))
            {
                emails.Answer(new(Candidate.Name, Candidate.Email), OpportunityTitle, OrganisationName, message, me!.Email!, OpportunityUrl);
                await db.SaveChangesAsync(cancellationToken);
            }
            TempData["StatusMessage"] = "Votre réponse est envoyée par courriel ; elle lui permet de vous répondre directement.";
            return RedirectToPage(new { id, handler = (string?)null });
        }
        finally
        {
            FollowUpGate.Release();
        }
    }

    private string OpportunityUrl => links.Opportunity(Candidate.OpportunityId, Candidate.Opportunity!.Slug);

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var isAdministrator = (await authorization.AuthorizeAsync(User, Policies.Administrators)).Succeeded;
        var candidate = await db.CandidatesOf(users.GetUserId(User)!, isAdministrator)
            .Include(i => i.Opportunity).ThenInclude(o => o!.Organisation).Include(i => i.Steps)
            .SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (candidate is null)
        {
            return false;
        }
        Candidate = candidate;
        OpportunityTitle = candidate.Opportunity!.Title;
        OrganisationName = candidate.Opportunity.Organisation?.Name ?? candidate.Opportunity.EmployerName ?? "";
        History = [.. candidate.Steps.OrderByDescending(s => s.At).ThenByDescending(s => s.Id).Select(s => new StepRow(s.Kind, s.Status, s.Message, s.At))];
        return true;
    }
}
