using System.ComponentModel.DataAnnotations;
using Escale.Core.Data;
using Escale.Core.Identity;
using Escale.Web.Infrastructure.Email;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Escale.Web.Pages.Compte;

public sealed class RenvoyerConfirmationModel(UserManager<ApplicationUser> users, EscaleDbContext db, IEmailOutbox outbox) : PageModel
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
        if (await users.FindByEmailAsync(Email) is { EmailConfirmed: false } user)
        {
            await this.QueueConfirmationAsync(outbox, users, user);
            await db.SaveChangesAsync(HttpContext.RequestAborted);
        }
        // The same answer in every case: this form must not tell who has an account.
        TempData["StatusMessage"] = "Si un compte à confirmer existe pour cette adresse, un nouveau lien vient de lui être envoyé.";
        return RedirectToPage("/Compte/Connexion");
    }
}
