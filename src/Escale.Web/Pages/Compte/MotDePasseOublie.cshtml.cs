using System.ComponentModel.DataAnnotations;
using Escale.Core.Data;
using Escale.Core.Identity;
using Escale.Web.Infrastructure.Email;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Escale.Web.Pages.Compte;

public sealed class MotDePasseOublieModel(UserManager<ApplicationUser> users, EscaleDbContext db, IEmailOutbox outbox) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Indiquez votre adresse électronique.")]
    [EmailAddress(ErrorMessage = "Cette adresse électronique n’est pas valide.")]
    [Display(Name = "Adresse électronique")]
    public string Email { get; set; } = "";

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (await users.FindByEmailAsync(Email) is { EmailConfirmed: true } user)
        {
            await this.QueuePasswordResetAsync(outbox, users, user);
            await db.SaveChangesAsync(HttpContext.RequestAborted);
        }
        // The same answer in every case: this form must not tell who has an account.
        TempData["StatusMessage"] = "Si un compte existe pour cette adresse, un lien pour choisir un nouveau mot de passe vient de lui être envoyé.";
        return RedirectToPage("/Compte/Connexion");
    }
}
