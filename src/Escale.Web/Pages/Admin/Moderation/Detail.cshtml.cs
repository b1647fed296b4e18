using System.ComponentModel.DataAnnotations;
using Escale.Core.Data;
using Escale.Core.Identity;
using Escale.Core.Opportunities;
using Escale.Web.Infrastructure.Email;
using Escale.Web.Infrastructure.Links;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Admin.Moderation;

/// <summary>One opportunity in review: its content, what changed since it was last approved, and approve or reject (with a note).</summary>
public sealed class DetailModel(EscaleDbContext db, IEmailOutbox outbox, SiteLinks links, TimeProvider clock) : PageModel
{
    [BindProperty]
    [Display(Name = "Motif du refus (envoyé au partenaire)")]
    [StringLength(2000, ErrorMessage = "Le motif est trop long (2 000 caractères au plus).")]
    public string? Note { get; set; }

    public Opportunity Opportunity { get; private set; } = null!;

    public IReadOnlyDictionary<string, string> Fields { get; private set; } = new Dictionary<string, string>();

    /// <summary>Null for a new opportunity (never approved).</summary>
    public IReadOnlyList<ModeratedFields.Change>? Changes { get; private set; }

    public DateTimeOffset? ApprovedAt { get; private set; }

    /// <summary>A published opportunity's edit waiting for a decision: what <see cref="Fields"/> shows; the version online is unchanged.</summary>
    public PendingEdit? Edit { get; private set; }

