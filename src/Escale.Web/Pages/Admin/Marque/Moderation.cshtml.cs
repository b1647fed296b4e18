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
/// Moderation of one brand proposal by the editorial team: publish it or refuse it with a reason (the author is told
/// either way), and hide a comment afterwards (its author is told nothing).
/// </summary>
public sealed class ModerationModel(EscaleDbContext db, UserManager<ApplicationUser> users, BrandEmails emails, TimeProvider clock) : PageModel
{
    public sealed record CommentRow(int Id, string? Author, string Text, DateTimeOffset CreatedAt, DateTimeOffset? HiddenAt);

    [BindProperty]
    public string? Reason { get; set; }

    public BrandProposal Proposal { get; private set; } = null!;
    public string? AuthorName { get; private set; }
    public LeadPicture? Picture { get; private set; }
    public IReadOnlyList<CommentRow> Comments { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostPublierAsync(int id, CancellationToken cancellationToken)
    {
        var proposal = await db.BrandProposals.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (proposal is null)
        {
            return NotFound();
        }
        if (BrandProposalWorkflow.Publish(proposal, users.GetUserId(User)!, clock.GetUtcNow()) is { } refusal)
        {
            return await RefusedAsync(id, "", refusal, cancellationToken);
        }
        await TellAuthorAsync(proposal, emails.Published, cancellationToken);
        if (!await SavedFirstAsync(cancellationToken))
        {
            return await RefusedAsync(id, "", DecidedMeanwhile, cancellationToken);
        }
        TempData["StatusMessage"] = "La proposition est publiée ; son auteur est prévenu.";
        return RedirectToPage("/Admin/Marque/Index");
    }

    public async Task<IActionResult> OnPostRefuserAsync(int id, CancellationToken cancellationToken)
    {
        var proposal = await db.BrandProposals.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (proposal is null)
        {
            return NotFound();
        }
        if (BrandProposalWorkflow.Reject(proposal, users.GetUserId(User)!, Reason, clock.GetUtcNow()) is { } refusal)
        {
            return await RefusedAsync(id, proposal.Status == BrandProposalStatus.Submitted ? nameof(Reason) : "", refusal, cancellationToken);
        }
        await TellAuthorAsync(proposal, emails.Rejected, cancellationToken);
        if (!await SavedFirstAsync(cancellationToken))
        {
            return await RefusedAsync(id, "", DecidedMeanwhile, cancellationToken);
        }
        TempData["StatusMessage"] = "La proposition n’est pas publiée ; son auteur en connaît le motif.";
        return RedirectToPage("/Admin/Marque/Index");
    }

    public async Task<IActionResult> OnPostMasquerAsync(int id, int commentId, CancellationToken cancellationToken)
    {
        var comment = await db.BrandProposalComments.FirstOrDefaultAsync(c => c.Id == commentId && c.ProposalId == id, cancellationToken);
        if (comment is null)
        {
            return NotFound();
        }
        if (BrandProposalWorkflow.Hide(comment, users.GetUserId(User)!, clock.GetUtcNow()) is null)
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        TempData["StatusMessage"] = "Le commentaire est masqué.";
        return Redirect($"/admin/marque/{id}/moderation#commentaires");
    }

    public const string DecidedMeanwhile = "Cette proposition vient d’être traitée par quelqu’un d’autre : voici son état.";

    /// <summary>Saves the decision with its e-mail, unless another editor's decision on the same proposal was saved first.</summary>
    private async Task<bool> SavedFirstAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }

    /// <summary>Queues the author's e-mail (with the change, in the same save); an erased author is told nothing.</summary>
    private async Task TellAuthorAsync(BrandProposal proposal, Action<string, string?, BrandProposal> email, CancellationToken cancellationToken)
    {
        var author = await db.Users.Where(u => u.Id == proposal.AuthorUserId).Select(u => new { u.Email, u.DisplayName }).FirstOrDefaultAsync(cancellationToken);
        if (author?.Email is { } address)
        {
            email(address, author.DisplayName, proposal);
        }
    }

    private async Task<IActionResult> RefusedAsync(int id, string field, string refusal, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await LoadAsync(id, cancellationToken);
        ModelState.AddModelError(field, refusal);
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var proposal = await db.BrandProposals.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (proposal is null)
        {
            return false;
        }
        Proposal = proposal;
        AuthorName = await db.Users.Where(u => u.Id == proposal.AuthorUserId).Select(u => u.DisplayName ?? u.UserName).FirstOrDefaultAsync(cancellationToken);
        Picture = await LeadPicture.LoadAsync(db, proposal.ImageId, cancellationToken);
        Comments = await db.BrandProposalComments.AsNoTracking().Where(c => c.ProposalId == id)
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new CommentRow(c.Id, db.Users.Where(u => u.Id == c.AuthorUserId).Select(u => u.DisplayName ?? u.UserName).FirstOrDefault(), c.Text, c.CreatedAt, c.HiddenAt))
            .ToListAsync(cancellationToken);
        return true;
    }
}
