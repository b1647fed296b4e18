using System.Security.Claims;
using Escale.Core.Calls;
using Escale.Core.Data;
using Escale.Core.Media;
using Escale.Web.Infrastructure.Media;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Candidatures;

/// <summary>
/// The laureate team's follow-up: the milestones and the support granted, their progress updates, the public summary,
/// and — for the lead only — publishing or withdrawing the public project page. Any confirmed member of the team sees
/// it; anyone else gets a 404, as if the file did not exist. The running team's notes are never read here.
/// </summary>
public sealed class SuiviModel(EscaleDbContext db, TimeProvider clock, MediaLibrary media) : PageModel
{
    public const int PhotoAltMaxLength = 300;

    /// <summary>The photo the lead gives for the laureates' page, with its description and the consent of those it shows.</summary>
    public sealed class PhotoInput
    {
        public IFormFile? File { get; set; }
        public string? Alt { get; set; }
        public bool Consent { get; set; }
    }

    [BindProperty]
    public PhotoInput Photo { get; set; } = new();

    /// <summary>The current photo's description, when there is one.</summary>
    public string? CurrentPhotoAlt { get; private set; }

    public long MaxPhotoBytes => media.Limits.MaxBytes;

    public sealed record MilestoneRow(string Title, DateOnly? DueOn, DateTimeOffset? ReachedAt);

    public sealed record UpdateRow(string Author, string Text, DateTimeOffset At);

    public int Id { get; private set; }

    public string ProjectTitle { get; private set; } = "";

    public string CallTitle { get; private set; } = "";

    public string Slug { get; private set; } = "";

    public bool Youth { get; private set; }

