using Escale.Core.Data;
using Escale.Core.Opportunities.Search;
using Escale.Web.Infrastructure.Email;
using Escale.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Offres.Alertes;

/// <summary>
/// Once a day: each confirmed alert gets one e-mail listing the opportunities published since the last one it saw,
/// and nothing when there are none; alerts left unconfirmed for 7 days are deleted.
/// Matching goes through the in-memory <see cref="SearchIndex"/> rather than a database query so that an alert
/// finds exactly what its search page shows (same text folding, radius and ROME rules), with no second
/// implementation of the filters to keep in step.
/// </summary>
public sealed partial class AlertDigestJob(EscaleDbContext db, OpportunitySearch search, OpportunityQueryCatalogCache catalogs, AlertMail mail,
    IEmailOutbox outbox, TimeProvider clock, ILogger<AlertDigestJob> logger) : IScheduledJob
{
    public static readonly TimeSpan UnconfirmedLifetime = TimeSpan.FromDays(7);
    public const int MaxOpportunitiesPerEmail = 50;
    private const int Batch = 200;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var stale = now - UnconfirmedLifetime;
        var purged = await db.SearchAlerts.Where(a => a.ConfirmedAt == null && a.CreatedAt < stale).ExecuteDeleteAsync(cancellationToken);

        var index = await search.IndexAsync(cancellationToken);
        var catalog = await catalogs.GetAsync(cancellationToken);
        var sent = 0;
        var lastId = 0;
        while (true)
        {
            var alerts = await db.SearchAlerts.Where(a => a.ConfirmedAt != null && a.Id > lastId).OrderBy(a => a.Id).Take(Batch).ToListAsync(cancellationToken);
            if (alerts.Count == 0)
            {
                break;
            }
            lastId = alerts[^1].Id;
            foreach (var alert in alerts)
            {
                if (!OpportunityQueryString.TryParse(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(alert.QueryString), catalog, out var query, out _))
                {
                    LogUnreadableAlert(alert.Id); // e.g. a ROME code retired from the reference list
                    continue;
                }
                var fresh = index.All(query with { PostedWithinDays = null, Sort = SearchSort.Recent }, now)
                    .Where(row => row.PublishedAt > alert.LastSeenPublishedAt)
                    .ToList();
                if (fresh.Count == 0)
                {
                    continue;
                }
                outbox.Enqueue(mail.Digest(alert, fresh.Take(MaxOpportunitiesPerEmail).ToList()));
                alert.LastSentAt = now;
                alert.LastSeenPublishedAt = fresh.Max(row => row.PublishedAt);
                // Saved alert by alert, with its digest: a failure half-way must not send the first ones again tomorrow.
                await db.SaveChangesAsync(cancellationToken);
                sent++;
            }
        }
        LogRun(sent, purged);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert {AlertId}: its saved search no longer reads; skipped")]
    private partial void LogUnreadableAlert(int alertId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert digests: {Sent} e-mails queued, {Purged} unconfirmed alerts deleted")]
    private partial void LogRun(int sent, int purged);
}
