using Escale.Core.BrandCoCreation;
using Escale.Core.Data;
using Escale.Core.Identity;
using Escale.Web.Pages.Jeunes.Marque;
using Escale.Web.Pages.Recits;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Admin.Marque;

/// <summary>
/// The communication commission's public answer to a published brand proposal — retained, adapted or not retained, with
/// a reason — which the proposal's page shows and its author receives by e-mail. Commission members and administrators only.
/// </summary>
public sealed class ReponseModel(EscaleDbContext db, UserManager<ApplicationUser> users, BrandEmails emails, TimeProvider clock) : PageModel
{
    public sealed class AnswerInput
    {
        public BrandAnswer? Answer { get; set; }
        public string? Reason { get; set; }
    }

    [BindProperty]
    public AnswerInput Input { get; set; } = new();

    public BrandProposal Proposal { get; private set; } = null!;
    public LeadPicture? Picture { get; private set; }
    public int Votes { get; private set; }
    public int Comments { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var proposal = await db.BrandProposals.FirstOrDefaultAsync(p => p.Id == id && p.Status != BrandProposalStatus.Submitted && p.Status != BrandProposalStatus.Rejected, cancellationToken);
        if (proposal is null)
        {
            return NotFound();
        }
        if (Input.Answer is not { } answer)
        {
            ModelState.AddModelError("Input.Answer", "Choisissez la réponse de la commission.");
            await LoadAsync(id, cancellationToken);
            return Page();
        }
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (BrandProposalWorkflow.AnswerWith(proposal, answer, Input.Reason, user.Id, user.DisplayName ?? user.UserName ?? "", clock.GetUtcNow()) is { } refusal)
        {
            var field = proposal.Status == BrandProposalStatus.Published && Enum.IsDefined(answer) ? "Input.Reason" : "";
            db.ChangeTracker.Clear();
            await LoadAsync(id, cancellationToken);
            ModelState.AddModelError(field, refusal);
            return Page();
        }
        var author = await db.Users.Where(u => u.Id == proposal.AuthorUserId).Select(u => new { u.Email, u.DisplayName }).FirstOrDefaultAsync(cancellationToken);
        if (author?.Email is { } address)
        {
            emails.Answered(address, author.DisplayName, proposal);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another member of the commission answered first: theirs stands, and the author was told once.
            db.ChangeTracker.Clear();
            await LoadAsync(id, cancellationToken);
            ModelState.AddModelError("", ModerationModel.DecidedMeanwhile);
            return Page();
        }
        TempData["StatusMessage"] = "La réponse est publiée ; l’auteur de la proposition est prévenu.";
        return RedirectToPage("/Admin/Marque/Index");
    }

    /// <summary>Published or answered proposals only: nothing to answer before moderation.</summary>
    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var proposal = await db.BrandProposals.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (proposal is null || !proposal.IsPublic)
        {
            return false;
        }
        Proposal = proposal;
        Picture = await LeadPicture.LoadAsync(db, proposal.ImageId, cancellationToken);
        Votes = await db.BrandProposalVotes.CountAsync(v => v.ProposalId == id, cancellationToken);
        Comments = await db.BrandProposalComments.CountAsync(c => c.ProposalId == id && c.HiddenAt == null, cancellationToken);
        return true;
    }
}
