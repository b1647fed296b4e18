using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Escale.Core.Calls;
using Escale.Core.Data;
using Escale.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Admin.Appels.Jury;

/// <summary>
/// One application in the deliberation: its place in the ranking, each juror's evaluation (scores and comments per
/// criterion, or their recusal and its reason), and the final decision with its reason and the jury's feedback for the
/// team — which can change until the results are published.
/// </summary>
public sealed class CandidatureModel(EscaleDbContext db, JuryRankingCache rankings, UserManager<ApplicationUser> users, TimeProvider clock) : PageModel
{
    public sealed class DecisionInput
    {
        [Display(Name = "Décision")]
        [Required(ErrorMessage = "Choisissez la décision : lauréate ou non retenue.")]
        public ApplicationDecision? Decision { get; set; }

        [Display(Name = "Raison de la décision (pour l’équipe qui organise l’appel)")]
        [Required(ErrorMessage = "Indiquez la raison de la décision.")]
        [StringLength(4000, ErrorMessage = "La raison ne doit pas dépasser {1} caractères.")]
        public string? Reason { get; set; }

        [Display(Name = "Avis du jury pour l’équipe candidate (envoyé avec les résultats)")]
        [StringLength(8000, ErrorMessage = "L’avis ne doit pas dépasser {1} caractères.")]
        public string? Feedback { get; set; }
    }

    public sealed record ScoreView(string Criterion, int Weight, int Score, string? Comment);

    public sealed record EvaluationView(string JurorName, DateTimeOffset? SubmittedAt, double? WeightedScore, DateTimeOffset? ConflictDeclaredAt,
        string? ConflictReason, string? Comment, IReadOnlyList<ScoreView> Scores);

    [BindProperty]
    public DecisionInput Input { get; set; } = new();

    public CallRanking Ranking { get; private set; } = null!;
    public CallRanking.Application Application { get; private set; } = null!;
    public JuryRanking.Row? Row { get; private set; }
    public IReadOnlyList<EvaluationView> Evaluations { get; private set; } = [];
    public bool CanDecide => Ranking.Of.ResultsPublishedAt is null && Application.Status == ApplicationStatus.UnderEvaluation;

    public async Task<IActionResult> OnGetAsync(int id, int applicationId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, applicationId, cancellationToken))
        {
            return NotFound();
        }
        var decision = await db.CallApplications.AsNoTracking().Where(a => a.Id == applicationId)
            .Select(a => new DecisionInput { Decision = a.Decision, Reason = a.DecisionReason, Feedback = a.JuryFeedback })
            .FirstAsync(cancellationToken);
        Input = decision;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int applicationId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, applicationId, cancellationToken))
        {
            return NotFound();
        }
        if (!CanDecide)
        {
            ModelState.AddModelError(string.Empty, "Les résultats sont publiés ou la candidature n’est plus en évaluation : la décision ne change plus.");
        }
        if (Input.Decision is { } chosen && !Enum.IsDefined(chosen))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(DecisionInput.Decision)}", "Choisissez la décision : lauréate ou non retenue.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var now = clock.GetUtcNow();
        var feedback = string.IsNullOrWhiteSpace(Input.Feedback) ? null : Input.Feedback.Trim();
        // Guarded like the publication: a decision never lands on results already out.
        var saved = await db.CallApplications
            .Where(a => a.Id == applicationId && a.CallId == id && a.Status == ApplicationStatus.UnderEvaluation && a.Call!.ResultsPublishedAt == null)
            .ExecuteUpdateAsync(set => set
                .SetProperty(a => a.Decision, Input.Decision)
                .SetProperty(a => a.DecisionReason, Input.Reason!.Trim())
                .SetProperty(a => a.JuryFeedback, feedback)
                .SetProperty(a => a.DecidedByUserId, users.GetUserId(User))
                .SetProperty(a => a.DecidedAt, now)
                .SetProperty(a => a.UpdatedAt, now), cancellationToken);
        rankings.Changed(id);
        TempData["StatusMessage"] = saved > 0
            ? "Décision enregistrée. Elle sera communiquée à l’équipe à la publication des résultats."
            : "Les résultats sont publiés ou la candidature n’est plus en évaluation : la décision ne change plus.";
        return Redirect($"/admin/appels/{id.ToString(CultureInfo.InvariantCulture)}/jury/candidatures/{applicationId.ToString(CultureInfo.InvariantCulture)}");
    }

    private async Task<bool> LoadAsync(int id, int applicationId, CancellationToken cancellationToken)
    {
        var ranking = await rankings.GetAsync(db, id, cancellationToken);
        if (ranking is null || !ranking.Applications.TryGetValue(applicationId, out var application))
        {
            return false;
        }
        Ranking = ranking;
        Application = application;
        Row = ranking.Result.Rows.FirstOrDefault(r => r.ApplicationId == applicationId);
        var criteria = await db.CallCriteria.AsNoTracking().Where(c => c.CallId == id).OrderBy(c => c.Order).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.Name, c.Weight }).ToListAsync(cancellationToken);
        var assignments = await db.JurorAssignments.AsNoTracking().Where(a => a.ApplicationId == applicationId)
            .Select(a => new
            {
                a.JurorUserId, a.SubmittedAt, a.WeightedScore, a.ConflictDeclaredAt, a.ConflictReason, a.Comment,
                Scores = a.Scores.Select(s => new { s.CriterionId, s.Score, s.Comment }).ToList(),
            })
            .ToListAsync(cancellationToken);
        Evaluations = [.. assignments
            .Select(a => new EvaluationView(ranking.JurorName(a.JurorUserId), a.SubmittedAt, a.WeightedScore, a.ConflictDeclaredAt, a.ConflictReason,
                a.SubmittedAt is null ? null : a.Comment,
                a.SubmittedAt is null ? [] : [.. criteria.Select(c => a.Scores.Find(s => s.CriterionId == c.Id) is { } s ? new ScoreView(c.Name, c.Weight, s.Score, s.Comment) : null)
                    .OfType<ScoreView>()]))
            .OrderBy(e => e.ConflictDeclaredAt is not null).ThenByDescending(e => e.WeightedScore)];
        return true;
    }
}
