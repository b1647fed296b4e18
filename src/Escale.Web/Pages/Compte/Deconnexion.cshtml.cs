using Escale.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Escale.Web.Pages.Compte;

/// <summary>POST only: a link or an image on another site must not be able to sign a visitor out.</summary>
public sealed class DeconnexionModel(SignInManager<ApplicationUser> signIn) : PageModel
{
    public IActionResult OnGet()
    {
        Response.Headers.Allow = "POST";
        return StatusCode(StatusCodes.Status405MethodNotAllowed);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        TempData["StatusMessage"] = "Vous êtes déconnecté.";
        return RedirectToPage("/Compte/Connexion");
    }
}
