using System.ComponentModel.DataAnnotations;
using Escale.Core.Data;
using Escale.Core.Identity;
using Escale.Core.Opportunities;
using Escale.Core.Territories;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.EspacePartenaire;

/// <summary>Creates an organisation (its creator becomes a member) or edits one the person is a member of.</summary>
public sealed class OrganisationModel(EscaleDbContext db, UserManager<ApplicationUser> users) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Display(Name = "Nom")]
        [Required(ErrorMessage = "Indiquez le nom de l’organisation.")]
        [StringLength(300, ErrorMessage = "Le nom est trop long (300 caractères au plus).")]
        public string? Name { get; set; }

        [Display(Name = "SIRET (14 chiffres)")]
        public string? Siret { get; set; }

        [Display(Name = "Présentation")]
        [StringLength(4000, ErrorMessage = "La présentation est trop longue (4 000 caractères au plus).")]
        public string? Description { get; set; }

        [Display(Name = "Site web")]
        public string? Website { get; set; }

        [Display(Name = "Commune (nom ou code INSEE)")]
        public string? Commune { get; set; }
    }

    public bool IsNew { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        IsNew = id is null;
        if (id is null)
        {
            return Page();
        }
        var organisation = await db.OrganisationsOf(UserId).Where(o => o.Id == id)
            .Select(o => new InputModel { Name = o.Name, Siret = o.Siret, Description = o.Description, Website = o.Website, Commune = o.Commune!.InseeCode })
            .SingleOrDefaultAsync(cancellationToken);
        if (organisation is null)
        {
            return NotFound();
        }
        Input = organisation;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        IsNew = id is null;
        Organisation? organisation = null;
        if (id is not null)
        {
            organisation = await db.OrganisationsOf(UserId).SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
            if (organisation is null)
            {
                return NotFound();
            }
        }
        var siret = Input.Siret?.Replace(" ", "", StringComparison.Ordinal);
        if (!string.IsNullOrEmpty(siret) && !Siret.IsValid(siret))
        {
            ModelState.AddModelError("Input.Siret", "Ce SIRET n’est pas valide : vérifiez les 14 chiffres (le dernier est une clé de contrôle).");
        }
        var website = Input.Website?.Trim();
        if (!string.IsNullOrEmpty(website) && !PartnerSpace.IsHttpUrl(website))
        {
            ModelState.AddModelError("Input.Website", "Indiquez une adresse web complète, commençant par https:// ou http://.");
        }
        Commune? commune = null;
        if (!string.IsNullOrWhiteSpace(Input.Commune))
        {
            (commune, var error) = await PartnerSpace.FindCommuneAsync(db, Input.Commune, cancellationToken);
            if (error is not null)
            {
                ModelState.AddModelError("Input.Commune", error);
            }
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (organisation is null)
        {
            organisation = new Organisation { Name = "", Slug = await FreeSlugAsync(Input.Name!, cancellationToken) };
            organisation.Members.Add(new OrganisationMember { UserId = UserId });
            db.Organisations.Add(organisation);
        }
        organisation.Name = Input.Name!.Trim();
        organisation.Siret = string.IsNullOrEmpty(siret) ? null : siret;
        organisation.Description = Input.Description?.Trim();
        organisation.Website = string.IsNullOrEmpty(website) ? null : website;
        organisation.CommuneId = commune?.Id;
        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = $"L’organisation « {organisation.Name} » est enregistrée.";
        return RedirectToPage("/EspacePartenaire/Index");
    }

    /// <summary>The public page's address stays what it was first: links to it keep working after a rename.</summary>
    private async Task<string> FreeSlugAsync(string name, CancellationToken cancellationToken)
    {
        var slug = Slug.From(name);
        slug = slug.Length == 0 ? "organisation" : slug[..Math.Min(slug.Length, 280)];
        var candidate = slug;
        for (var n = 2; await db.Organisations.AnyAsync(o => o.Slug == candidate, cancellationToken); n++)
        {
            candidate = $"{slug}-{n.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        }
        return candidate;
    }

    private string UserId => users.GetUserId(User)!;
}
