using System.ComponentModel.DataAnnotations;
using Escale.Core.Calls;
using Escale.Core.Data;
using Escale.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Escale.Web.Infrastructure.Security;

namespace Escale.Web.Pages.Candidatures;

/// <summary>
/// The team of a draft application, for its lead: their own details (and guardian), invitations by e-mail link within
/// the call's team size, a minor member's guardian, and removing a member. Nothing changes after the deadline.
/// </summary>
public sealed class EquipeModel(EscaleDbContext db, UserManager<ApplicationUser> users, ApplicationSubmission submission,
    ApplicationEmails emails, TimeProvider clock) : PageModel
{
    public sealed class LeadInput
    {
        [Required(ErrorMessage = "Indiquez votre nom.")]
        [StringLength(200, ErrorMessage = "Ce champ ne doit pas dépasser {1} caractères.")]
        [Display(Name = "Votre nom")]
        public string Name { get; set; } = "";

        public MemberDetails Details { get; set; } = new();
    }

    public sealed class InviteInput
    {
        [Required(ErrorMessage = "Indiquez le nom de la personne.")]
        [StringLength(200, ErrorMessage = "Ce champ ne doit pas dépasser {1} caractères.")]
        [Display(Name = "Nom")]
        public string Name { get; set; } = "";

        [Required(ErrorMessage = "Indiquez son adresse électronique.")]
        [EmailAddress(ErrorMessage = "Cette adresse électronique n’est pas valide.")]
        [StringLength(320, ErrorMessage = "Ce champ ne doit pas dépasser {1} caractères.")]
        [Display(Name = "Adresse électronique")]
        public string Email { get; set; } = "";
    }

    public sealed class GuardianInput
    {
        public int MemberId { get; set; }

        [StringLength(200, ErrorMessage = "Ce champ ne doit pas dépasser {1} caractères.")]
        [Display(Name = "Nom du représentant légal")]
        public string? GuardianName { get; set; }

        [EmailAddress(ErrorMessage = "Cette adresse électronique n’est pas valide.")]
        [StringLength(320, ErrorMessage = "Ce champ ne doit pas dépasser {1} caractères.")]
        [Display(Name = "Adresse électronique du représentant légal")]
        public string? GuardianEmail { get; set; }
    }

    [BindProperty]
    public LeadInput Lead { get; set; } = new();

    [BindProperty]
    public InviteInput Invite { get; set; } = new();

    [BindProperty]
    public GuardianInput Guardian { get; set; } = new();

    public CallApplication Application { get; private set; } = null!;
    public CallForProjects Call => Application.Call!;
    public DateOnly Today { get; private set; }
    public string? Refusal { get; private set; }
    public bool TeamFull => Application.Members.Count >= Call.MaxTeamSize;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        FillLead();
        return Page();
    }

    public async Task<IActionResult> OnPostMoiAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        ClearOthers(nameof(Lead));
        var lead = Application.Members.Single(m => m.Role == MemberRole.Lead);
        if (!Refuse())
        {
            await Lead.Details.ValidateAsync(ModelState, "Lead.Details", Call, Today, TeamEmails(), db, cancellationToken);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        lead.Name = Lead.Name.Trim();
        Lead.Details.ApplyTo(lead, Today, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = "Vos informations sont enregistrées.";
        return Redirect(Path(id));
    }

    public async Task<IActionResult> OnPostInviterAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        ClearOthers(nameof(Invite));
        FillLead();
        var email = Invite.Email.Trim();
        if (!Refuse())
        {
            if (TeamFull)
            {
                ModelState.AddModelError("", $"L’équipe ne peut pas dépasser {Call.MaxTeamSize} personnes.");
            }
            else if (TeamEmails().Any(e => string.Equals(e, email, StringComparison.OrdinalIgnoreCase)))
            {
                ModelState.AddModelError("Invite.Email", "Cette personne fait déjà partie de l’équipe.");
            }
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var token = LinkTokens.NewToken();
        var member = new ApplicationMember
        {
            Role = MemberRole.Member,
            Name = Invite.Name.Trim(),
            Email = email,
            InvitationTokenHash = LinkTokens.Hash(token),
            InvitedAt = clock.GetUtcNow(),
        };
        Application.Members.Add(member);
        Application.Version++;
        var leadName = Application.Members.Single(m => m.Role == MemberRole.Lead).Name;
        emails.Invitation(member, leadName, Call.Title, Application.ProjectTitle, token);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A double submit, or another change of the team at the same moment: the first one stands.
            TempData["StatusMessage"] = "L’équipe a changé entre-temps : vérifiez la liste avant de réessayer.";
            return Redirect(Path(id));
        }
        TempData["StatusMessage"] = $"Une invitation est partie vers {email}.";
        return Redirect(Path(id));
    }

    public async Task<IActionResult> OnPostRepresentantAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        ClearOthers(nameof(Guardian));
        FillLead();
        var member = Application.Members.FirstOrDefault(m => m.Id == Guardian.MemberId && m.Role == MemberRole.Member && m.ConfirmedAt != null);
        if (member is null)
        {
            return NotFound();
        }
        if (!Refuse())
        {
            var details = MemberDetails.From(member);
            details.GuardianName = Guardian.GuardianName;
            details.GuardianEmail = Guardian.GuardianEmail;
            var check = new Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary();
            await details.ValidateAsync(check, "Guardian", Call, Today, TeamEmails(), db, cancellationToken);
            foreach (var (key, entry) in check.Where(e => e.Key.StartsWith("Guardian.Guardian", StringComparison.Ordinal)))
            {
                foreach (var error in entry!.Errors)
                {
                    ModelState.AddModelError(key, error.ErrorMessage);
                }
            }
            if (ModelState.IsValid)
            {
                details.ApplyTo(member, Today, clock.GetUtcNow());
                await db.SaveChangesAsync(cancellationToken);
                TempData["StatusMessage"] = $"Le représentant légal de {member.Name} est enregistré.";
                return Redirect(Path(id));
            }
        }
        return Page();
    }

    public async Task<IActionResult> OnPostRetirerAsync(int id, int memberId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        var member = Application.Members.FirstOrDefault(m => m.Id == memberId && m.Role == MemberRole.Member);
        if (member is null)
        {
            return NotFound();
        }
        FillLead();
        if (Refuse())
        {
            return Page();
        }
        db.ApplicationMembers.Remove(member);
        Application.Version++;
        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = $"{member.Name} ne fait plus partie de l’équipe.";
        return Redirect(Path(id));
    }

    public static string Path(int id) => ApplicationEmails.ApplicationPath(id) + "/equipe";

    /// <summary>Adds the French reason the team cannot change now (after the deadline, once sent), and says whether there is one.</summary>
    private bool Refuse()
    {
        if (Refusal is not null)
        {
            ModelState.AddModelError("", Refusal);
            return true;
        }
        return false;
    }

    private void FillLead()
    {
        var lead = Application.Members.Single(m => m.Role == MemberRole.Lead);
        var communes = Lead.Details.Communes;
        Lead = new LeadInput { Name = lead.Name, Details = MemberDetails.From(lead) };
        Lead.Details.Communes = communes;
        Lead.Details.DateOfBirthRequired = Call.Audience == CallAudience.Youth;
    }

    /// <summary>Only the form that was posted is validated: the others' empty fields are not errors.</summary>
    private void ClearOthers(string posted)
    {
        foreach (var key in ModelState.Keys.Where(k => !k.StartsWith(posted + ".", StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }
    }

    private List<string> TeamEmails() => [.. Application.Members.Select(m => m.Email)];

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var userId = users.GetUserId(User)!;
        if (!await db.CallApplications.AnyAsync(a => a.Id == id && a.LeadUserId == userId, cancellationToken))
        {
            return false;
        }
        Application = (await submission.LoadAsync(id, cancellationToken))!;
        var now = clock.GetUtcNow();
        Today = ApplicationSubmission.ParisDay(now);
        Refusal = now >= Call.ClosesAt ? ApplicationSubmission.AfterDeadline
            : Application.Status != ApplicationStatus.Draft ? ApplicationSubmission.NotADraft
            : null;
        await Lead.Details.LoadAsync(db, Call, cancellationToken);
        return true;
    }
}
