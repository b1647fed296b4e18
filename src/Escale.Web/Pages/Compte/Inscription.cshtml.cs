using System.ComponentModel.DataAnnotations;
using Escale.Core.Data;
using Escale.Core.Identity;
using Escale.Web.Infrastructure.Email;
using Escale.Web.Infrastructure.Links;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Compte;

public sealed class InscriptionModel(UserManager<ApplicationUser> users, EscaleDbContext db, IEmailOutbox outbox, TimeProvider time) : PageModel
{
    /// <summary>Shown whether the account was created or already existed: the form must not tell who has an account.</summary>
    public const string Sent = "Un courriel vient de partir vers l’adresse indiquée. Ouvrez le lien qu’il contient pour activer votre compte (pensez à regarder dans les indésirables). Si vous aviez déjà un compte, ce courriel vous l’indique.";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>Where the person was going (an invitation link, say): kept through the sign-in page they land on afterwards.</summary>
    [BindProperty(SupportsGet = true, Name = "retour")]
    public string? ReturnUrl { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Indiquez votre nom.")]
        [StringLength(200, ErrorMessage = "Le nom ne doit pas dépasser {1} caractères.")]
        [Display(Name = "Nom affiché")]
        public string DisplayName { get; set; } = "";

        [Required(ErrorMessage = "Indiquez votre adresse électronique.")]
        [EmailAddress(ErrorMessage = "Cette adresse électronique n’est pas valide.")]
        [StringLength(256, ErrorMessage = "L’adresse ne doit pas dépasser {1} caractères.")]
        [Display(Name = "Adresse électronique")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Choisissez un mot de passe.")]
        [DataType(DataType.Password)]
        [Display(Name = "Mot de passe")]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "Saisissez le mot de passe une seconde fois.")]
        [DataType(DataType.Password)]
        [Compare(nameof(Password), ErrorMessage = "Les deux mots de passe ne sont pas identiques.")]
        [Display(Name = "Confirmation du mot de passe")]
        public string ConfirmPassword { get; set; } = "";

        public bool AcceptPrivacy { get; set; }
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!Input.AcceptPrivacy)
        {
            ModelState.AddModelError("Input.AcceptPrivacy", "Pour créer un compte, acceptez la politique de confidentialité.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = new ApplicationUser
        {
            UserName = Input.Email.Trim(),
            Email = Input.Email.Trim(),
            DisplayName = Input.DisplayName.Trim(),
            CreatedAt = time.GetUtcNow(),
            CampaignCode = Campagnes.CampaignCookies.LastTouch(Request),
            FirstCampaignCode = Campagnes.CampaignCookies.FirstTouch(Request),
        };
        IdentityResult result;
        try
        {
            result = await users.CreateAsync(user, Input.Password);
        }
        catch (DbUpdateException)
        {
            // Two submits at once: both passed Identity's check, the unique e-mail index stopped the second.
            db.ChangeTracker.Clear();
            result = IdentityResult.Failed(users.ErrorDescriber.DuplicateEmail(user.Email));
        }

        if (result.Succeeded)
        {
            // The confirmation is stored with the role (AddToRoleAsync saves): it then survives an SMTP outage.
            await this.QueueConfirmationAsync(outbox, users, user);
            await users.AddToRoleAsync(user, Roles.Newcomer);
            TempData["StatusMessage"] = Sent;
            return RedirectToPage("/Compte/Connexion", new { retour = ReturnPath.IsClean(ReturnUrl) ? ReturnUrl : null });
        }
        if (result.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)))
        {
            // A double submit lands here with nothing more to do; someone who forgot their account is told by e-mail.
            var existing = await users.FindByEmailAsync(user.Email);
            if (existing is { EmailConfirmed: true })
            {
                this.QueueAlreadyRegistered(outbox, existing);
                await db.SaveChangesAsync(HttpContext.RequestAborted);
            }
            TempData["StatusMessage"] = Sent;
            return RedirectToPage("/Compte/Connexion", new { retour = ReturnPath.IsClean(ReturnUrl) ? ReturnUrl : null });
        }
        // A field shows one message: the password's rules are joined so that all of them are seen at once.
        foreach (var field in result.Errors.GroupBy(error => FieldOf(error.Code)))
        {
            ModelState.AddModelError(field.Key, string.Join(" ", field.Select(error => error.Description)));
        }
        return Page();
    }

    private static string FieldOf(string code)
    {
        if (code.StartsWith("Password", StringComparison.Ordinal))
        {
            return "Input.Password";
        }
        return code.Contains("Email", StringComparison.Ordinal) || code.Contains("UserName", StringComparison.Ordinal) ? "Input.Email" : "";
    }
}
