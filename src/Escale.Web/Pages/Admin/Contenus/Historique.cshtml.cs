using Escale.Core.Content;
using Escale.Core.Data;
using Escale.Core.Identity;
using Escale.Web.Infrastructure.Caching;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Admin.Contenus;

/// <summary>An item's revisions, a line diff between two of them, and restoring one (as a new revision).</summary>
public sealed class HistoriqueModel(EscaleDbContext db, TimeProvider clock, UserManager<ApplicationUser> users) : PageModel
{
    public sealed record Row(int Number, DateTimeOffset CreatedAt, string? Author, string? Note);

    /// <summary>One compared field: "Titre (fr)" and its lines.</summary>
    public sealed record FieldDiff(string Label, IReadOnlyList<DiffLine> Lines);

    public IReadOnlyList<Row> Revisions { get; private set; } = [];

    public int? From { get; private set; }

    public int? To { get; private set; }

    public IReadOnlyList<FieldDiff> Diff { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, int? de, int? a, CancellationToken cancellationToken)
    {
        Revisions = await db.ContentRevisions.AsNoTracking().Where(r => r.ContentItemId == id)
            .OrderByDescending(r => r.Number)
            .Select(r => new Row(r.Number, r.CreatedAt, db.Users.Where(u => u.Id == r.AuthorUserId).Select(u => u.DisplayName ?? u.Email).FirstOrDefault(), r.Note))
            .ToListAsync(cancellationToken);
        if (Revisions.Count == 0)
        {
            return NotFound();
        }
        To = a ?? Revisions[0].Number;
        From = de ?? (Revisions.Count > 1 ? Revisions[1].Number : To);
        var pair = await db.ContentRevisions.AsNoTracking()
            .Where(r => r.ContentItemId == id && (r.Number == From || r.Number == To))
            .ToDictionaryAsync(r => r.Number, r => ContentDraft.FromJson(r.SnapshotJson), cancellationToken);
        if (pair.TryGetValue(From.Value, out var before) && pair.TryGetValue(To.Value, out var after))
        {
            Diff = [.. Compare(before, after)];
        }
        return Page();
    }

    public async Task<IActionResult> OnPostRestoreAsync(int id, int number, CancellationToken cancellationToken)
    {
        var json = await db.ContentRevisions.Where(r => r.ContentItemId == id && r.Number == number)
            .Select(r => r.SnapshotJson).SingleOrDefaultAsync(cancellationToken);
        var item = await ContentEditing.LoadAsync(db, id, cancellationToken);
        if (json is null || item is null)
        {
            return NotFound();
        }
        await ContentEditing.SaveAsync(db, item, ContentDraft.FromJson(json), users.GetUserId(User),
            $"Restauration de la révision {number}", clock.GetUtcNow(), cancellationToken);
        await HttpContext.ContentChangedAsync(cancellationToken);
        TempData["StatusMessage"] = $"La révision {number} est restaurée : elle est maintenant la dernière.";
        return RedirectToPage("/Admin/Contenus/Edition", new { id });
    }

    private static IEnumerable<FieldDiff> Compare(ContentDraft before, ContentDraft after)
    {
        foreach (var language in new[] { ContentDraft.French, ContentDraft.English })
        {
            var (old, current) = (before.Text(language), after.Text(language));
            yield return new FieldDiff($"title.{language}", LineDiff.Compute(old?.Title, current?.Title));
            yield return new FieldDiff($"summary.{language}", LineDiff.Compute(old?.Summary, current?.Summary));
            yield return new FieldDiff($"body.{language}", LineDiff.Compute(old?.BodyMarkdown, current?.BodyMarkdown));
        }
    }
}
