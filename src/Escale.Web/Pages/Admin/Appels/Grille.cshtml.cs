using Escale.Core.Calls;
using Escale.Core.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Admin.Appels;

/// <summary>
/// The evaluation grid, edited as one form: each criterion's name, description and weight, blank rows to add more and a
/// box to remove one. Saved whole or not at all: weights that do not sum to 100 are refused beside the grid
/// (<see cref="CallPhases.GridRefusal"/>) and nothing changes.
/// </summary>
public sealed class GrilleModel(EscaleDbContext db) : PageModel
{
    public const int BlankRows = 3;

    public sealed class Row
    {
        public int? CriterionId { get; set; }
        public string? Name { get; set; }
        public string? Description { get; set; }
        public int? Weight { get; set; }
        public bool Remove { get; set; }

        public bool IsBlank => CriterionId is null && string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Description) && Weight is null;
    }

    [BindProperty]
    public List<Row> Rows { get; set; } = [];

    public int Id { get; private set; }

    public string Title { get; private set; } = "";

    public bool Scored { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await ShowAsync(id, cancellationToken))
        {
            return NotFound();
        }
        Rows = await db.CallCriteria.AsNoTracking().Where(c => c.CallId == id).OrderBy(c => c.Order).ThenBy(c => c.Id)
            .Select(c => new Row { CriterionId = c.Id, Name = c.Name, Description = c.Description, Weight = c.Weight }).ToListAsync(cancellationToken);
        Rows.AddRange(Enumerable.Range(0, BlankRows).Select(_ => new Row()));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await ShowAsync(id, cancellationToken))
        {
            return NotFound();
        }
        ModelState.Clear();
        var existing = await db.CallCriteria.Where(c => c.CallId == id).ToDictionaryAsync(c => c.Id, cancellationToken);
        if (Scored)
        {
            // Submitted scores were given against these criteria and weights: a new grid would change their meaning.
            ModelState.AddModelError("Grid", "Des jurés ont déjà noté des candidatures : la grille ne peut plus changer.");
        }
        var kept = new List<(Row Row, int Index)>();
        for (var i = 0; i < Rows.Count; i++)
        {
            var row = Rows[i];
            if (row.CriterionId is { } criterionId && !existing.ContainsKey(criterionId))
            {
                return NotFound();
            }
            if (row.IsBlank || row.Remove)
            {
                continue;
            }
            var name = row.Name?.Trim();
            if (string.IsNullOrEmpty(name))
            {
                ModelState.AddModelError($"Rows[{i}].Name", "Nommez le critère.");
            }
            else if (name.Length > 200)
            {
                ModelState.AddModelError($"Rows[{i}].Name", "Le nom ne doit pas dépasser 200 caractères.");
            }
            if (row.Description?.Trim().Length > 1000)
            {
                ModelState.AddModelError($"Rows[{i}].Description", "La description ne doit pas dépasser 1 000 caractères.");
            }
            if (row.Weight is null)
            {
                ModelState.AddModelError($"Rows[{i}].Weight", "Indiquez le poids du critère.");
            }
            kept.Add((row, i));
        }
        if (ModelState.IsValid && CallPhases.GridRefusal(kept.Select(k => k.Row.Weight!.Value)) is { } refusal)
        {
            ModelState.AddModelError("Grid", refusal);
        }
        if (!ModelState.IsValid)
        {
            // Keep what was typed, and the blank rows the page offers.
            var blanks = Rows.Count(r => r.IsBlank);
            Rows.AddRange(Enumerable.Range(0, Math.Max(0, BlankRows - blanks)).Select(_ => new Row()));
            return Page();
        }
        var order = 0;
        var keptIds = kept.Where(k => k.Row.CriterionId is not null).Select(k => k.Row.CriterionId!.Value).ToHashSet();
        db.CallCriteria.RemoveRange(existing.Values.Where(c => !keptIds.Contains(c.Id)));
        foreach (var (row, _) in kept)
        {
            var criterion = row.CriterionId is { } criterionId ? existing[criterionId] : null;
            if (criterion is null)
            {
                criterion = new CallCriterion { CallId = id, Name = "" };
                db.CallCriteria.Add(criterion);
            }
            criterion.Name = row.Name!.Trim();
            criterion.Description = string.IsNullOrWhiteSpace(row.Description) ? null : row.Description.Trim();
            criterion.Weight = row.Weight!.Value;
            criterion.Order = ++order;
        }
        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = "La grille d’évaluation est enregistrée.";
        return RedirectToPage(new { id });
    }

    private async Task<bool> ShowAsync(int id, CancellationToken cancellationToken)
    {
        var call = await db.Calls.AsNoTracking().Where(c => c.Id == id).Select(c => new { c.Title }).SingleOrDefaultAsync(cancellationToken);
        if (call is null)
        {
            return false;
        }
        Id = id;
        Title = call.Title;
        Scored = await db.JurorScores.AnyAsync(s => db.CallCriteria.Any(c => c.Id == s.CriterionId && c.CallId == id), cancellationToken);
        return true;
    }
}
