using Escale.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Escale.Web.Pages.Compte;

/// <summary>The link of the confirmation e-mail. A GET that changes state, on purpose: it is what an e-mail link can do.</summary>
public sealed class ConfirmerModel(UserManager<ApplicationUser> users) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? userId, string? code)
    {
        var token = AccountEmails.DecodeToken(code);
        var user = string.IsNullOrEmpty(userId) || token is null ? null : await users.FindByIdAsync(userId);
        if (user is not null && (user.EmailConfirmed || (await users.ConfirmEmailAsync(user, token!)).Succeeded))
        {
            TempData["StatusMessage"] = "Votre adresse électronique est confirmée. Vous pouvez vous connecter.";
            return RedirectToPage("/Compte/Connexion");
        }
        return Page();
    }
}
