using System.Globalization;
using Escale.Core.Calls;
using Escale.Core.Data;
using Escale.Web.Infrastructure.Links;
using Escale.Web.Pages.Candidatures;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Admin.Appels.Jury;

/// <summary>
/// The deliberation: every application under evaluation ranked (the whole ranking computed at every request, shown a page
/// of <see cref="PageSize"/> at a time), with the normalisation told in words, and publishing the results — once, for the
/// whole call, in one transaction: each decided application gets its status, the call its publication date, every member
/// of every team an e-mail.
/// </summary>
public sealed class ClassementModel(EscaleDbContext db, JuryRankingCache rankings, ApplicationEmails emails, TimeProvider clock) : PageModel
{
    public const int PageSize = 100;

    public CallRanking Ranking { get; private set; } = null!;
    public IReadOnlyList<JuryRanking.Row> Rows { get; private set; } = [];
    public IReadOnlyDictionary<int, IReadOnlyList<CallRanking.JurorTotal>> Totals { get; private set; } = new Dictionary<int, IReadOnlyList<CallRanking.JurorTotal>>();
    public int PageNumber { get; private set; } = 1;
    public int PageCount => Math.Max(1, (Ranking.Result.Rows.Count + PageSize - 1) / PageSize);
    public int Undecided { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int page = 1, CancellationToken cancellationToken = default)
    {
        var ranking = await rankings.GetAsync(db, id, cancellationToken);
        if (ranking is null)
        {
            return NotFound();
        }
        Ranking = ranking;
        PageNumber = Math.Clamp(page, 1, PageCount);
        Rows = [.. ranking.Result.Rows.Skip((PageNumber - 1) * PageSize).Take(PageSize)];
        Totals = ranking.TotalsFor(Rows.Select(r => r.ApplicationId));
        Undecided = ranking.Applications.Values.Count(a => a.Status == ApplicationStatus.UnderEvaluation && a.Decision is null);
        return Page();
    }

    public async Task<IActionResult> OnPostPublierAsync(int id, CancellationToken cancellationToken)
    {
        var call = await db.Calls.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (call is null)
        {
            return NotFound();
        }
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The guard first: it locks the call's row, so a second publication (a double submit) waits, then finds it done.
        var published = await db.Calls.Where(c => c.Id == id && c.ResultsPublishedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.ResultsPublishedAt, now).SetProperty(c => c.UpdatedAt, now), cancellationToken);
        if (published == 0)
        {
            return Done(id, "Les résultats de cet appel sont déjà publiés.");
        }
        // An eligible application no juror read yet is still in the running: it needs a decision too.
        var undecided = await db.CallApplications.CountAsync(a => a.CallId == id
            && (a.Status == ApplicationStatus.UnderEvaluation || a.Status == ApplicationStatus.Eligible) && a.Decision == null, cancellationToken);
        if (undecided > 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return Done(id, undecided == 1
                ? "Publication impossible : une candidature en cours d’évaluation n’a pas encore de décision."
                : $"Publication impossible : {undecided.ToString(CultureInfo.InvariantCulture)} candidatures en cours d’évaluation n’ont pas encore de décision.");
        }
        var applications = await db.CallApplications
            .Where(a => a.CallId == id && (a.Status == ApplicationStatus.UnderEvaluation || a.Status == ApplicationStatus.Eligible))
            .Include(a => a.Members).AsSplitQuery().ToListAsync(cancellationToken);
        foreach (var application in applications)
        {
            if (ApplicationWorkflow.Refusal(application, call, ApplicationAction.PublishDecision, now) is { } refusal)
            {
                await transaction.RollbackAsync(cancellationToken);
                return Done(id, refusal);
            }
            ApplicationWorkflow.Apply(application, ApplicationAction.PublishDecision, now);
            emails.QueueStatusChange(application, call.Title, call.ClosesAt, application.Members);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync(cancellationToken);
            return Done(id, "Une candidature a changé pendant la publication : rien n’a été publié, recommencez.");
        }
        await transaction.CommitAsync(cancellationToken);
        rankings.Changed(id);
        return Done(id, "Résultats publiés : chaque équipe a été prévenue par e-mail.");
    }

    private RedirectResult Done(int id, string message)
    {
        TempData["StatusMessage"] = message;
        return Redirect($"/admin/appels/{id.ToString(CultureInfo.InvariantCulture)}/jury/classement");
    }
}
