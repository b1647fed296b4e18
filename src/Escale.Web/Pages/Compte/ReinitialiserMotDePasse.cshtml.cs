using System.ComponentModel.DataAnnotations;
using Escale.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Escale.Web.Pages.Compte;

public sealed class ReinitialiserMotDePasseModel(UserManager<ApplicationUser> users) : PageModel
{
    private const string InvalidLink = "Ce lien n’est pas valide ou a expiré. Demandez-en un nouveau.";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        public string UserId { get; set; } = "";

        public string Code { get; set; } = "";

        [Required(ErrorMessage = "Choisissez un mot de passe.")]
        [DataType(DataType.Password)]
        [Display(Name = "Nouveau mot de passe")]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "Saisissez le mot de passe une seconde fois.")]
        [DataType(DataType.Password)]
        [Compare(nameof(Password), ErrorMessage = "Les deux mots de passe ne sont pas identiques.")]
        [Display(Name = "Confirmation du mot de passe")]
        public string ConfirmPassword { get; set; } = "";
    }

    public void OnGet(string? userId, string? code)
    {
        Input.UserId = userId ?? "";
        Input.Code = code ?? "";
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var token = AccountEmails.DecodeToken(Input.Code);
        var user = token is null || string.IsNullOrEmpty(Input.UserId) ? null : await users.FindByIdAsync(Input.UserId);
        if (user is null)
        {
            ModelState.AddModelError("", InvalidLink);
            return Page();
        }
        var result = await users.ResetPasswordAsync(user, token!, Input.Password);
        if (!result.Succeeded)
        {
            // A field shows one message: the password's rules are joined so that all of them are seen at once.
            foreach (var field in result.Errors.GroupBy(error => error.Code.StartsWith("Password", StringComparison.Ordinal) ? "Input.Password" : ""))
            {
                ModelState.AddModelError(field.Key, string.Join(" ", field.Select(error =>
                    error.Code == nameof(IdentityErrorDescriber.InvalidToken) ? InvalidLink : error.Description)));
            }
            return Page();
        }
        // Whoever opened the link controls the mailbox: a lock from earlier failed attempts no longer protects anything.
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        TempData["StatusMessage"] = "Votre mot de passe a été changé. Vous pouvez vous connecter.";
        return RedirectToPage("/Compte/Connexion");
    }
}
