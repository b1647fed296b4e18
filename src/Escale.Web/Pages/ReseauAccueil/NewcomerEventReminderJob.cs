using Escale.Core.Data;
using Escale.Core.WelcomeNetworks;
using Escale.Web.Infrastructure.Jobs;
using Escale.Web.Infrastructure.Links;
using Escale.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.ReseauAccueil;

/// <summary>
/// Hourly: reminds each confirmed registrant of a newcomer event held tomorrow (Paris date) — once per registration,
/// the mark saved with the e-mail. A registration confirmed on the eve itself is reminded at the next run.
/// </summary>
public sealed class NewcomerEventReminderJob(EscaleDbContext db, NetworkEmails emails, SiteLinks links, TimeProvider clock) : IScheduledJob
{
    public const string Name = "newcomer-event-reminder";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var tomorrow = DateOnly.FromDateTime(ParisTime.ToLocal(now)).AddDays(1);
        var horizon = now.AddDays(2);
        var due = await db.NewcomerEventRegistrations.Include(r => r.Event)
            .Where(r => r.Status == RegistrationStatus.Confirmed && r.ReminderSentAt == null && r.Event!.StartsAt > now && r.Event.StartsAt < horizon)
            .OrderBy(r => r.Id)
            .ToListAsync(cancellationToken);
        foreach (var registration in due.Where(r => DateOnly.FromDateTime(ParisTime.ToLocal(r.Event!.StartsAt)) <= tomorrow))
        {
            emails.Reminder(registration, registration.Event!, links.Absolute(NewcomerEventBooking.EventPath(registration.EventId)));
            registration.ReminderSentAt = now;
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
