using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Escale.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Escale.Web.Pages.Compte;

/// <summary>The right of access and the right to erasure, without having to write to anyone.</summary>
public sealed class MesDonneesModel(UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, PersonalData personalData) : PageModel
{
    private static readonly JsonSerializerOptions ExportJson = new() { WriteIndented = true };

    [BindProperty]
    [Required(ErrorMessage = "Saisissez votre mot de passe pour confirmer.")]
    [DataType(DataType.Password)]
    [Display(Name = "Mot de passe")]
    public string Password { get; set; } = "";

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        var data = await personalData.ExportAsync(user, cancellationToken);
        // Personal data: no browser or proxy keeps a copy.
        Response.Headers.CacheControl = "no-store";
        Response.Headers.Pragma = "no-cache";
        return File(JsonSerializer.SerializeToUtf8Bytes(data, ExportJson), "application/json", "mes-donnees-escale.json");
    }

    public async Task<IActionResult> OnPostEraseAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (!await users.CheckPasswordAsync(user, Password))
        {
            ModelState.AddModelError(nameof(Password), "Ce mot de passe n’est pas le bon.");
            return Page();
        }
        await personalData.EraseAsync(user, cancellationToken);
        await signIn.SignOutAsync();
        return Redirect("/compte/efface");
    }
}
