using Escale.Core.Data;
using Escale.Core.Opportunities;
using Escale.Web.Infrastructure.Email;
using Escale.Web.Infrastructure.Jobs;
using Escale.Web.Infrastructure.Links;
using Escale.Web.Pages.Admin.Moderation;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.EspacePartenaire;

/// <summary>
/// Daily: marks published offers whose expiry date has passed as expired, then reminds the partner who submitted
/// each published offer typed in by hand that it expires within <see cref="ManualOffer.ReminderDays"/> days — once
/// per expiry date (a renewal clears the mark). Imported offers are not reminded: their source decides.
/// </summary>
public sealed class ExpiryReminderJob(EscaleDbContext db, IEmailSender sender, SiteLinks links, TimeProvider clock, ILogger<ExpiryReminderJob> logger)
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

        var horizon = today.AddDays(ManualOffer.ReminderDays);
        var due = await db.Opportunities
            .Where(o => o.Status == OpportunityStatus.Published && o.Source == OpportunitySource.Manual && o.ExpiryReminderSentAt == null
                && o.ExpiresOn >= today && o.ExpiresOn <= horizon && o.SubmittedByUserId != null)
            .Join(db.Users, o => o.SubmittedByUserId, u => u.Id, (o, u) => new { Offer = o, u.Email, u.DisplayName })
            .ToListAsync(cancellationToken);
        var link = links.PartnerSpace();
        foreach (var item in due.Where(d => d.Email is not null))
        {
            await PartnerSpace.TrySendAsync(sender, ModerationEmails.ExpiresSoon(item.Email!, item.DisplayName, item.Offer.Title, item.Offer.ExpiresOn!.Value, link), logger, cancellationToken);
            item.Offer.ExpiryReminderSentAt = now;
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