    public bool IsLead { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    public decimal? SupportAmountEuros { get; private set; }

    public string? SupportDescription { get; private set; }

    public string? Mentor { get; private set; }

    public string? PartnerOrganisation { get; private set; }

    public IReadOnlyList<MilestoneRow> Milestones { get; private set; } = [];

    public IReadOnlyList<UpdateRow> Updates { get; private set; } = [];

    [BindProperty]
    public string? Summary { get; set; }

    /// <summary>The progress form, kept on a refusal.</summary>
    public string? NewUpdate { get; private set; }

    private sealed record Access(int FollowUpId, bool IsLead);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await AccessAsync(id, cancellationToken) is not { } access)
        {
            return NotFound();
        }
        await ShowAsync(id, access, cancellationToken);
        Summary = await db.ProjectFollowUps.Where(f => f.Id == access.FollowUpId).Select(f => f.PublicSummary).SingleAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostProgressAsync(int id, string? text, CancellationToken cancellationToken)
    {
        if (await AccessAsync(id, cancellationToken) is not { } access)
        {
            return NotFound();
        }
        ModelState.Clear();
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            ModelState.AddModelError("text", "Écrivez où en est le projet.");
        }
        else if (text.Length > FollowUpEntry.TextMaxLength)
        {
            ModelState.AddModelError("text", "Le message ne doit pas dépasser 4 000 caractères.");
        }
        if (!ModelState.IsValid)
        {
            NewUpdate = text;
            await ShowAsync(id, access, cancellationToken);
            Summary = await db.ProjectFollowUps.Where(f => f.Id == access.FollowUpId).Select(f => f.PublicSummary).SingleAsync(cancellationToken);
            return Page();
        }
        db.FollowUpEntries.Add(new FollowUpEntry
        {
            FollowUpId = access.FollowUpId, Kind = FollowUpEntryKind.Progress, AuthorUserId = UserId, Text = text!, At = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = "Vos nouvelles sont enregistrées.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostSummaryAsync(int id, CancellationToken cancellationToken)
    {
        if (await AccessAsync(id, cancellationToken) is not { } access)
        {
            return NotFound();
        }
        var summary = Summary?.Trim();
        if (summary?.Length > 8000)
        {
            ModelState.AddModelError(nameof(Summary), "Le résumé ne doit pas dépasser 8 000 caractères.");
            await ShowAsync(id, access, cancellationToken);
            return Page();
        }
        var followUp = await db.ProjectFollowUps.SingleAsync(f => f.Id == access.FollowUpId, cancellationToken);
        followUp.PublicSummary = string.IsNullOrEmpty(summary) ? null : summary;
        if (followUp.PublicSummary is null && followUp.PublishedAt is not null)
        {
            // A public page without its text would say nothing: it goes offline until a summary is written again.
            followUp.PublishedAt = null;
        }
        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = "Le résumé public est enregistré.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostPublishAsync(int id, bool publish, CancellationToken cancellationToken)
    {
        if (await AccessAsync(id, cancellationToken) is not { } access)
        {
            return NotFound();
        }
        if (!access.IsLead)
        {
            TempData["StatusMessage"] = "Seul le porteur du projet peut publier ou retirer la page publique.";
            return RedirectToPage(new { id });
        }
        var followUp = await db.ProjectFollowUps.SingleAsync(f => f.Id == access.FollowUpId, cancellationToken);
        if (publish && string.IsNullOrWhiteSpace(followUp.PublicSummary))
        {
            TempData["StatusMessage"] = "Écrivez d’abord le résumé public du projet : c’est le texte de sa page.";
            return RedirectToPage(new { id });
        }
        followUp.PublishedAt = publish ? followUp.PublishedAt ?? clock.GetUtcNow() : null;
        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = publish ? "La page du projet est publiée." : "La page du projet n’est plus publique.";
        return RedirectToPage(new { id });
    }

    /// <summary>
    /// The lead gives the photo of the laureates' page. It shows there only with this consent and, for a team with a minor,
    /// when each minor's guardian allowed it too (<see cref="Appels.PublicPhoto"/>); nothing is half-saved on a refusal.
    /// </summary>
    public async Task<IActionResult> OnPostPhotoAsync(int id, CancellationToken cancellationToken)
    {
        if (await AccessAsync(id, cancellationToken) is not { } access)
        {
            return NotFound();
        }
        if (!access.IsLead)
        {
            TempData["StatusMessage"] = "Seul le porteur du projet peut donner la photo des lauréats.";
            return RedirectToPage(new { id });
        }
        var alt = Photo.Alt?.Trim();
        if (Photo.File is not { Length: > 0 })
        {
            ModelState.AddModelError("Photo.File", "Choisissez une photo (JPEG, PNG ou WebP).");
        }
        else if (Photo.File.Length > media.Limits.MaxBytes)
        {
            ModelState.AddModelError("Photo.File", ImageProcessor.TooLarge(media.Limits.MaxBytes));
        }
        if (string.IsNullOrEmpty(alt))
        {
            ModelState.AddModelError("Photo.Alt", "Décrivez la photo pour les personnes qui ne la voient pas.");
        }
        else if (alt.Length > PhotoAltMaxLength)
        {
            ModelState.AddModelError("Photo.Alt", $"La description ne doit pas dépasser {PhotoAltMaxLength} caractères.");
        }
        if (!Photo.Consent)
        {
            ModelState.AddModelError("Photo.Consent", "Cochez cette case : la photo n’est publiée qu’avec l’accord des personnes qu’elle montre.");
        }
        MediaImage? image = null;
        if (ModelState.ErrorCount == 0)
        {
            await using var stream = Photo.File!.OpenReadStream();
            (image, var refusal) = await media.StoreAsync(stream, alt!, null, UserId, clock.GetUtcNow(), cancellationToken);
            if (refusal is not null)
            {
                ModelState.AddModelError("Photo.File", refusal);
            }
        }
        if (image is null)
        {
            await ShowAsync(id, access, cancellationToken);
            Summary = await db.ProjectFollowUps.Where(f => f.Id == access.FollowUpId).Select(f => f.PublicSummary).SingleAsync(cancellationToken);
            return Page();
        }
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.MediaImages.Add(image);
            await db.SaveChangesAsync(cancellationToken);
            var application = await db.CallApplications.SingleAsync(a => a.Id == id, cancellationToken);
            application.PhotoImageId = image.Id;
            application.PhotoAlt = alt;
            application.PhotoConsentAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch
        {
            media.Delete(image);
            throw;
        }
        TempData["StatusMessage"] = "La photo est enregistrée pour la page des lauréats.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRemovePhotoAsync(int id, CancellationToken cancellationToken)
    {
        if (await AccessAsync(id, cancellationToken) is not { IsLead: true })
        {
            return NotFound();
        }
        await db.CallApplications.Where(a => a.Id == id).ExecuteUpdateAsync(set => set
            .SetProperty(a => a.PhotoImageId, (int?)null).SetProperty(a => a.PhotoConsentAt, (DateTimeOffset?)null)
            .SetProperty(a => a.UpdatedAt, clock.GetUtcNow()), cancellationToken);
        TempData["StatusMessage"] = "La photo n’est plus sur la page des lauréats.";
        return RedirectToPage(new { id });
    }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    /// <summary>The follow-up file, if this person is a confirmed member (or the lead) of this laureate application's team.</summary>
    private async Task<Access?> AccessAsync(int applicationId, CancellationToken cancellationToken)
    {
        var userId = UserId;
        var found = await db.ProjectFollowUps.AsNoTracking()
            .Where(f => f.ApplicationId == applicationId && f.Application!.Status == ApplicationStatus.Laureate)
            .Select(f => new
            {
                f.Id,
                Member = f.Application!.Members.Where(m => m.UserId == userId && (m.ConfirmedAt != null || m.Role == MemberRole.Lead))
                    .Select(m => new { m.Role }).FirstOrDefault(),
                Lead = f.Application.LeadUserId == userId,
            })
            .SingleOrDefaultAsync(cancellationToken);
        return found is null || (found.Member is null && !found.Lead) ? null : new Access(found.Id, found.Lead || found.Member!.Role == MemberRole.Lead);
    }

    private async Task ShowAsync(int id, Access access, CancellationToken cancellationToken)
    {
        Id = id;
        IsLead = access.IsLead;
        var followUp = await db.ProjectFollowUps.AsNoTracking().Where(f => f.Id == access.FollowUpId).Select(f => new
        {
            f.Slug, f.PublishedAt, f.SupportAmountEuros, f.SupportDescription, f.MentorName,
            Partner = f.PartnerOrganisation != null ? f.PartnerOrganisation.Name : null,
            f.Application!.ProjectTitle, CallTitle = f.Application.Call!.Title, Youth = f.Application.Call.Audience == CallAudience.Youth,
        }).SingleAsync(cancellationToken);
        (Slug, PublishedAt, SupportAmountEuros, SupportDescription, Mentor, PartnerOrganisation, ProjectTitle, CallTitle, Youth) =
            (followUp.Slug, followUp.PublishedAt, followUp.SupportAmountEuros, followUp.SupportDescription, followUp.MentorName, followUp.Partner,
                followUp.ProjectTitle, followUp.CallTitle, followUp.Youth);
        Milestones = await db.FollowUpMilestones.AsNoTracking().Where(m => m.FollowUpId == access.FollowUpId)
            .OrderBy(m => m.DueOn == null).ThenBy(m => m.DueOn).ThenBy(m => m.Id)
            .Select(m => new MilestoneRow(m.Title, m.DueOn, m.ReachedAt)).ToListAsync(cancellationToken);
        // Progress updates only: the running team's notes (TeamNote) are never read on this page.
        CurrentPhotoAlt = await db.CallApplications.AsNoTracking().Where(a => a.Id == id && a.PhotoImageId != null && a.PhotoConsentAt != null)
            .Select(a => a.PhotoAlt).FirstOrDefaultAsync(cancellationToken);
        Updates = await (from entry in db.FollowUpEntries.AsNoTracking()
                         join user in db.Users on entry.AuthorUserId equals user.Id
                         where entry.FollowUpId == access.FollowUpId && entry.Kind == FollowUpEntryKind.Progress
                         orderby entry.At descending, entry.Id descending
                         select new UpdateRow(user.DisplayName ?? "Membre de l’équipe", entry.Text, entry.At)).ToListAsync(cancellationToken);
    }
}
