using System.ComponentModel.DataAnnotations;
using Escale.Core.Data;
using Escale.Core.Identity;
using Escale.Core.WelcomeNetworks;
using Escale.Web.Pages.ReseauAccueil;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.EspaceReseau;

/// <summary>
/// One structure's members and newcomer events, for its coordinators, administrators and the departmental team (404 for
/// anyone else): adding, editing and removing a member. Referents that come from a welcome organisation follow it and
/// are removed there.
/// </summary>
public sealed class MembresModel(EscaleDbContext db, UserManager<ApplicationUser> users, WelcomeNetworkAccess access, TimeProvider clock) : PageModel
{
    public sealed class MemberInput
    {
        public int? MemberId { get; set; }

        [Display(Name = "Nom")]
        [Required(ErrorMessage = "Indiquez le nom du membre.")]
        [StringLength(200, ErrorMessage = "Le nom ne doit pas dépasser {1} caractères.")]
        public string? Name { get; set; }

        [Display(Name = "Rôle")]
        public WelcomeMemberRole Role { get; set; } = WelcomeMemberRole.Volunteer;

        [Display(Name = "Adresse électronique")]
        [EmailAddress(ErrorMessage = "Cette adresse électronique n’est pas valide.")]
        [StringLength(320, ErrorMessage = "L’adresse ne doit pas dépasser {1} caractères.")]
        public string? Email { get; set; }

        [Display(Name = "Téléphone")]
        [StringLength(100, ErrorMessage = "Le téléphone ne doit pas dépasser {1} caractères.")]
        public string? Phone { get; set; }

        [Display(Name = "Lier au compte Escale de cette adresse")]
        public bool LinkAccount { get; set; }

        [Display(Name = "Afficher dans l’annuaire public")]
        public bool InDirectory { get; set; }
    }

    public sealed record MemberRow(int Id, string Name, WelcomeMemberRole Role, string? Email, string? Phone, bool HasAccount, bool InDirectory, bool FromOrganisation);

    public sealed record EventRow(int Id, string Title, DateTimeOffset StartsAt, int Capacity, int Confirmed, int Waiting);

    [BindProperty]
    public MemberInput Input { get; set; } = new();