    public bool AwaitsDecision => Opportunity.Status == OpportunityStatus.InReview || Edit is not null;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var opportunity = await LoadAsync(id, cancellationToken);
        if (opportunity is null)
        {
            return NotFound();
        }
        await DescribeAsync(opportunity, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostApprouverAsync(int id, CancellationToken cancellationToken)
    {
        var opportunity = await LoadAsync(id, cancellationToken);
        if (opportunity is null)
        {
            return NotFound();
        }
        var now = clock.GetUtcNow();
        var edit = await PendingEditOfAsync(opportunity, cancellationToken);
        if (edit is not null)
        {
            var commune = await db.Communes.SingleAsync(c => c.Id == edit.CommuneId, cancellationToken);
            edit.ApplyTo(opportunity, commune);
            opportunity.Commune = commune;
            db.PendingEdits.Remove(edit);
        }
        else if (opportunity.Approve(now) is not null)
        {
            return AlreadyDecided(opportunity);
        }
        var fields = ModeratedFields.ToJson(await FieldsOfAsync(opportunity, cancellationToken));
        var version = await db.ApprovedVersions.FindAsync([opportunity.Id], cancellationToken);
        if (version is null)
        {
            db.ApprovedVersions.Add(new ApprovedVersion { OpportunityId = opportunity.Id, FieldsJson = fields, ApprovedAt = now });
        }
        else
        {
            version.FieldsJson = fields;
            version.ApprovedAt = now;
        }
        await NotifyAsync(edit?.SubmittedByUserId ?? opportunity.SubmittedByUserId, (to, name) => edit is null
            ? ModerationEmails.Approved(to, name, opportunity.Title, links.PartnerSpace())
            : ModerationEmails.EditApproved(to, name, opportunity.Title, links.PartnerSpace()), cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException) when (edit is not null)
        {
            return AlreadyDecided(opportunity); // another editor decided on this edit meanwhile
        }
        TempData["StatusMessage"] = edit is null
            ? $"L’offre « {opportunity.Title} » est publiée."
            : $"La modification de « {opportunity.Title} » est publiée.";
        return RedirectToPage("/Admin/Moderation/Index");
    }

    public async Task<IActionResult> OnPostRefuserAsync(int id, CancellationToken cancellationToken)
    {
        var opportunity = await LoadAsync(id, cancellationToken);
        if (opportunity is null)
        {
            return NotFound();
        }
        var edit = await PendingEditOfAsync(opportunity, cancellationToken);
        if (opportunity.Status != OpportunityStatus.InReview && edit is null)
        {
            return AlreadyDecided(opportunity);
        }
        var note = Note?.Trim();
        if (ModelState.IsValid && edit is not null && string.IsNullOrEmpty(note))
        {
            ModelState.AddModelError(nameof(Note), "Indiquez le motif du refus : le partenaire le reçoit pour corriger sa modification.");
        }
        else if (ModelState.IsValid && edit is null && opportunity.Reject(Note) is { } refusal)
        {
            ModelState.AddModelError(nameof(Note), refusal);
        }
        if (!ModelState.IsValid)
        {
            await DescribeAsync(opportunity, cancellationToken);
            return Page();
        }
        if (edit is null)
        {
            await NotifyAsync(opportunity.SubmittedByUserId, (to, name) => ModerationEmails.Rejected(to, name, opportunity.Title, opportunity.ModerationNote!,
                links.PartnerOpportunity(opportunity.Id)), cancellationToken);
        }
        else
        {
            db.PendingEdits.Remove(edit);
            await NotifyAsync(edit.SubmittedByUserId, (to, name) => ModerationEmails.EditRejected(to, name, opportunity.Title, note!,
                links.PartnerOpportunity(opportunity.Id)), cancellationToken);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException) when (edit is not null)
        {
            return AlreadyDecided(opportunity);
        }
        TempData["StatusMessage"] = edit is null
            ? $"L’offre « {opportunity.Title} » est refusée ; le partenaire a reçu le motif."
            : $"La modification de « {opportunity.Title} » est refusée ; la version publiée reste en ligne et le partenaire a reçu le motif.";
        return RedirectToPage("/Admin/Moderation/Index");
    }

    private async Task<PendingEdit?> PendingEditOfAsync(Opportunity opportunity, CancellationToken cancellationToken) =>
        opportunity.Status == OpportunityStatus.Published
            ? await db.PendingEdits.SingleOrDefaultAsync(e => e.OpportunityId == opportunity.Id, cancellationToken)
            : null;

    private RedirectToPageResult AlreadyDecided(Opportunity opportunity)
    {
        TempData["StatusMessage"] = $"L’offre « {opportunity.Title} » n’est plus en attente : quelqu’un l’a déjà traitée.";
        return RedirectToPage("/Admin/Moderation/Index");
    }

    private Task<Opportunity?> LoadAsync(int id, CancellationToken cancellationToken) =>
        db.Opportunities.Include(o => o.Commune).Include(o => o.Organisation).SingleOrDefaultAsync(o => o.Id == id, cancellationToken);

    private async Task DescribeAsync(Opportunity opportunity, CancellationToken cancellationToken)
    {
        Opportunity = opportunity;
        var current = await FieldsOfAsync(opportunity, cancellationToken);
        Edit = opportunity.Status == OpportunityStatus.Published
            ? await db.PendingEdits.AsNoTracking().SingleOrDefaultAsync(e => e.OpportunityId == opportunity.Id, cancellationToken) : null;
        if (Edit is not null)
        {
            // The edit compared with the version online, read on an untracked copy that is never saved.
            var proposed = await db.Opportunities.AsNoTracking().SingleAsync(o => o.Id == opportunity.Id, cancellationToken);
            var commune = await db.Communes.AsNoTracking().SingleAsync(c => c.Id == Edit.CommuneId, cancellationToken);
            Edit.ApplyTo(proposed, commune);
            proposed.Commune = commune;
            Fields = await FieldsOfAsync(proposed, cancellationToken);
            Changes = ModeratedFields.Compare(current, Fields);
            ApprovedAt = await db.ApprovedVersions.AsNoTracking().Where(v => v.OpportunityId == opportunity.Id)
                .Select(v => (DateTimeOffset?)v.ApprovedAt).SingleOrDefaultAsync(cancellationToken) ?? opportunity.PublishedAt;
            return;
        }
        Fields = current;
        var approved = await db.ApprovedVersions.AsNoTracking().SingleOrDefaultAsync(v => v.OpportunityId == opportunity.Id, cancellationToken);
        if (approved is not null)
        {
            Changes = ModeratedFields.Compare(approved.Fields, current);
            ApprovedAt = approved.ApprovedAt;
        }
    }

    private async Task<Dictionary<string, string>> FieldsOfAsync(Opportunity opportunity, CancellationToken cancellationToken)
    {
        var rome = opportunity.RomeCode is { } romeCode
            ? await db.RomeOccupations.Where(r => r.Code == romeCode).Select(r => r.Label).SingleOrDefaultAsync(cancellationToken)
            : null;
        var naf = opportunity.NafCode is { } nafCode
            ? await db.NafActivities.Where(n => n.Code == nafCode && n.Level == "sous-classe").Select(n => n.Label).FirstOrDefaultAsync(cancellationToken)
            : null;
        return ModeratedFields.Of(opportunity, opportunity.Commune!.Name, rome, naf);
    }

    /// <summary>Queues the notice to whoever submitted, saved with the decision by the caller.</summary>
    private async Task NotifyAsync(string? userId, Func<string, string?, EmailMessage> compose, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.Email, u.DisplayName }).SingleOrDefaultAsync(cancellationToken);
        if (user?.Email is null)
        {
            return;
        }
        outbox.Enqueue(compose(user.Email, user.DisplayName));
    }
}
