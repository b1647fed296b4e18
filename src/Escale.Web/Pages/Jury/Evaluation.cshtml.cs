using System.Globalization;
using Escale.Core.Calls;
using Escale.Core.Data;
using Escale.Core.Identity;
using Escale.Web.Pages.Admin.Appels.Jury;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Jury;

/// <summary>
/// One evaluation, for the juror it is assigned to (404 for anyone else): the call's grid and the application as a juror
/// may see it — its title and the answers to public and private fields, never a field hidden from the jury nor anything
/// about the team's members. The juror declares a conflict of interest (a recusal, final, excluded from the averages) or
/// scores each criterion 0–10, saves a draft and submits; a submitted evaluation is final. Each change is guarded in the
/// database (the row still unsubmitted and not recused), so a double submit or a recusal racing a submission keeps one.
/// </summary>
public sealed class EvaluationModel(EscaleDbContext db, JuryRankingCache rankings, UserManager<ApplicationUser> users, TimeProvider clock) : PageModel
{
    public const int ConflictReasonMaxLength = 1000;

    public sealed class CriterionInput
    {
        public int CriterionId { get; set; }
        public string? Score { get; set; }
        public string? Comment { get; set; }
    }

    public sealed record CriterionView(int Id, string Name, string? Description, int Weight);

    public sealed record AnswerView(int FieldId, string Label, CallFieldType Type, string? Value, string? FileName, long? FileSize);

    public sealed record AssignmentView(
        int Id, int ApplicationId, string ProjectTitle, ApplicationStatus Status, int CallId, string CallTitle, DateTimeOffset? ResultsPublishedAt,
        DateTimeOffset? ConflictDeclaredAt, string? ConflictReason, DateTimeOffset? SubmittedAt, double? WeightedScore, string? Comment);

    [BindProperty]
    public List<CriterionInput> Criteria { get; set; } = [];

    [BindProperty]
    public string? Comment { get; set; }

    [BindProperty]
    public string? ConflictReason { get; set; }

    public AssignmentView Assignment { get; private set; } = null!;
    public IReadOnlyList<CriterionView> Grid { get; private set; } = [];
    public IReadOnlyList<AnswerView> Answers { get; private set; } = [];

    /// <summary>The juror may still score or recuse: not done yet, the application in evaluation, the results not out.</summary>
    public bool IsOpen => Assignment.ConflictDeclaredAt is null && Assignment.SubmittedAt is null && Assignment.ResultsPublishedAt is null
        && Assignment.Status is ApplicationStatus.UnderEvaluation or ApplicationStatus.Eligible;

