using Escale.Core.Data;
using Escale.Core.Email;
using Escale.Web.Infrastructure.Email;
using Escale.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Admin.Courriels;

/// <summary>
/// The e-mail outbox seen by administrators: what failed (with « Renvoyer »), what waits, and what left lately.
/// Administrators may see recipients here; the logs never name them.
/// </summary>
public sealed class IndexModel(EscaleDbContext db, OutboxSignal signal, TimeProvider clock) : PageModel
{
    public const int RecentlySentShown = 50;

    public sealed record Row(long Id, string To, string Subject, DateTimeOffset CreatedAt, int Attempts, string? LastError,
        DateTimeOffset? LastAttemptAt, DateTimeOffset NextAttemptAt, DateTimeOffset? SentAt);

    public IReadOnlyList<Row> Failed { get; private set; } = [];

    public IReadOnlyList<Row> Pending { get; private set; } = [];

    public IReadOnlyList<Row> RecentlySent { get; private set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Failed = await RowsAsync(OutboxEmailStatus.Failed, cancellationToken);
        Pending = await RowsAsync(OutboxEmailStatus.Pending, cancellationToken);
        RecentlySent = await db.OutboxEmails.Where(e => e.Status == OutboxEmailStatus.Sent)
            .OrderByDescending(e => e.SentAt).Take(RecentlySentShown).Select(ToRow).ToListAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostRenvoyerAsync(long id, CancellationToken cancellationToken)
    {
        var email = await db.OutboxEmails.SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (email is null)
        {
            return NotFound();
        }
        if (email.Requeue(clock.GetUtcNow()))
        {
            await db.SaveChangesAsync(cancellationToken);
            signal.Nudge();
            StatusMessage = $"Le courriel « {email.Subject} » est de nouveau en file d’attente : il part maintenant.";
        }
        else
        {
            StatusMessage = $"Le courriel « {email.Subject} » n’est pas en échec : rien à renvoyer.";
        }
        return RedirectToPage();
    }

    private Task<List<Row>> RowsAsync(OutboxEmailStatus status, CancellationToken cancellationToken) =>
        db.OutboxEmails.Where(e => e.Status == status).OrderBy(e => e.CreatedAt).ThenBy(e => e.Id).Select(ToRow).ToListAsync(cancellationToken);

    private static readonly System.Linq.Expressions.Expression<Func<OutboxEmail, Row>> ToRow = e =>
        new Row(e.Id, e.To, e.Subject, e.CreatedAt, e.Attempts, e.LastError, e.LastAttemptAt, e.NextAttemptAt, e.SentAt);
}
