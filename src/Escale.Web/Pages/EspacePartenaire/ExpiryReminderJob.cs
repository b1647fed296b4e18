using Escale.Core.Data;
using Escale.Core.Opportunities;
using Escale.Web.Infrastructure.Email;
using Escale.Web.Infrastructure.Jobs;
using Escale.Web.Infrastructure.Links;
using Escale.Web.Pages.Admin.Moderation;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.EspacePartenaire;

/// <summary>
/// Daily: marks published opportunities whose expiry date has passed as expired, then reminds the partner who submitted
/// each published opportunity typed in by hand that it expires within <see cref="ManualOpportunity.ReminderDays"/> days — once
/// per expiry date (a renewal clears the mark). Imported opportunities are not reminded: their source decides.
/// </summary>
public sealed class ExpiryReminderJob(EscaleDbContext db, IEmailOutbox outbox, SiteLinks links, TimeProvider clock)
    : IScheduledJob
{
    public const string Name = "offer-expiry";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var expired = await db.Opportunities.Where(o => o.Status == OpportunityStatus.Published && o.ExpiresOn < today).ToListAsync(cancellationToken);
        expired.ForEach(o => o.Expire(today));
        await db.SaveChangesAsync(cancellationToken);

        var horizon = today.AddDays(ManualOpportunity.ReminderDays);
        var due = await db.Opportunities
            .Where(o => o.Status == OpportunityStatus.Published && o.Source == OpportunitySource.Manual && o.ExpiryReminderSentAt == null
                && o.ExpiresOn >= today && o.ExpiresOn <= horizon && o.SubmittedByUserId != null)
            .Join(db.Users, o => o.SubmittedByUserId, u => u.Id, (o, u) => new { Opportunity = o, u.Email, u.DisplayName })
            .ToListAsync(cancellationToken);
        var link = links.PartnerSpace();
        foreach (var item in due.Where(d => d.Email is not null))
        {
            // The reminder and its mark are saved together: one reminder per expiry date, even across an SMTP outage.
            outbox.Enqueue(ModerationEmails.ExpiresSoon(item.Email!, item.DisplayName, item.Opportunity.Title, item.Opportunity.ExpiresOn!.Value, link));
            item.Opportunity.ExpiryReminderSentAt = now;
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
