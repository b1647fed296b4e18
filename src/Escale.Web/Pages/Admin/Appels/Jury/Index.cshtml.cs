using System.Globalization;
using Escale.Core.Calls;
using Escale.Core.Data;
using Escale.Web.Pages.Candidatures;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Admin.Appels.Jury;

/// <summary>
/// The call's jury, for the team running it: each juror's completion, and who evaluates which eligible application —
/// by hand (a page of the application × juror matrix at a time) or evenly (<see cref="JuryDistribution"/>). An eligible
/// application that gets a juror goes under evaluation (<see cref="ApplicationWorkflow"/>). Nothing changes once the
/// results are published; an evaluation a juror began, sent or declined stays.
/// </summary>
public sealed class IndexModel(EscaleDbContext db, JuryRankingCache rankings, ApplicationEmails emails, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    public sealed record CallView(int Id, string Title, DateTimeOffset? ResultsPublishedAt);

    public sealed record JurorRow(string UserId, string Name, int Assigned, int Submitted, int Recused)
    {
        public int ToDo => Assigned - Submitted - Recused;
    }

    public sealed record Cell(bool Assigned, bool Recused, bool Submitted, bool Started);

    public sealed record ApplicationRow(int Id, string ProjectTitle, ApplicationStatus Status, IReadOnlyDictionary<string, Cell> Cells);

    public CallView Call { get; private set; } = null!;
    public IReadOnlyList<JurorRow> Jurors { get; private set; } = [];
    public IReadOnlyList<ApplicationRow> Applications { get; private set; } = [];
    public int ApplicationCount { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public int PageCount => Math.Max(1, (ApplicationCount + PageSize - 1) / PageSize);

    [BindProperty]
    public int PerApplication { get; set; } = 3;

    public async Task<IActionResult> OnGetAsync(int id, int page = 1, CancellationToken cancellationToken = default)
    {
        if (!await LoadAsync(id, page, cancellationToken))
        {
            return NotFound();
        }
        PerApplication = Math.Clamp(PerApplication, 1, Math.Max(1, Jurors.Count));
        return Page();
    }

    /// <summary>The matrix of one page: checked pairs are assigned, unchecked ones removed unless the juror began, sent or declined.</summary>
    public async Task<IActionResult> OnPostAttribuerAsync(int id, int page, [FromForm] List<int> candidatures, [FromForm] List<string> paires, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, page, cancellationToken))
        {
            return NotFound();
        }
        if (Call.ResultsPublishedAt is not null)
        {
            return Done(id, page, "Les résultats sont publiés : le jury ne change plus.");
        }
        var jurorIds = Jurors.Select(j => j.UserId).ToHashSet(StringComparer.Ordinal);
        var wanted = new HashSet<(int, string)>();
        foreach (var pair in paires)
        {
            var parts = pair.Split(':', 2);
            if (parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var applicationId) && jurorIds.Contains(parts[1]))
            {
                wanted.Add((applicationId, parts[1]));
            }
        }
        var open = await OpenApplicationIdsAsync(id, candidatures, cancellationToken);
        var existing = await db.JurorAssignments.Where(a => open.Contains(a.ApplicationId)).ToListAsync(cancellationToken);
        var kept = 0;
        foreach (var assignment in existing.Where(a => !wanted.Contains((a.ApplicationId, a.JurorUserId)) && jurorIds.Contains(a.JurorUserId)))
        {
            var touched = assignment.SubmittedAt is not null || assignment.ConflictDeclaredAt is not null || assignment.Comment is not null
                || await db.JurorScores.AnyAsync(s => s.AssignmentId == assignment.Id, cancellationToken);
            if (touched)
            {
                kept++;
            }
            else
            {
                db.JurorAssignments.Remove(assignment);
            }
        }
        var have = existing.Select(a => (a.ApplicationId, a.JurorUserId)).ToHashSet();
        var added = wanted.Where(p => open.Contains(p.Item1) && !have.Contains(p)).ToList();
        var message = await SaveAsync(id, added, cancellationToken) ?? (kept > 0
            ? "Attributions enregistrées. Les évaluations déjà commencées, envoyées ou déclinées restent attribuées."
            : "Attributions enregistrées.");
        return Done(id, page, message);
    }

    /// <summary>Every eligible application, or under evaluation, gets jurors until <see cref="PerApplication"/> of them evaluate it.</summary>
    public async Task<IActionResult> OnPostRepartirAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, 1, cancellationToken))
        {
            return NotFound();
        }
        if (Call.ResultsPublishedAt is not null)
        {
            return Done(id, 1, "Les résultats sont publiés : le jury ne change plus.");
        }
        if (Jurors.Count == 0)
        {
            return Done(id, 1, "Cet appel n’a pas encore de juré : ajoutez-en depuis la page de l’appel.");
        }
        if (PerApplication < 1 || PerApplication > Jurors.Count)
        {
            ModelState.AddModelError(nameof(PerApplication), "Choisissez un nombre de jurés par candidature entre 1 et le nombre de jurés de l’appel.");
            return Page();
        }
        var open = await OpenApplicationIdsAsync(id, null, cancellationToken);
        var existing = await db.JurorAssignments.AsNoTracking().Where(a => a.Application!.CallId == id)
            .Select(a => new JuryDistribution.Existing(a.ApplicationId, a.JurorUserId, a.ConflictDeclaredAt != null))
            .ToListAsync(cancellationToken);
        var added = JuryDistribution.Evenly([.. open.Order()], [.. Jurors.Select(j => j.UserId)], existing, PerApplication);
        var message = await SaveAsync(id, added, cancellationToken)
            ?? (added.Count == 0 ? "Chaque candidature a déjà ce nombre de jurés : rien n’a changé." : "Candidatures réparties entre les jurés.");
        return Done(id, 1, message);
    }

    /// <summary>The call's applications that may get jurors (eligible or under evaluation), among <paramref name="among"/> when given.</summary>
    private async Task<HashSet<int>> OpenApplicationIdsAsync(int callId, List<int>? among, CancellationToken cancellationToken)
    {
        var query = db.CallApplications.Where(a => a.CallId == callId
            && (a.Status == ApplicationStatus.Eligible || a.Status == ApplicationStatus.UnderEvaluation));
        if (among is not null)
        {
            query = query.Where(a => among.Contains(a.Id));
        }
        return [.. await query.Select(a => a.Id).ToListAsync(cancellationToken)];
    }

    /// <summary>Adds the assignments and moves the eligible applications that now have a juror under evaluation; the refusal, or null.</summary>
    private async Task<string?> SaveAsync(int callId, IReadOnlyCollection<(int ApplicationId, string JurorId)> added, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        db.JurorAssignments.AddRange(added.Select(p => new JurorAssignment { ApplicationId = p.ApplicationId, JurorUserId = p.JurorId, AssignedAt = now }));
        var starting = added.Select(p => p.ApplicationId).Distinct().ToList();
        var call = await db.Calls.AsNoTracking().FirstAsync(c => c.Id == callId, cancellationToken);
        var eligible = await db.CallApplications.Where(a => a.CallId == callId && a.Status == ApplicationStatus.Eligible && starting.Contains(a.Id))
            .Include(a => a.Members).AsSplitQuery().ToListAsync(cancellationToken);
        foreach (var application in eligible)
        {
            if (ApplicationWorkflow.Refusal(application, call, ApplicationAction.StartEvaluation, now) is null)
            {
                ApplicationWorkflow.Apply(application, ApplicationAction.StartEvaluation, now);
                emails.QueueStatusChange(application, call.Title, call.ClosesAt, application.Members);
            }
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            rankings.Changed(callId);
            return null;
        }
        catch (DbUpdateException)
        {
            // A double submit, or two people assigning at once: the unique index or an application's version said no.
            db.ChangeTracker.Clear();
            return "Le jury a changé pendant l’enregistrement (une autre attribution vient d’être faite) : vérifiez les attributions ci-dessous et recommencez si besoin.";
        }
    }

    private RedirectResult Done(int id, int page, string message)
    {
        TempData["StatusMessage"] = message;
        return Redirect($"/admin/appels/{id.ToString(CultureInfo.InvariantCulture)}/jury" + (page > 1 ? "?page=" + page.ToString(CultureInfo.InvariantCulture) : ""));
    }

    private async Task<bool> LoadAsync(int id, int page, CancellationToken cancellationToken)
    {
        var call = await db.Calls.AsNoTracking().Where(c => c.Id == id).Select(c => new CallView(c.Id, c.Title, c.ResultsPublishedAt))
            .FirstOrDefaultAsync(cancellationToken);
        if (call is null)
        {
            return false;
        }
        Call = call;
        var completion = await db.JurorAssignments.AsNoTracking().Where(a => a.Application!.CallId == id)
            .GroupBy(a => a.JurorUserId)
            .Select(g => new
            {
                g.Key,
                Assigned = g.Count(),
                Submitted = g.Count(a => a.SubmittedAt != null && a.ConflictDeclaredAt == null),
                Recused = g.Count(a => a.ConflictDeclaredAt != null),
            })
            .ToListAsync(cancellationToken);
        var jurors = await db.CallJurors.AsNoTracking().Where(j => j.CallId == id)
            .Join(db.Users, j => j.UserId, u => u.Id, (j, u) => new { j.UserId, Name = u.DisplayName ?? u.Email ?? "" })
            .ToListAsync(cancellationToken);
        Jurors = [.. jurors
            .Select(j => completion.Find(c => c.Key == j.UserId) is { } c
                ? new JurorRow(j.UserId, j.Name, c.Assigned, c.Submitted, c.Recused)
                : new JurorRow(j.UserId, j.Name, 0, 0, 0))
            .OrderBy(j => j.Name, StringComparer.CurrentCulture)];

        var open = db.CallApplications.AsNoTracking().Where(a => a.CallId == id
            && (a.Status == ApplicationStatus.Eligible || a.Status == ApplicationStatus.UnderEvaluation));
        ApplicationCount = await open.CountAsync(cancellationToken);
        PageNumber = Math.Clamp(page, 1, PageCount);
        var applications = await open.OrderBy(a => a.ProjectTitle).ThenBy(a => a.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(a => new { a.Id, a.ProjectTitle, a.Status }).ToListAsync(cancellationToken);
        var ids = applications.Select(a => a.Id).ToList();
        var cells = await db.JurorAssignments.AsNoTracking().Where(a => ids.Contains(a.ApplicationId))
            .Select(a => new
            {
                a.ApplicationId, a.JurorUserId, Recused = a.ConflictDeclaredAt != null, Submitted = a.SubmittedAt != null,
                Started = a.Comment != null || a.Scores.Any(),
            })
            .ToListAsync(cancellationToken);
        Applications = [.. applications.Select(a => new ApplicationRow(a.Id, a.ProjectTitle, a.Status,
            cells.Where(c => c.ApplicationId == a.Id).ToDictionary(c => c.JurorUserId, c => new Cell(true, c.Recused, c.Submitted, c.Started), StringComparer.Ordinal)))];
        return true;
    }
}