    public WelcomeStructure Structure { get; private set; } = null!;
    public bool IsManager { get; private set; }
    public IReadOnlyList<MemberRow> Members { get; private set; } = [];
    public IReadOnlyList<EventRow> Events { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, int? membre, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (membre is { } memberId)
        {
            var member = await db.WelcomeStructureMembers.AsNoTracking().FirstOrDefaultAsync(m => m.Id == memberId && m.StructureId == id, cancellationToken);
            if (member is null)
            {
                return NotFound();
            }
            Input = new MemberInput
            {
                MemberId = member.Id, Name = member.Name, Role = member.Role, Email = member.Email, Phone = member.Phone,
                LinkAccount = member.UserId is not null, InDirectory = member.InDirectory,
            };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        var member = Input.MemberId is { } memberId
            ? await db.WelcomeStructureMembers.FirstOrDefaultAsync(m => m.Id == memberId && m.StructureId == id, cancellationToken)
            : null;
        if (Input.MemberId is not null && member is null)
        {
            return NotFound();
        }
        if (!Enum.IsDefined(Input.Role))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(MemberInput.Role)}", "Choisissez un rôle.");
        }
        string? userId = null;
        if (ModelState.IsValid && (Input.LinkAccount || Input.Role == WelcomeMemberRole.Coordinator))
        {
            var account = string.IsNullOrWhiteSpace(Input.Email) ? null : await users.FindByEmailAsync(Input.Email.Trim());
            if (account is null)
            {
                ModelState.AddModelError($"{nameof(Input)}.{nameof(MemberInput.Email)}", Input.Role == WelcomeMemberRole.Coordinator
                    ? "Un coordinateur doit avoir un compte Escale : indiquez l’adresse de son compte (il peut le créer depuis « Créer un compte »)."
                    : "Aucun compte Escale n’a cette adresse : la personne peut le créer depuis « Créer un compte », ou décochez la liaison au compte.");
            }
            userId = account?.Id;
        }
        if (member?.FromOrganisation == true && Input.Role is not (WelcomeMemberRole.Referent or WelcomeMemberRole.Coordinator))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(MemberInput.Role)}", "Ce référent vient de l’organisation d’accueil : son rôle s’y gère.");
        }
        if (ModelState.IsValid && member?.UserId is { } current && current == users.GetUserId(User) && userId != current && !IsManager)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(MemberInput.Email)}", "Vous ne pouvez pas retirer votre propre compte : demandez-le à un autre coordinateur.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (member is null)
        {
            member = new WelcomeStructureMember { Name = "", StructureId = id, CreatedAt = clock.GetUtcNow() };
            db.WelcomeStructureMembers.Add(member);
        }
        member.Name = Input.Name!.Trim();
        member.Role = member.FromOrganisation ? member.Role : Input.Role;
        member.Email = string.IsNullOrWhiteSpace(Input.Email) ? null : Input.Email.Trim();
        member.Phone = string.IsNullOrWhiteSpace(Input.Phone) ? null : Input.Phone.Trim();
        member.UserId = member.FromOrganisation ? member.UserId : userId;
        member.InDirectory = Input.InDirectory;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError($"{nameof(Input)}.{nameof(MemberInput.Name)}", "Cette personne (ce nom, ou ce compte) est déjà membre de la structure.");
            return Page();
        }
        TempData["StatusMessage"] = "Membre enregistré.";
        return Redirect($"/espace-reseau/structures/{id}/membres");
    }

    public async Task<IActionResult> OnPostRetirerAsync(int id, int memberId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        var member = await db.WelcomeStructureMembers.FirstOrDefaultAsync(m => m.Id == memberId && m.StructureId == id, cancellationToken);
        if (member is null)
        {
            return NotFound();
        }
        if (member.FromOrganisation)
        {
            TempData["StatusMessage"] = "Ce référent vient de l’organisation d’accueil : retirez-le de l’organisation.";
        }
        else if (member.UserId is not null && member.UserId == users.GetUserId(User) && !IsManager)
        {
            TempData["StatusMessage"] = "Vous ne pouvez pas vous retirer vous-même : demandez-le à un autre coordinateur.";
        }
        else
        {
            db.WelcomeStructureMembers.Remove(member);
            await db.SaveChangesAsync(cancellationToken);
            TempData["StatusMessage"] = "Membre retiré de la structure.";
        }
        return Redirect($"/espace-reseau/structures/{id}/membres");
    }

    /// <summary>The structure, if the person may manage it; its members and events.</summary>
    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (!await access.CanManageAsync(User, id, cancellationToken))
        {
            return false;
        }
        var structure = await db.WelcomeStructures.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (structure is null)
        {
            return false;
        }
        Structure = structure;
        IsManager = await access.IsManagerAsync(User, cancellationToken);
        Members = await db.WelcomeStructureMembers.AsNoTracking().Where(m => m.StructureId == id).OrderBy(m => m.Role).ThenBy(m => m.Name)
            .Select(m => new MemberRow(m.Id, m.Name, m.Role, m.Email, m.Phone, m.UserId != null, m.InDirectory, m.FromOrganisation))
            .ToListAsync(cancellationToken);
        var since = clock.GetUtcNow().AddDays(-90);
        Events = await db.NewcomerEvents.AsNoTracking().Where(e => e.StructureId == id && e.EndsAt >= since).OrderBy(e => e.StartsAt)
            .Select(e => new EventRow(e.Id, e.Title, e.StartsAt, e.Capacity,
                e.Registrations.Where(r => r.Status == RegistrationStatus.Confirmed).Sum(r => r.Persons),
                e.Registrations.Count(r => r.Status == RegistrationStatus.Waiting)))
            .ToListAsync(cancellationToken);
        return true;
    }
}
