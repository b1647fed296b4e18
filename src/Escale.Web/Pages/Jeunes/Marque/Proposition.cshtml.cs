using Escale.Core.BrandCoCreation;
using Escale.Core.Data;
using Escale.Core.Identity;
using Escale.Web.Pages.Recits;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Jeunes.Marque;

/// <summary>
/// One published proposal: its text and image, its votes, its comments and the commission's public answer. A signed-in
/// person votes (once: a second vote, or a double submit, counts once; the author cannot vote for their own), withdraws
/// their vote, and comments. A visitor is asked to sign in first. Anything not published is not found.
/// </summary>
public sealed class PropositionModel(EscaleDbContext db, UserManager<ApplicationUser> users, TimeProvider clock) : PageModel
{
    public sealed class CommentInput
    {
        public string? Text { get; set; }
        public Guid? CreationKey { get; set; }
    }

    public sealed record CommentRow(int Id, string? Author, string Text, DateTimeOffset CreatedAt);

    [BindProperty]
    public CommentInput Comment { get; set; } = new();

    public BrandProposal Proposal { get; private set; } = null!;
    public LeadPicture? Picture { get; private set; }
    public int Votes { get; private set; }
    public bool HasVoted { get; private set; }
    public bool IsAuthor { get; private set; }
    public IReadOnlyList<CommentRow> Comments { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostVoterAsync(int id, CancellationToken cancellationToken)
    {
        if (users.GetUserId(User) is not { } userId)
        {
            return Challenge();
        }
        var proposal = await db.BrandProposals.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (proposal is null || !proposal.IsPublic)
        {
            return NotFound();
        }
        if (BrandProposalWorkflow.VoteRefusal(proposal, userId) is { } refusal)
        {
            await LoadAsync(id, cancellationToken);
            ModelState.AddModelError("Vote", refusal);
            return Page();
        }
        if (!await db.BrandProposalVotes.AnyAsync(v => v.ProposalId == id && v.UserId == userId, cancellationToken))
        {
            db.BrandProposalVotes.Add(new BrandProposalVote { ProposalId = id, UserId = userId, CreatedAt = clock.GetUtcNow() });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // The same vote posted twice at once: the other post counted it (or the error was another one).
                db.ChangeTracker.Clear();
                if (!await VotedAsync(id, userId, cancellationToken))
                {
                    throw;
                }
            }
        }
        TempData["StatusMessage"] = "Votre vote est enregistré.";
        return Redirect(BrandLabels.ProposalPath(id) + "#votes");
    }

    public async Task<IActionResult> OnPostRetirerAsync(int id, CancellationToken cancellationToken)
    {
        if (users.GetUserId(User) is not { } userId)
        {
            return Challenge();
        }
        var status = await db.BrandProposals.Where(p => p.Id == id).Select(p => (BrandProposalStatus?)p.Status).FirstOrDefaultAsync(cancellationToken);
        if (status is null or BrandProposalStatus.Submitted or BrandProposalStatus.Rejected)
        {
            return NotFound();
        }
        if (status == BrandProposalStatus.Published
            && await db.BrandProposalVotes.Where(v => v.ProposalId == id && v.UserId == userId).ExecuteDeleteAsync(cancellationToken) > 0)
        {
            TempData["StatusMessage"] = "Votre vote est retiré.";
        }
        return Redirect(BrandLabels.ProposalPath(id) + "#votes");
    }

    public async Task<IActionResult> OnPostCommenterAsync(int id, CancellationToken cancellationToken)
    {
        if (users.GetUserId(User) is not { } userId)
        {
            return Challenge();
        }
        var proposal = await db.BrandProposals.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (proposal is null || !proposal.IsPublic)
        {
            return NotFound();
        }
        var key = Comment.CreationKey;
        if (key is not null && await db.BrandProposalComments.AnyAsync(c => c.CreationKey == key, cancellationToken))
        {
            return Commented(id);
        }
        var text = Comment.Text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            ModelState.AddModelError("Comment.Text", "Écrivez votre commentaire.");
        }
        else if (text.Length > BrandProposalComment.TextMaxLength)
        {
            ModelState.AddModelError("Comment.Text", $"Le commentaire ne doit pas dépasser {BrandProposalComment.TextMaxLength} caractères.");
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(id, cancellationToken);
            return Page();
        }
        db.BrandProposalComments.Add(new BrandProposalComment
        {
            ProposalId = id, AuthorUserId = userId, Text = text!, CreationKey = key, CreatedAt = clock.GetUtcNow(),
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (key is not null)
        {
            // The same form posted twice at once: the other post made the comment (or the error was another one).
            db.ChangeTracker.Clear();
            if (!await db.BrandProposalComments.AnyAsync(c => c.CreationKey == key, cancellationToken))
            {
                throw;
            }
        }
        return Commented(id);
    }

    private RedirectResult Commented(int id)
    {
        TempData["StatusMessage"] = "Votre commentaire est publié.";
        return Redirect(BrandLabels.ProposalPath(id) + "#commentaires");
    }

    private Task<bool> VotedAsync(int id, string userId, CancellationToken cancellationToken) =>
        db.BrandProposalVotes.AnyAsync(v => v.ProposalId == id && v.UserId == userId, cancellationToken);

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
        Comments = await db.BrandProposalComments.AsNoTracking().Where(c => c.ProposalId == id && c.HiddenAt == null)
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new CommentRow(c.Id, db.Users.Where(u => u.Id == c.AuthorUserId).Select(u => u.DisplayName).FirstOrDefault(), c.Text, c.CreatedAt))
            .ToListAsync(cancellationToken);
        if (users.GetUserId(User) is { } userId)
        {
            IsAuthor = proposal.AuthorUserId == userId;
            HasVoted = await VotedAsync(id, userId, cancellationToken);
        }
        Comment.CreationKey ??= Guid.NewGuid();
        return true;
    }
}
