using System.ComponentModel.DataAnnotations;
using Escale.Core.Data;
using Escale.Core.WelcomeNetworks;
using Escale.Web.Pages.ReseauAccueil;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.EspaceReseau;

/// <summary>
/// Adding or editing a structure, for administrators and the departmental team only (404 otherwise). A structure made
/// from the territory's data keeps its name, kind and place from the data: only its description and website are edited.
/// </summary>
public sealed class StructureModel(EscaleDbContext db, WelcomeNetworkAccess access, TimeProvider clock) : PageModel
{
    public sealed class StructureInput
    {
        [Display(Name = "Nom")]
        [Required(ErrorMessage = "Indiquez le nom de la structure.")]
        [StringLength(WelcomeStructure.NameMaxLength, ErrorMessage = "Le nom ne doit pas dépasser {1} caractères.")]
        public string? Name { get; set; }

        [Display(Name = "Type de structure")]
        public WelcomeStructureKind Kind { get; set; } = WelcomeStructureKind.TownHall;

        [Display(Name = "Intercommunalité")]
        [Required(ErrorMessage = "Choisissez l’intercommunalité de la structure.")]
        public int? IntercommunalityId { get; set; }

        [Display(Name = "Commune (facultatif)")]
        public int? CommuneId { get; set; }

        [Display(Name = "Adresse")]
        [StringLength(400, ErrorMessage = "L’adresse ne doit pas dépasser {1} caractères.")]
        public string? Address { get; set; }

        [Display(Name = "Téléphone")]
        [StringLength(100, ErrorMessage = "Le téléphone ne doit pas dépasser {1} caractères.")]
        public string? Phone { get; set; }

        [Display(Name = "Adresse électronique")]
        [EmailAddress(ErrorMessage = "Cette adresse électronique n’est pas valide.")]
        [StringLength(320, ErrorMessage = "L’adresse ne doit pas dépasser {1} caractères.")]
        public string? Email { get; set; }

        [Display(Name = "Site web")]
        [Url(ErrorMessage = "Indiquez une adresse de site complète, commençant par https://.")]
        [StringLength(500, ErrorMessage = "L’adresse du site ne doit pas dépasser {1} caractères.")]
        public string? Website { get; set; }

        [Display(Name = "Présentation courte")]
        [StringLength(2000, ErrorMessage = "La présentation ne doit pas dépasser {1} caractères.")]
        public string? Description { get; set; }
    }

    public sealed record Option(int Id, string Name, int? IntercommunalityId);

    [BindProperty]
    public StructureInput Input { get; set; } = new();

    public int? Id { get; private set; }
    public bool FromData { get; private set; }
    public IReadOnlyList<Option> Intercommunalities { get; private set; } = [];
    public IReadOnlyList<Option> Communes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        if (!await access.IsManagerAsync(User, cancellationToken))
        {
            return NotFound();
        }
        if (id is not null)
        {
            var structure = await db.WelcomeStructures.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
            if (structure is null)
            {
                return NotFound();
            }
            Input = new StructureInput
            {
                Name = structure.Name, Kind = structure.Kind, IntercommunalityId = structure.IntercommunalityId, CommuneId = structure.CommuneId,
                Address = structure.Address, Phone = structure.Phone, Email = structure.Email, Website = structure.Website, Description = structure.Description,
            };
            FromData = structure.FromData;
        }
        Id = id;
        await OptionsAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        if (!await access.IsManagerAsync(User, cancellationToken))
        {
            return NotFound();
        }
        var structure = id is null ? null : await db.WelcomeStructures.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (id is not null && structure is null)
        {
            return NotFound();
        }
        Id = id;
        FromData = structure?.FromData == true;
        if (FromData)
        {
            // Only the description and the website are this form's; the rest follows the data.
            foreach (var key in ModelState.Keys.Where(k => !k.EndsWith(nameof(StructureInput.Description), StringComparison.Ordinal)
                && !k.EndsWith(nameof(StructureInput.Website), StringComparison.Ordinal)).ToList())
            {
                ModelState.Remove(key);
            }
        }
        else
        {
            if (!Enum.IsDefined(Input.Kind))
            {
                ModelState.AddModelError($"{nameof(Input)}.{nameof(StructureInput.Kind)}", "Choisissez un type de structure.");
            }
            if (Input.IntercommunalityId is { } epci && !await db.Intercommunalities.AnyAsync(e => e.Id == epci, cancellationToken))
            {
                ModelState.AddModelError($"{nameof(Input)}.{nameof(StructureInput.IntercommunalityId)}", "Choisissez l’intercommunalité de la structure.");
            }
            if (Input.CommuneId is { } commune && !await db.Communes.AnyAsync(c => c.Id == commune && c.IntercommunalityId == Input.IntercommunalityId, cancellationToken))
            {
                ModelState.AddModelError($"{nameof(Input)}.{nameof(StructureInput.CommuneId)}", "Cette commune n’est pas dans l’intercommunalité choisie.");
            }
        }
        if (!ModelState.IsValid)
        {
            await OptionsAsync(cancellationToken);
            return Page();
        }
        if (structure is null)
        {
            structure = new WelcomeStructure { Name = "", CreatedAt = clock.GetUtcNow() };
            db.WelcomeStructures.Add(structure);
        }
        if (!FromData)
        {
            structure.Name = Input.Name!.Trim();
            structure.Kind = Input.Kind;
            structure.IntercommunalityId = Input.IntercommunalityId;
            structure.CommuneId = Input.CommuneId;
            structure.Address = Clean(Input.Address);
            structure.Phone = Clean(Input.Phone);
            structure.Email = Clean(Input.Email);
        }
        structure.Website = Clean(Input.Website);
        structure.Description = Clean(Input.Description);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The unique name per intercommunality: a second submit of the same form, or a structure already there.
            ModelState.AddModelError($"{nameof(Input)}.{nameof(StructureInput.Name)}", "Une structure de ce nom existe déjà dans cette intercommunalité.");
            db.ChangeTracker.Clear();
            await OptionsAsync(cancellationToken);
            return Page();
        }
        TempData["StatusMessage"] = "Structure enregistrée.";
        return Redirect($"/espace-reseau/structures/{structure.Id}/membres");
    }

    public async Task<IActionResult> OnPostSupprimerAsync(int id, CancellationToken cancellationToken)
    {
        if (!await access.IsManagerAsync(User, cancellationToken))
        {
            return NotFound();
        }
        var structure = await db.WelcomeStructures.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (structure is null || structure.FromData)
        {
            return NotFound();
        }
        db.WelcomeStructures.Remove(structure);
        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = "Structure supprimée, avec ses membres et ses événements.";
        return Redirect("/espace-reseau");
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private async Task OptionsAsync(CancellationToken cancellationToken)
    {
        Intercommunalities = await db.Intercommunalities.AsNoTracking().OrderBy(e => e.Name).Select(e => new Option(e.Id, e.Name, null)).ToListAsync(cancellationToken);
        Communes = await db.Communes.AsNoTracking().OrderBy(c => c.Name).Select(c => new Option(c.Id, c.Name, c.IntercommunalityId)).ToListAsync(cancellationToken);
    }
}
