using System.ComponentModel.DataAnnotations;
using Escale.Core.Data;
using Escale.Core.Identity;
using Escale.Core.Welcome;
using Escale.Web.Pages.Accueil;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Admin.Dossiers;

/// <summary>
/// A coordinator's organisation: its members with the open cases each follows, and adding (an existing welcome
/// referent's account, by e-mail) or removing a member. Only the organisations the person coordinates are shown.
/// </summary>
public sealed class OrganisationModel(EscaleDbContext db, UserManager<ApplicationUser> users) : PageModel
{
    public sealed record MemberRow(string UserId, string Name, string? Email, bool IsCoordinator, int OpenCases);

    public sealed record OrganisationView(int Id, string Name, IReadOnlyList<MemberRow> Members);

    public sealed class AddInput
    {
        public int OrganisationId { get; set; }

        [Display(Name = "Adresse électronique du référent")]
        [Required(ErrorMessage = "Indiquez l’adresse électronique du référent à ajouter.")]
        [EmailAddress(ErrorMessage = "Cette adresse électronique n’est pas valide.")]
        public string? Email { get; set; }
    }

    [BindProperty]
    public AddInput Add { get; set; } = new();

    public IReadOnlyList<OrganisationView> Organisations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var viewer = await CaseAccessRules.ViewerAsync(db, users.GetUserId(User), cancellationToken);
        if (viewer is null || !viewer.IsCoordinator)
        {
            return NotFound();
        }
        await DescribeAsync(viewer, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAjouterAsync(CancellationToken cancellationToken)
    {
        var viewer = await CaseAccessRules.ViewerAsync(db, users.GetUserId(User), cancellationToken);
        if (viewer is null || !viewer.IsCoordinatorOf(Add.OrganisationId))
        {
            return NotFound();
        }
        var field = $"{nameof(Add)}.{nameof(AddInput.Email)}";
        var user = ModelState.IsValid ? await users.FindByEmailAsync(Add.Email!.Trim()) : null;
        if (ModelState.IsValid && (user is null || !await users.IsInRoleAsync(user, Roles.WelcomeReferent)))
        {
            ModelState.AddModelError(field, "Aucun compte de référent accueil n’a cette adresse : demandez à un administrateur de le créer.");
        }
        if (!ModelState.IsValid)
        {
            await DescribeAsync(viewer, cancellationToken);
            return Page();
        }
        if (!await db.WelcomeOrganisationMembers.AnyAsync(m => m.OrganisationId == Add.OrganisationId && m.UserId == user!.Id, cancellationToken))
        {
            db.WelcomeOrganisationMembers.Add(new WelcomeOrganisationMember { OrganisationId = Add.OrganisationId, UserId = user!.Id });
            await db.SaveChangesAsync(cancellationToken);
        }
        TempData["StatusMessage"] = $"{user!.DisplayName ?? user.Email} est membre de l’organisation.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRetirerAsync(int organisationId, string userId, CancellationToken cancellationToken)
    {
        var viewer = await CaseAccessRules.ViewerAsync(db, users.GetUserId(User), cancellationToken);
        if (viewer is null || !viewer.IsCoordinatorOf(organisationId))
        {
            return NotFound();
        }
        if (userId == viewer.UserId)
        {
            TempData["StatusMessage"] = "Vous ne pouvez pas vous retirer vous-même : demandez-le à un autre coordinateur.";
            return RedirectToPage();
        }
        var open = await db.CaseAssignments.CountAsync(a => a.OrganisationId == organisationId && a.AssignedUserId == userId && a.EndedAt == null, cancellationToken);
        if (open > 0)
        {
            TempData["StatusMessage"] = $"Ce membre suit encore {open} dossiers : réaffectez-les d’abord depuis la liste des dossiers.";
            return RedirectToPage();
        }
        await db.WelcomeOrganisationMembers.Where(m => m.OrganisationId == organisationId && m.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        TempData["StatusMessage"] = "Membre retiré de l’organisation.";
        return RedirectToPage();
    }

    private async Task DescribeAsync(CaseViewer viewer, CancellationToken cancellationToken)
    {
        var coordinated = viewer.Organisations.Where(o => o.IsCoordinator).Select(o => o.Id).ToList();
        var members = await db.WelcomeOrganisationMembers.AsNoTracking()
            .Where(m => coordinated.Contains(m.OrganisationId))
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new
            {
                m.OrganisationId,
                Row = new MemberRow(m.UserId, u.DisplayName ?? u.Email ?? "", u.Email, m.IsCoordinator,
                    db.CaseAssignments.Count(a => a.OrganisationId == m.OrganisationId && a.AssignedUserId == m.UserId && a.EndedAt == null)),
            })
            .ToListAsync(cancellationToken);
        Organisations = [.. viewer.Organisations.Where(o => o.IsCoordinator)
            .Select(o => new OrganisationView(o.Id, o.Name, [.. members.Where(m => m.OrganisationId == o.Id).Select(m => m.Row).OrderBy(m => m.Name, StringComparer.CurrentCulture)]))];
    }
}
