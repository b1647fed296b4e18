using System.ComponentModel.DataAnnotations;
using Escale.Core.Data;
using Escale.Core.WelcomeNetworks;
using Escale.Web.Infrastructure.Localization;
using Escale.Web.Pages.ReseauAccueil;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.EspaceReseau;

/// <summary>
/// A structure's newcomer event, created or edited by its coordinators, administrators or the departmental team (404 for
/// anyone else), with its registrants and waiting list. A larger capacity moves the waiting list up at once.
/// </summary>
public sealed class EvenementModel(EscaleDbContext db, WelcomeNetworkAccess access, NewcomerEventBooking booking, TimeProvider clock) : PageModel
{
    public sealed class EventInput
    {
        [Display(Name = "Titre")]
        [Required(ErrorMessage = "Indiquez le titre de l’événement.")]
        [StringLength(200, ErrorMessage = "Le titre ne doit pas dépasser {1} caractères.")]
        public string? Title { get; set; }

        [Display(Name = "Description")]
        [StringLength(4000, ErrorMessage = "La description ne doit pas dépasser {1} caractères.")]
        public string? Description { get; set; }

        [Display(Name = "Début (heure de Paris)")]
        [Required(ErrorMessage = "Indiquez la date et l’heure de début.")]
        public DateTime? StartsAt { get; set; }

        [Display(Name = "Fin (heure de Paris)")]
        [Required(ErrorMessage = "Indiquez la date et l’heure de fin.")]
        public DateTime? EndsAt { get; set; }

        [Display(Name = "Lieu")]
        [Required(ErrorMessage = "Indiquez le lieu (salle, adresse).")]
        [StringLength(300, ErrorMessage = "Le lieu ne doit pas dépasser {1} caractères.")]
        public string? Place { get; set; }

        [Display(Name = "Commune")]
        public int? CommuneId { get; set; }

        [Display(Name = "Capacité (nombre de personnes)")]
        [Required(ErrorMessage = "Indiquez le nombre de places.")]
        [Range(1, NewcomerEvent.MaxCapacity, ErrorMessage = "Indiquez un nombre de places entre {1} et {2}.")]
        public int? Capacity { get; set; }
    }

    public sealed record Option(int Id, string Name);

    public sealed record RegistrantRow(string Name, string Email, int Persons, RegistrationStatus Status, DateTimeOffset CreatedAt);

    [BindProperty]
    public EventInput Input { get; set; } = new();

    public WelcomeStructure Structure { get; private set; } = null!;
    public int? Id { get; private set; }
    public IReadOnlyList<Option> Communes { get; private set; } = [];
    public IReadOnlyList<RegistrantRow> Registrants { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int structureId, int? id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(structureId, id, cancellationToken))
        {
            return NotFound();
        }
        if (id is not null)
        {
            var welcomeEvent = await db.NewcomerEvents.AsNoTracking().FirstAsync(e => e.Id == id, cancellationToken);
            Input = new EventInput
            {
                Title = welcomeEvent.Title, Description = welcomeEvent.Description, StartsAt = ParisTime.ToLocal(welcomeEvent.StartsAt),
                EndsAt = ParisTime.ToLocal(welcomeEvent.EndsAt), Place = welcomeEvent.Place, CommuneId = welcomeEvent.CommuneId, Capacity = welcomeEvent.Capacity,
            };
        }
        else
        {
            Input.CommuneId = Structure.CommuneId;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int structureId, int? id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(structureId, id, cancellationToken))
        {
            return NotFound();
        }
        var welcomeEvent = id is null ? null : await db.NewcomerEvents.FirstAsync(e => e.Id == id, cancellationToken);
        var now = clock.GetUtcNow();
        DateTimeOffset? starts = Input.StartsAt is { } s ? ParisTime.FromLocal(s) : null;
        DateTimeOffset? ends = Input.EndsAt is { } e ? ParisTime.FromLocal(e) : null;
        if (starts is { } start && start <= now && (welcomeEvent is null || welcomeEvent.StartsAt != start))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(EventInput.StartsAt)}", "Le début doit être dans le futur.");
        }
        if (starts is not null && ends is not null && ends <= starts)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(EventInput.EndsAt)}", "La fin doit être après le début.");
        }
        if (Input.CommuneId is { } commune && !await db.Communes.AnyAsync(c => c.Id == commune, cancellationToken))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(EventInput.CommuneId)}", "Choisissez une commune de la liste.");
        }
        var confirmed = Registrants.Where(r => r.Status == RegistrationStatus.Confirmed).Sum(r => r.Persons);
        if (Input.Capacity is { } capacity && capacity < confirmed)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(EventInput.Capacity)}",
                $"{confirmed} personnes sont déjà inscrites : la capacité ne peut pas être plus petite.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (welcomeEvent is null)
        {
            welcomeEvent = new NewcomerEvent { Title = "", Place = "", StructureId = structureId, CreatedAt = now };
            db.NewcomerEvents.Add(welcomeEvent);
        }
        welcomeEvent.Title = Input.Title!.Trim();
        welcomeEvent.Description = string.IsNullOrWhiteSpace(Input.Description) ? null : Input.Description.Trim();
        welcomeEvent.StartsAt = starts!.Value;
        welcomeEvent.EndsAt = ends!.Value;
        welcomeEvent.Place = Input.Place!.Trim();
        welcomeEvent.CommuneId = Input.CommuneId;
        welcomeEvent.Capacity = Input.Capacity!.Value;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError($"{nameof(Input)}.{nameof(EventInput.Title)}", "La structure a déjà un événement de ce titre à cette heure.");
            return Page();
        }
        await booking.PromoteAsync(welcomeEvent.Id, cancellationToken);
        TempData["StatusMessage"] = "Événement enregistré.";
        return Redirect($"/espace-reseau/structures/{structureId}/evenements/{welcomeEvent.Id}");
    }

    private async Task<bool> LoadAsync(int structureId, int? id, CancellationToken cancellationToken)
    {
        if (!await access.CanManageAsync(User, structureId, cancellationToken))
        {
            return false;
        }
        var structure = await db.WelcomeStructures.AsNoTracking().FirstOrDefaultAsync(s => s.Id == structureId, cancellationToken);
        if (structure is null || (id is not null && !await db.NewcomerEvents.AnyAsync(e => e.Id == id && e.StructureId == structureId, cancellationToken)))
        {
            return false;
        }
        Structure = structure;
        Id = id;
        Communes = await db.Communes.AsNoTracking()
            .OrderBy(c => c.IntercommunalityId == structure.IntercommunalityId ? 0 : 1).ThenBy(c => c.Name)
            .Select(c => new Option(c.Id, c.Name)).ToListAsync(cancellationToken);
        Registrants = id is null ? [] : await db.NewcomerEventRegistrations.AsNoTracking().Where(r => r.EventId == id)
            .OrderBy(r => r.CreatedAt).ThenBy(r => r.Id)
            .Select(r => new RegistrantRow(r.Name, r.Email, r.Persons, r.Status, r.CreatedAt)).ToListAsync(cancellationToken);
        return true;
    }
}
