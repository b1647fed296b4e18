using Escale.Core.Data;
using Escale.Core.Identity;
using Escale.Core.Welcome;
using Escale.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Admin.Utilisateurs;

/// <summary>Sets a user's roles and, for a welcome referent, the welcome organisations they belong to (and coordinate). Administrators only, GET and POST alike.</summary>
public sealed class ModifierModel(EscaleDbContext db, UserManager<ApplicationUser> users) : PageModel
{
    public sealed record Choice(int Id, string Name);

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        public List<string> Roles { get; set; } = [];

        public List<int> OrganisationIds { get; set; } = [];

        /// <summary>The organisations (among <see cref="OrganisationIds"/>) the referent coordinates.</summary>
        public List<int> CoordinatorOf { get; set; } = [];
    }

    public string? DisplayName { get; private set; }

    public string? Email { get; private set; }

    public IReadOnlyList<Choice> Organisations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id)
    {
        var user = await LoadAsync(id);
        if (user is null)
        {
            return NotFound();
        }
        Input.Roles = [.. await users.GetRolesAsync(user)];
        var memberships = await db.WelcomeOrganisationMembers.Where(m => m.UserId == id).ToListAsync();
        Input.OrganisationIds = [.. memberships.Select(m => m.OrganisationId)];
        Input.CoordinatorOf = [.. memberships.Where(m => m.IsCoordinator).Select(m => m.OrganisationId)];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id)
    {
        var user = await LoadAsync(id);
        if (user is null)
        {
            return NotFound();
        }
        var wanted = Input.Roles.Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Except(Roles.All, StringComparer.Ordinal).Any())
        {
            ModelState.AddModelError("Input.Roles", "Un des rôles demandés n’existe pas.");
        }
        var referent = wanted.Contains(Roles.WelcomeReferent);
        var organisations = referent
            ? await db.WelcomeOrganisations.Where(o => Input.OrganisationIds.Contains(o.Id)).Select(o => o.Id).ToListAsync()
            : [];
        if (referent && organisations.Count == 0)
        {
            ModelState.AddModelError("Input.OrganisationIds", "Choisissez au moins une organisation d’accueil pour un référent accueil.");
        }
        if (user.Id == users.GetUserId(User) && !wanted.Contains(Roles.Administrator))
        {
            ModelState.AddModelError("Input.Roles", "Vous ne pouvez pas retirer votre propre rôle d’administrateur : demandez-le à un autre administrateur.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var roles = await users.GetRolesAsync(user);
        var current = await db.WelcomeOrganisationMembers.Where(m => m.UserId == user.Id).ToListAsync();
        db.WelcomeOrganisationMembers.RemoveRange(current.Where(m => !organisations.Contains(m.OrganisationId)));
        foreach (var organisationId in organisations)
        {
            var membership = current.Find(m => m.OrganisationId == organisationId);
            if (membership is null)
            {
                membership = new WelcomeOrganisationMember { OrganisationId = organisationId, UserId = user.Id };
                db.WelcomeOrganisationMembers.Add(membership);
            }
            membership.IsCoordinator = Input.CoordinatorOf.Contains(organisationId);
        }
        await db.SaveChangesAsync();
        await users.RemoveFromRolesAsync(user, roles.Except(wanted, StringComparer.Ordinal));
        await users.AddToRolesAsync(user, wanted.Except(roles, StringComparer.Ordinal));
        // A new stamp makes the user's session pick up the change at its next check, rather than at cookie expiry.
        await users.UpdateSecurityStampAsync(user);
        TempData["StatusMessage"] = $"Les rôles de {user.DisplayName ?? user.Email} sont enregistrés.";
        return RedirectToPage("/Admin/Utilisateurs/Index");
    }

    private async Task<ApplicationUser?> LoadAsync(string id)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == id);
        if (user is not null)
        {
            DisplayName = user.DisplayName;
            Email = user.Email;
            Organisations = await db.WelcomeOrganisations.AsNoTracking().OrderBy(o => o.Position).ThenBy(o => o.Name).Select(o => new Choice(o.Id, o.Name)).ToListAsync();
        }
        return user;
    }
}
