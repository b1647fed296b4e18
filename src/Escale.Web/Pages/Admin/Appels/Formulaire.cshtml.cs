using System.ComponentModel.DataAnnotations;
using Escale.Core.Calls;
using Escale.Core.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Admin.Appels;

/// <summary>
/// The application form's builder: each question is its own small form (edit, remove, move up or down) and one more
/// adds a question, so the page works without JavaScript. Once applications exist, a question is neither removed nor
/// retyped (see <see cref="ChangeRefusal"/>).
/// </summary>
public sealed class FormulaireModel(EscaleDbContext db) : PageModel
{
    public sealed class FieldInput
    {
        /// <summary>Null for a new question.</summary>
        public int? FieldId { get; set; }

        [Required(ErrorMessage = "Indiquez la question.")]
        [StringLength(CallField.LabelMaxLength, ErrorMessage = "La question ne doit pas dépasser {1} caractères.")]
        public string Label { get; set; } = "";

        [StringLength(1000, ErrorMessage = "L’aide ne doit pas dépasser {1} caractères.")]
        public string? Help { get; set; }

        public CallFieldType Type { get; set; }

        public bool Required { get; set; }

        public FieldVisibility Visibility { get; set; } = FieldVisibility.Private;

        [StringLength(4000, ErrorMessage = "Les choix ne doivent pas dépasser {1} caractères.")]
        public string? Choices { get; set; }

        public static FieldInput From(CallField field) => new()
        {
            FieldId = field.Id, Label = field.Label, Help = field.Help, Type = field.Type, Required = field.Required,
            Visibility = field.Visibility, Choices = field.Choices,
        };
    }

    [BindProperty]
    public FieldInput Input { get; set; } = new();

    public int Id { get; private set; }

    public string Title { get; private set; } = "";

    public bool HasApplications { get; private set; }

    public IReadOnlyList<FieldInput> Fields { get; private set; } = [];

    /// <summary>The question whose form was refused (0 for the new-question form), shown with what was typed.</summary>
    public int? Refused { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await ShowAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSaveAsync(int id, CancellationToken cancellationToken)
    {
        if (!await db.Calls.AnyAsync(c => c.Id == id, cancellationToken))
        {
            return NotFound();
        }
        CallField? field = null;
        if (Input.FieldId is { } fieldId)
        {
            field = await db.CallFields.SingleOrDefaultAsync(f => f.Id == fieldId && f.CallId == id, cancellationToken);
            if (field is null)
            {
                return NotFound();
            }
        }
        Validate();
        if (field is not null && field.Type != Input.Type && await ChangeRefusal(id, cancellationToken) is { } refusal)
        {
            ModelState.AddModelError("Input.Type", refusal);
        }
        if (!ModelState.IsValid)
        {
            await ShowAsync(id, cancellationToken);
            Refused = Input.FieldId ?? 0;
            return Page();
        }
        if (field is null)
        {
            var order = await db.CallFields.Where(f => f.CallId == id).MaxAsync(f => (int?)f.Order, cancellationToken) ?? 0;
            field = new CallField { CallId = id, Order = order + 1, Label = "" };
            db.CallFields.Add(field);
        }
        field.Label = Input.Label.Trim();
        field.Help = string.IsNullOrWhiteSpace(Input.Help) ? null : Input.Help.Trim();
        field.Type = Input.Type;
        field.Required = Input.Required;
        field.Visibility = Input.Visibility;
        field.Choices = Input.Type == CallFieldType.Choice ? string.Join('\n', ChoiceLines(Input.Choices)) : null;
        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = Input.FieldId is null ? "La question est ajoutée." : "La question est enregistrée.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, int fieldId, CancellationToken cancellationToken)
    {
        var field = await db.CallFields.SingleOrDefaultAsync(f => f.Id == fieldId && f.CallId == id, cancellationToken);
        if (field is null)
        {
            return NotFound();
        }
        if (await ChangeRefusal(id, cancellationToken) is { } refusal)
        {
            TempData["StatusMessage"] = refusal;
            return RedirectToPage(new { id });
        }
        db.CallFields.Remove(field);
        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = "La question est retirée du formulaire.";
        return RedirectToPage(new { id });
    }

    /// <summary>Swaps a question with its neighbour above (<paramref name="up"/>) or below.</summary>
    public async Task<IActionResult> OnPostMoveAsync(int id, int fieldId, bool up, CancellationToken cancellationToken)
    {
        var fields = await db.CallFields.Where(f => f.CallId == id).OrderBy(f => f.Order).ThenBy(f => f.Id).ToListAsync(cancellationToken);
        var index = fields.FindIndex(f => f.Id == fieldId);
        if (index < 0)
        {
            return NotFound();
        }
        var other = up ? index - 1 : index + 1;
        if (other >= 0 && other < fields.Count)
        {
            (fields[index], fields[other]) = (fields[other], fields[index]);
            for (var i = 0; i < fields.Count; i++)
            {
                fields[i].Order = i + 1;
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        return RedirectToPage(new { id });
    }

    /// <summary>
    /// Applicants' answers are stored against a question as text read by its type: removing the question would delete
    /// answers people wrote (the cascade), and a new type would make the stored ones unreadable or invalid (a text read
    /// as a number, a file answer without its file). So once an application exists, both are refused.
    /// </summary>
    private async Task<string?> ChangeRefusal(int callId, CancellationToken cancellationToken) =>
        await db.CallApplications.AnyAsync(a => a.CallId == callId, cancellationToken)
            ? "Des candidatures existent déjà : une question ne peut plus être retirée ni changer de type (les réponses reçues seraient perdues). Vous pouvez encore modifier son libellé et son aide."
            : null;

    private void Validate()
    {
        if (!Enum.IsDefined(Input.Type))
        {
            ModelState.AddModelError("Input.Type", "Choisissez le type de la question.");
        }
        if (!Enum.IsDefined(Input.Visibility))
        {
            ModelState.AddModelError("Input.Visibility", "Choisissez qui peut lire la réponse.");
        }
        if (Input.Type == CallFieldType.Choice && ChoiceLines(Input.Choices).Count < 2)
        {
            ModelState.AddModelError("Input.Choices", "Une question à choix propose au moins deux choix, un par ligne.");
        }
    }

    private static List<string> ChoiceLines(string? choices) =>
        [.. (choices ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)];

    private async Task<bool> ShowAsync(int id, CancellationToken cancellationToken)
    {
        var call = await db.Calls.AsNoTracking().Where(c => c.Id == id).Select(c => new { c.Title, HasApplications = c.Applications.Any() })
            .SingleOrDefaultAsync(cancellationToken);
        if (call is null)
        {
            return false;
        }
        Id = id;
        Title = call.Title;
        HasApplications = call.HasApplications;
        var fields = await db.CallFields.AsNoTracking().Where(f => f.CallId == id).OrderBy(f => f.Order).ThenBy(f => f.Id).ToListAsync(cancellationToken);
        Fields = [.. fields.Select(FieldInput.From)];
        return true;
    }
}
