using System.ComponentModel.DataAnnotations;
using Escale.Core.Calls;
using Escale.Core.Data;
using Escale.Core.Identity;
using Escale.Web.Pages.Candidatures;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Appels;

/// <summary>
/// Starts the signed-in person's application to an open call, as its lead: their name, the project's working title and
/// their own details. One application per person and call: starting again (or a double submit) opens the same draft.
/// </summary>
public sealed class CandidaterModel(EscaleDbContext db, UserManager<ApplicationUser> users, TimeProvider clock) : PageModel
{
    public sealed class StartInput
    {
        [Required(ErrorMessage = "Indiquez votre nom.")]
        [StringLength(200, ErrorMessage = "Ce champ ne doit pas dépasser {1} caractères.")]
        [Display(Name = "Votre nom")]
        public string Name { get; set; } = "";

        [StringLength(CallApplication.ProjectTitleMaxLength, ErrorMessage = "Ce champ ne doit pas dépasser {1} caractères.")]
        [Display(Name = "Titre du projet (modifiable ensuite)")]
        public string? ProjectTitle { get; set; }

        public MemberDetails Details { get; set; } = new();
    }

    [BindProperty]
    public StartInput Input { get; set; } = new();

    public CallForProjects Call { get; private set; } = null!;
    public bool IsOpen { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken))
        {
            return NotFound();
        }
        var userId = users.GetUserId(User)!;
        if (await ExistingAsync(userId, cancellationToken) is { } existing)
        {
            return Redirect(ApplicationEmails.ApplicationPath(existing));
        }
        Input.Name = (await users.GetUserAsync(User))?.DisplayName ?? "";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken))
        {
            return NotFound();
        }
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (await ExistingAsync(user.Id, cancellationToken) is { } existing)
        {
            return Redirect(ApplicationEmails.ApplicationPath(existing));
        }
        if (!IsOpen)
        {
            ModelState.AddModelError("", "Cet appel n’est pas ouvert aux candidatures.");
            return Page();
        }
        var now = clock.GetUtcNow();
        var today = ApplicationSubmission.ParisDay(now);
        await Input.Details.ValidateAsync(ModelState, "Input.Details", Call, today, [user.Email!], db, cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var lead = new ApplicationMember
        {
            Role = MemberRole.Lead,
            UserId = user.Id,
            Name = Input.Name.Trim(),
            Email = user.Email!,
            InvitedAt = now,
            ConfirmedAt = now,
        };
        Input.Details.ApplyTo(lead, today, now);
        var application = new CallApplication
        {
            CallId = Call.Id,
            LeadUserId = user.Id,
            ProjectTitle = Input.ProjectTitle?.Trim() ?? "",
            Status = ApplicationStatus.Draft,
            CreatedAt = now,
            Members = [lead],
        };
        db.CallApplications.Add(application);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The unique (call, lead) index: the other request of a double submit made the draft.
            if (await ExistingAsync(user.Id, cancellationToken) is not { } raced)
            {
                throw;
            }
            return Redirect(ApplicationEmails.ApplicationPath(raced));
        }
        TempData["StatusMessage"] = "Votre candidature est créée en brouillon. Remplissez-la, enregistrez-la quand vous voulez, puis envoyez-la avant la date limite.";
        return Redirect(ApplicationEmails.ApplicationPath(application.Id));
    }

    private async Task<int?> ExistingAsync(string userId, CancellationToken cancellationToken)
    {
        var id = await db.CallApplications.Where(a => a.CallId == Call.Id && a.LeadUserId == userId).Select(a => a.Id).FirstOrDefaultAsync(cancellationToken);
        return id == 0 ? null : id;
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var call = await db.Calls.AsNoTracking().FirstOrDefaultAsync(c => c.Slug == slug && c.PublishedAt != null && c.PublishedAt <= now, cancellationToken);
        if (call is null)
        {
            return false;
        }
        Call = call;
        IsOpen = CallPhases.At(call, now) == CallPhase.Open;
        await Input.Details.LoadAsync(db, call, cancellationToken);
        return true;
    }
}
