using System.ComponentModel.DataAnnotations;
using Escale.Core.Data;
using Escale.Core.Identity;
using Escale.Web.Infrastructure.Identity;
using Escale.Web.Infrastructure.Links;
using Escale.Web.Pages.MonEspace;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Compte;

public sealed class ConnexionModel(
    SignInManager<ApplicationUser> signIn, UserManager<ApplicationUser> users, IAuthorizationService authorization, EscaleDbContext db, TimeProvider clock) : PageModel
{
    // One message whether the address is unknown or the password wrong: the form must not tell who has an account.
    private const string Refused = "Adresse électronique ou mot de passe incorrect.";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "retour")]
    public string? ReturnUrl { get; set; }

    public bool NotConfirmed { get; private set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Indiquez votre adresse électronique.")]
        [EmailAddress(ErrorMessage = "Cette adresse électronique n’est pas valide.")]
        [Display(Name = "Adresse électronique")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Indiquez votre mot de passe.")]
        [DataType(DataType.Password)]
        [Display(Name = "Mot de passe")]
        public string Password { get; set; } = "";

        [Display(Name = "Rester connecté sur cet appareil")]
        public bool RememberMe { get; set; }
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var user = await users.FindByEmailAsync(Input.Email);
        if (user is null)
        {
            // Spend the time a real check would, so that the answer's delay does not reveal the address is unknown.
            users.PasswordHasher.HashPassword(new ApplicationUser(), Input.Password);
            ModelState.AddModelError("", Refused);
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            user.LastSignInAt = clock.GetUtcNow();
            await users.UpdateAsync(user);
            return LocalRedirect(ReturnPath.Or(ReturnUrl, whenAbsent: await LandingAsync(user)));
        }
        if (result.IsLockedOut)
        {
            ModelState.AddModelError("", "Trop d’essais infructueux : ce compte est verrouillé pendant 15 minutes. Réessayez plus tard, ou choisissez un nouveau mot de passe.");
            return Page();
        }
        // Identity refuses an unconfirmed account before checking the password; say so only to whoever knows it.
        if (result.IsNotAllowed && await users.CheckPasswordAsync(user, Input.Password))
        {
            NotConfirmed = true;
            ModelState.AddModelError("", "Votre adresse électronique n’est pas encore confirmée : ouvrez le lien que nous vous avons envoyé par courriel.");
            return Page();
        }
        ModelState.AddModelError("", Refused);
        return Page();
    }

    /// <summary>The person's own space; the request's User is still the anonymous visitor here, so the principal is built from the account.</summary>
    private async Task<string> LandingAsync(ApplicationUser user)
    {
        var principal = await signIn.CreateUserPrincipalAsync(user);
        var hasWelcomeCase = await db.CaseOf(user.Id).AnyAsync(HttpContext.RequestAborted);
        return await authorization.LandingOfAsync(principal, hasWelcomeCase);
    }
}
