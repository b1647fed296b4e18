using Escale.Core.Data;
using Escale.Core.Identity;
using Escale.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Admin.Utilisateurs;

/// <summary>Sets a user's roles and, for a welcome referent, the intercommunalities they follow. Administrators only, GET and POST alike.</summary>
public sealed class ModifierModel(EscaleDbContext db, UserManager<ApplicationUser> users) : PageModel
{
    public sealed record Choice(int Id, string Name);

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        public List<string> Roles { get; set; } = [];

        public List<int> IntercommunalityIds { get; set; } = [];
    }

    public string? DisplayName { get; private set; }

    public string? Email { get; private set; }

    public IReadOnlyList<Choice> Intercommunalities { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id)
    {
        var user = await LoadAsync(id);
        if (user is null)
        {
            return NotFound();
        }
        Input.Roles = [.. await users.GetRolesAsync(user)];
        Input.IntercommunalityIds = [.. user.ReferentIntercommunalities.Select(e => e.Id)];
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
        var epcis = referent
            ? await db.Intercommunalities.Where(e => Input.IntercommunalityIds.Contains(e.Id)).ToListAsync()
            : [];
        if (referent && epcis.Count == 0)
        {
            ModelState.AddModelError("Input.IntercommunalityIds", "Choisissez au moins une intercommunalité pour un référent accueil.");
        }
        if (user.Id == users.GetUserId(User) && !wanted.Contains(Roles.Administrator))
        {
            ModelState.AddModelError("Input.Roles", "Vous ne pouvez pas retirer votre propre rôle d’administrateur : demandez-le à un autre administrateur.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var current = await users.GetRolesAsync(user);
        user.ReferentIntercommunalities.Clear();
        user.ReferentIntercommunalities.AddRange(epcis);
        await users.RemoveFromRolesAsync(user, current.Except(wanted, StringComparer.Ordinal));
        await users.AddToRolesAsync(user, wanted.Except(current, StringComparer.Ordinal));
        // A new stamp makes the user's session pick up the change at its next check, rather than at cookie expiry.
        await users.UpdateSecurityStampAsync(user);
        TempData["StatusMessage"] = $"Les rôles de {user.DisplayName ?? user.Email} sont enregistrés.";
        return RedirectToPage("/Admin/Utilisateurs/Index");
    }

    private async Task<ApplicationUser?> LoadAsync(string id)
    {
        var user = await db.Users.Include(u => u.ReferentIntercommunalities).SingleOrDefaultAsync(u => u.Id == id);
        if (user is not null)
        {
            DisplayName = user.DisplayName;
            Email = user.Email;
            Intercommunalities = await db.Intercommunalities.AsNoTracking().OrderBy(e => e.Name).Select(e => new Choice(e.Id, e.Name)).ToListAsync();
        }
        return user;
    }
}
