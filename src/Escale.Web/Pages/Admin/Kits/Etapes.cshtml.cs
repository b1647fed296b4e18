using System.ComponentModel.DataAnnotations;
using Escale.Core.Data;
using Escale.Core.Welcome.Kits;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Admin.Kits;

/// <summary>
/// The first steps of one persona's welcome kits: add, correct, reorder and remove them. Every form posts, redirects
/// and says what it did; a step added twice (a double submit) is one step, by the unique index on its text.
/// </summary>
public sealed class EtapesModel(EscaleDbContext db, TimeProvider clock) : PageModel
{
    public sealed class StepInput
    {
        [Display(Name = "Étape (en français)")]
        [Required(ErrorMessage = "Écrivez l’étape.")]
        [StringLength(WelcomeKitStep.TextMaxLength, ErrorMessage = "L’étape tient en 500 caractères au plus.")]
        public string? Text { get; set; }

        [Display(Name = "Étape en anglais (facultatif)")]
        [StringLength(WelcomeKitStep.TextMaxLength, ErrorMessage = "L’étape tient en 500 caractères au plus.")]
        public string? TextEnglish { get; set; }

        [Display(Name = "Lien (facultatif)")]
        [StringLength(WelcomeKitStep.LinkMaxLength, ErrorMessage = "Le lien tient en 500 caractères au plus.")]
        public string? Link { get; set; }
    }

    public const string DuplicateStep = "Cette étape est déjà dans la liste.";
    public const string InvalidLink = "Le lien commence par https:// (ou par / pour une page d’Escale).";

    public int PersonaId { get; private set; }
    public string PersonaSlug { get; private set; } = "";
    public string PersonaName { get; private set; } = "";
    public IReadOnlyList<WelcomeKitStep> Steps { get; private set; } = [];

    public StepInput NewStep { get; set; } = new();

    public StepInput Edit { get; set; } = new();

    /// <summary>The step whose form is shown again with its typed values and errors.</summary>
    public int? EditingId { get; private set; }

    public async Task<IActionResult> OnGetAsync(string persona, CancellationToken cancellationToken) =>
        await LoadAsync(persona, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddAsync(string persona, [Bind(Prefix = nameof(NewStep))] StepInput input, CancellationToken cancellationToken)
    {
        NewStep = input;
        if (!await LoadAsync(persona, cancellationToken))
        {
            return NotFound();
        }
        Check(input, nameof(NewStep));
        var text = input.Text?.Trim();
        if (ModelState.IsValid && Steps.Any(s => s.Text == text))
        {
            return Done(persona, DuplicateStep);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var now = clock.GetUtcNow();
        db.WelcomeKitSteps.Add(new WelcomeKitStep
        {
            PersonaId = PersonaId,
            Position = Steps.Count == 0 ? 1 : Steps.Max(s => s.Position) + 1,
            Text = text!,
            TextEnglish = Blank(input.TextEnglish),
            Link = Blank(input.Link),
            CreatedAt = now,
            UpdatedAt = now,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same form posted twice at once: the other request added it (the unique index refused this one).
            db.ChangeTracker.Clear();
            if (!await db.WelcomeKitSteps.AnyAsync(s => s.PersonaId == PersonaId && s.Text == text, cancellationToken))
            {
                throw;
            }
            return Done(persona, DuplicateStep);
        }
        return Done(persona, "Étape ajoutée.");
    }

    public async Task<IActionResult> OnPostSaveAsync(string persona, int stepId, [Bind(Prefix = nameof(Edit))] StepInput input, CancellationToken cancellationToken)
    {
        Edit = input;
        EditingId = stepId;
        if (!await LoadAsync(persona, cancellationToken))
        {
            return NotFound();
        }
        var step = await db.WelcomeKitSteps.SingleOrDefaultAsync(s => s.Id == stepId && s.PersonaId == PersonaId, cancellationToken);
        if (step is null)
        {
            return NotFound();
        }
        Check(input, nameof(Edit));
        var text = input.Text?.Trim();
        if (ModelState.IsValid && Steps.Any(s => s.Id != stepId && s.Text == text))
        {
            ModelState.AddModelError($"{nameof(Edit)}.{nameof(StepInput.Text)}", DuplicateStep);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        step.Text = text!;
        step.TextEnglish = Blank(input.TextEnglish);
        step.Link = Blank(input.Link);
        await db.SaveChangesAsync(cancellationToken);
        return Done(persona, "Étape enregistrée.");
    }

    public Task<IActionResult> OnPostUpAsync(string persona, int stepId, CancellationToken cancellationToken) => MoveAsync(persona, stepId, -1, cancellationToken);

    public Task<IActionResult> OnPostDownAsync(string persona, int stepId, CancellationToken cancellationToken) => MoveAsync(persona, stepId, +1, cancellationToken);

    public async Task<IActionResult> OnPostDeleteAsync(string persona, int stepId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(persona, cancellationToken))
        {
            return NotFound();
        }
        // Already gone (a second click): nothing to do, and the same answer.
        await db.WelcomeKitSteps.Where(s => s.Id == stepId && s.PersonaId == PersonaId).ExecuteDeleteAsync(cancellationToken);
        return Done(persona, "Étape retirée.");
    }

    /// <summary>Swaps the step with its neighbour and renumbers the list 1, 2, 3… in the same save.</summary>
    private async Task<IActionResult> MoveAsync(string persona, int stepId, int by, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(persona, cancellationToken))
        {
            return NotFound();
        }
        var steps = await db.WelcomeKitSteps.Where(s => s.PersonaId == PersonaId).OrderBy(s => s.Position).ThenBy(s => s.Id).ToListAsync(cancellationToken);
        var index = steps.FindIndex(s => s.Id == stepId);
        if (index < 0)
        {
            return NotFound();
        }
        var other = index + by;
        if (other >= 0 && other < steps.Count)
        {
            (steps[index], steps[other]) = (steps[other], steps[index]);
        }
        for (var i = 0; i < steps.Count; i++)
        {
            steps[i].Position = i + 1;
        }
        await db.SaveChangesAsync(cancellationToken);
        return Done(persona, "Ordre des étapes enregistré.");
    }

    private void Check(StepInput input, string prefix)
    {
        if (Blank(input.Link) is { } link && !WelcomeKitStep.IsValidLink(link))
        {
            ModelState.AddModelError($"{prefix}.{nameof(StepInput.Link)}", InvalidLink);
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private RedirectResult Done(string persona, string status)
    {
        TempData["StatusMessage"] = status;
        return Redirect("/admin/kits/" + persona);
    }

    private async Task<bool> LoadAsync(string persona, CancellationToken cancellationToken)
    {
        var found = await db.Personas.AsNoTracking().SingleOrDefaultAsync(p => p.Slug == persona, cancellationToken);
        if (found is null)
        {
            return false;
        }
        PersonaId = found.Id;
        PersonaSlug = found.Slug;
        PersonaName = found.Name.Current;
        Steps = await db.WelcomeKitSteps.AsNoTracking().Where(s => s.PersonaId == found.Id).OrderBy(s => s.Position).ThenBy(s => s.Id).ToListAsync(cancellationToken);
        return true;
    }
}