    public async Task<IActionResult> OnGetAsync(int assignmentId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(assignmentId, cancellationToken))
        {
            return NotFound();
        }
        var saved = await db.JurorScores.AsNoTracking().Where(s => s.AssignmentId == assignmentId)
            .Select(s => new { s.CriterionId, s.Score, s.Comment }).ToListAsync(cancellationToken);
        Criteria = [.. Grid.Select(c => saved.Find(s => s.CriterionId == c.Id) is { } s
            ? new CriterionInput { CriterionId = c.Id, Score = s.Score.ToString(CultureInfo.InvariantCulture), Comment = s.Comment }
            : new CriterionInput { CriterionId = c.Id })];
        Comment = Assignment.Comment;
        return Page();
    }

    /// <summary>Saves the scores as a draft, or submits them (<paramref name="envoyer"/>): every criterion scored 0–10, the weighted total kept.</summary>
    public async Task<IActionResult> OnPostAsync(int assignmentId, string? envoyer, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(assignmentId, cancellationToken))
        {
            return NotFound();
        }
        if (!IsOpen)
        {
            TempData["StatusMessage"] = ClosedReason();
            return Redirect(PagePath(assignmentId));
        }
        var submit = envoyer is not null;
        var scores = new List<JurorScore>();
        Criteria = [.. Grid.Select(c => Criteria.Find(input => input.CriterionId == c.Id) ?? new CriterionInput { CriterionId = c.Id })];
        foreach (var (criterion, input) in Grid.Zip(Criteria))
        {
            var key = ScoreKey(criterion.Id);
            var text = input.Score?.Trim();
            var comment = string.IsNullOrWhiteSpace(input.Comment) ? null : input.Comment.Trim();
            if (comment?.Length > JurorAssignment.CommentMaxLength)
            {
                ModelState.AddModelError(CommentKey(criterion.Id), "Le commentaire ne doit pas dépasser 2 000 caractères.");
            }
            if (string.IsNullOrEmpty(text))
            {
                if (submit)
                {
                    ModelState.AddModelError(key, "Notez ce critère de 0 à 10 pour envoyer l’évaluation.");
                }
                else if (comment is not null)
                {
                    ModelState.AddModelError(key, "Donnez une note à ce critère pour enregistrer son commentaire.");
                }
                continue;
            }
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var score) || score > CallCriterion.MaxScore)
            {
                ModelState.AddModelError(key, "La note doit être un nombre entier de 0 à 10.");
                continue;
            }
            scores.Add(new JurorScore { AssignmentId = assignmentId, CriterionId = criterion.Id, Score = score, Comment = comment });
        }
        var general = string.IsNullOrWhiteSpace(Comment) ? null : Comment.Trim();
        if (general?.Length > JurorAssignment.CommentMaxLength)
        {
            ModelState.AddModelError(nameof(Comment), "Le commentaire ne doit pas dépasser 2 000 caractères.");
        }
        // Only the messages this handler wrote count: the bound values are checked above, whatever binding made of them.
        foreach (var entry in ModelState.Where(e => !IsOwnKey(e.Key)).ToList())
        {
            ModelState.Remove(entry.Key);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var now = clock.GetUtcNow();
        DateTimeOffset? submittedAt = submit ? now : null;
        double? total = submit ? JuryRanking.WeightedTotal(scores.Select(s => (Grid.First(c => c.Id == s.CriterionId).Weight, s.Score))) : null;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The guard first: it locks the row, and refuses an evaluation that was submitted or recused meanwhile.
        var updated = await db.JurorAssignments
            .Where(a => a.Id == assignmentId && a.SubmittedAt == null && a.ConflictDeclaredAt == null)
            .ExecuteUpdateAsync(set => set
                .SetProperty(a => a.Comment, general)
                .SetProperty(a => a.SubmittedAt, submittedAt)
                .SetProperty(a => a.WeightedScore, total), cancellationToken);
        if (updated == 0)
        {
            TempData["StatusMessage"] = "Cette évaluation a déjà été envoyée ou fait l’objet d’une récusation : elle ne change plus.";
            return Redirect(PagePath(assignmentId));
        }
        await db.JurorScores.Where(s => s.AssignmentId == assignmentId).ExecuteDeleteAsync(cancellationToken);
        db.JurorScores.AddRange(scores);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        rankings.Changed(Assignment.CallId);
        TempData["StatusMessage"] = submit ? "Évaluation envoyée. Merci !" : "Brouillon enregistré.";
        return Redirect(submit ? "/jury" : PagePath(assignmentId));
    }

    /// <summary>Declares a conflict of interest: the juror is recused from this application, for good, and their draft is dropped.</summary>
    public async Task<IActionResult> OnPostRecuserAsync(int assignmentId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(assignmentId, cancellationToken))
        {
            return NotFound();
        }
        if (!IsOpen)
        {
            TempData["StatusMessage"] = ClosedReason();
            return Redirect(PagePath(assignmentId));
        }
        var reason = ConflictReason?.Trim();
        ModelState.Clear();
        if (string.IsNullOrEmpty(reason))
        {
            ModelState.AddModelError(nameof(ConflictReason), "Indiquez la raison du conflit d’intérêts.");
        }
        else if (reason.Length > ConflictReasonMaxLength)
        {
            ModelState.AddModelError(nameof(ConflictReason), "La raison ne doit pas dépasser 1 000 caractères.");
        }
        if (!ModelState.IsValid)
        {
            await OnGetAsync(assignmentId, cancellationToken);
            return Page();
        }
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var updated = await db.JurorAssignments
            .Where(a => a.Id == assignmentId && a.SubmittedAt == null && a.ConflictDeclaredAt == null)
            .ExecuteUpdateAsync(set => set
                .SetProperty(a => a.ConflictDeclaredAt, now)
                .SetProperty(a => a.ConflictReason, reason)
                .SetProperty(a => a.Comment, (string?)null)
                .SetProperty(a => a.WeightedScore, (double?)null), cancellationToken);
        if (updated > 0)
        {
            await db.JurorScores.Where(s => s.AssignmentId == assignmentId).ExecuteDeleteAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        rankings.Changed(Assignment.CallId);
        TempData["StatusMessage"] = updated > 0
            ? "Conflit d’intérêts déclaré : vous ne notez pas cette candidature et n’en faites pas partie de la moyenne."
            : "Cette évaluation a déjà été envoyée ou fait l’objet d’une récusation : elle ne change plus.";
        return Redirect(PagePath(assignmentId));
    }

    /// <summary>A file answered to a field the jury may see; never kept by a browser or a proxy.</summary>
    public async Task<IActionResult> OnGetFichierAsync(int assignmentId, int champ, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(assignmentId, cancellationToken))
        {
            return NotFound();
        }
        var file = await db.ApplicationAnswers.AsNoTracking()
            .Where(a => a.ApplicationId == Assignment.ApplicationId && a.FieldId == champ
                && a.Field!.CallId == Assignment.CallId && a.Field.Type == CallFieldType.File && a.Field.Visibility != FieldVisibility.HiddenFromJury)
            .Select(a => a.File)
            .FirstOrDefaultAsync(cancellationToken);
        if (file is null)
        {
            return NotFound();
        }
        Response.Headers.CacheControl = "no-store";
        // File() with a download name answers Content-Disposition: attachment, so nothing uploaded is rendered by the site.
        return File(file.Content, file.ContentType, file.FileName);
    }

    public static string PagePath(int assignmentId) => "/jury/evaluations/" + assignmentId.ToString(CultureInfo.InvariantCulture);

    public static string ScoreKey(int criterionId) => "note-" + criterionId.ToString(CultureInfo.InvariantCulture);

    public static string CommentKey(int criterionId) => "commentaire-" + criterionId.ToString(CultureInfo.InvariantCulture);

    private static bool IsOwnKey(string key) =>
        key == nameof(Comment) || key.StartsWith("note-", StringComparison.Ordinal) || key.StartsWith("commentaire-", StringComparison.Ordinal);

    private string ClosedReason() =>
        Assignment.ConflictDeclaredAt is not null || Assignment.SubmittedAt is not null
            ? "Cette évaluation a déjà été envoyée ou fait l’objet d’une récusation : elle ne change plus."
            : "Cette candidature n’est plus en cours d’évaluation : l’évaluation ne change plus.";

    /// <summary>The juror's own assignment (false otherwise), the call's grid and the answers the jury may read.</summary>
    private async Task<bool> LoadAsync(int assignmentId, CancellationToken cancellationToken)
    {
        var me = users.GetUserId(User);
        var assignment = await db.JurorAssignments.AsNoTracking()
            .Where(a => a.Id == assignmentId && a.JurorUserId == me)
            .Select(a => new AssignmentView(a.Id, a.ApplicationId, a.Application!.ProjectTitle, a.Application.Status, a.Application.CallId,
                a.Application.Call!.Title, a.Application.Call.ResultsPublishedAt, a.ConflictDeclaredAt, a.ConflictReason, a.SubmittedAt,
                a.WeightedScore, a.Comment))
            .FirstOrDefaultAsync(cancellationToken);
        if (assignment is null)
        {
            return false;
        }
        Assignment = assignment;
        Grid = await db.CallCriteria.AsNoTracking().Where(c => c.CallId == assignment.CallId).OrderBy(c => c.Order).ThenBy(c => c.Id)
            .Select(c => new CriterionView(c.Id, c.Name, c.Description, c.Weight)).ToListAsync(cancellationToken);
        var fields = await db.CallFields.AsNoTracking()
            .Where(f => f.CallId == assignment.CallId && f.Visibility != FieldVisibility.HiddenFromJury).OrderBy(f => f.Order).ThenBy(f => f.Id)
            .Select(f => new { f.Id, f.Label, f.Type }).ToListAsync(cancellationToken);
        var fieldIds = fields.Select(f => f.Id).ToList();
        var answers = await db.ApplicationAnswers.AsNoTracking()
            .Where(a => a.ApplicationId == assignment.ApplicationId && fieldIds.Contains(a.FieldId))
            .Select(a => new { a.FieldId, a.Value, FileName = a.File == null ? null : a.File.FileName, FileSize = a.File == null ? (long?)null : a.File.SizeBytes })
            .ToListAsync(cancellationToken);
        Answers = [.. fields.Select(f => answers.Find(a => a.FieldId == f.Id) is { } a
            ? new AnswerView(f.Id, f.Label, f.Type, a.Value, a.FileName, a.FileSize)
            : new AnswerView(f.Id, f.Label, f.Type, null, null, null))];
        return true;
    }
}
