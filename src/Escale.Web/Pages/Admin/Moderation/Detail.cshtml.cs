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

/// <summary>One offer in review: its content, what changed since it was last approved, and approve or reject (with a note).</summary>
public sealed class DetailModel(EscaleDbContext db, IEmailOutbox outbox, SiteLinks links, TimeProvider clock) : PageModel
{
    [BindProperty]
    [Display(Name = "Motif du refus (envoyé au partenaire)")]
    [StringLength(2000, ErrorMessage = "Le motif est trop long (2 000 caractères au plus).")]
    public string? Note { get; set; }

    public Opportunity Offer { get; private set; } = null!;

    public IReadOnlyDictionary<string, string> Fields { get; private set; } = new Dictionary<string, string>();

    /// <summary>Null for a new offer (never approved).</summary>
    public IReadOnlyList<ModeratedFields.Change>? Changes { get; private set; }

    public DateTimeOffset? ApprovedAt { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var offer = await LoadAsync(id, cancellationToken);
        if (offer is null)
        {
            return NotFound();
        }
        await DescribeAsync(offer, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostApprouverAsync(int id, CancellationToken cancellationToken)
    {
        var offer = await LoadAsync(id, cancellationToken);
        if (offer is null)
        {
            return NotFound();
        }
        var now = clock.GetUtcNow();
        if (offer.Approve(now) is not null)
        {
            return AlreadyDecided(offer);
        }
        var fields = ModeratedFields.ToJson(ModeratedFields.Of(offer, offer.Commune!.Name));
        var version = await db.ApprovedVersions.FindAsync([offer.Id], cancellationToken);
        if (version is null)
        {
            db.ApprovedVersions.Add(new ApprovedVersion { OpportunityId = offer.Id, FieldsJson = fields, ApprovedAt = now });
        }
        else
        {
            version.FieldsJson = fields;
            version.ApprovedAt = now;
        }
        await NotifyAsync(offer, (to, name) => ModerationEmails.Approved(to, name, offer.Title, links.PartnerSpace()), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = $"L’offre « {offer.Title} » est publiée.";
        return RedirectToPage("/Admin/Moderation/Index");
    }

    public async Task<IActionResult> OnPostRefuserAsync(int id, CancellationToken cancellationToken)
    {
        var offer = await LoadAsync(id, cancellationToken);
        if (offer is null)
        {
            return NotFound();
        }
        if (offer.Status != OpportunityStatus.InReview)
        {
            return AlreadyDecided(offer);
        }
        if (ModelState.IsValid && offer.Reject(Note) is { } refusal)
        {
            ModelState.AddModelError(nameof(Note), refusal);
        }
        if (!ModelState.IsValid)
        {
            await DescribeAsync(offer, cancellationToken);
            return Page();
        }
        await NotifyAsync(offer, (to, name) => ModerationEmails.Rejected(to, name, offer.Title, offer.ModerationNote!,
            links.PartnerOpportunity(offer.Id)), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = $"L’offre « {offer.Title} » est refusée ; le partenaire a reçu le motif.";
        return RedirectToPage("/Admin/Moderation/Index");
    }

    private RedirectToPageResult AlreadyDecided(Opportunity offer)
    {
        TempData["StatusMessage"] = $"L’offre « {offer.Title} » n’est plus en attente : quelqu’un l’a déjà traitée.";
        return RedirectToPage("/Admin/Moderation/Index");
    }

    private Task<Opportunity?> LoadAsync(int id, CancellationToken cancellationToken) =>
        db.Opportunities.Include(o => o.Commune).Include(o => o.Organisation).SingleOrDefaultAsync(o => o.Id == id, cancellationToken);

    private async Task DescribeAsync(Opportunity offer, CancellationToken cancellationToken)
    {
        Offer = offer;
        var current = ModeratedFields.Of(offer, offer.Commune!.Name);
        Fields = current;
        var approved = await db.ApprovedVersions.AsNoTracking().SingleOrDefaultAsync(v => v.OpportunityId == offer.Id, cancellationToken);
        if (approved is not null)
        {
            Changes = ModeratedFields.Compare(approved.Fields, current);
            ApprovedAt = approved.ApprovedAt;
        }
    }

    /// <summary>Queues the partner's notice, saved with the decision by the caller.</summary>
    private async Task NotifyAsync(Opportunity offer, Func<string, string?, EmailMessage> compose, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == offer.SubmittedByUserId)
            .Select(u => new { u.Email, u.DisplayName }).SingleOrDefaultAsync(cancellationToken);
        if (user?.Email is null)
        {
            return;
        }
        outbox.Enqueue(compose(user.Email, user.DisplayName));
    }
}
