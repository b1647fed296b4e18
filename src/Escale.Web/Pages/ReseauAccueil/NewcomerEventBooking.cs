using System.Globalization;
using Escale.Core.Data;
using Escale.Core.Identity;
using Escale.Core.WelcomeNetworks;
using Escale.Web.Infrastructure.Links;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.ReseauAccueil;

public sealed record RegistrationOutcome(NewcomerEventRegistration? Registration, string? Error);

/// <summary>
/// Registrations to a newcomer event, the seats and the waiting list. Each change first bumps the event's
/// <see cref="NewcomerEvent.Version"/> inside its transaction: that update locks the event's row on PostgreSQL and takes
/// SQLite's write lock, so two registrations for the last seat run one after the other and the second sees the first.
/// A cancellation promotes the first waiting registrations that fit in the same transaction, and tells them by e-mail.
/// </summary>
public sealed class NewcomerEventBooking(EscaleDbContext db, NetworkEmails emails, SiteLinks links, TimeProvider clock)
{
    public static string EventPath(int id) => "/reseau-accueil/evenements/" + id.ToString(CultureInfo.InvariantCulture);

    public async Task<RegistrationOutcome> RegisterAsync(int eventId, ApplicationUser user, int persons, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await LockAsync(eventId, now, cancellationToken))
        {
            return new RegistrationOutcome(null, "Les inscriptions à cet événement sont closes.");
        }
        var welcomeEvent = await db.NewcomerEvents.FirstAsync(e => e.Id == eventId, cancellationToken);
        if (persons > welcomeEvent.Capacity)
        {
            return new RegistrationOutcome(null, string.Format(CultureInfo.GetCultureInfo("fr-FR"),
                "L’événement accueille {0} personnes au plus : indiquez un nombre de personnes plus petit.", welcomeEvent.Capacity));
        }
        var registrations = await db.NewcomerEventRegistrations.Where(r => r.EventId == eventId).ToListAsync(cancellationToken);
        if (registrations.Find(r => r.UserId == user.Id) is { } existing)
        {
            // A double submit, or a second tab: the first registration stands.
            return new RegistrationOutcome(existing, null);
        }
        var status = WaitingList.StatusFor(welcomeEvent.Capacity,
            registrations.Where(r => r.Status == RegistrationStatus.Confirmed).Sum(r => r.Persons),
            registrations.Any(r => r.Status == RegistrationStatus.Waiting), persons);
        var registration = new NewcomerEventRegistration
        {
            EventId = eventId,
            UserId = user.Id,
            Name = string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email! : user.DisplayName,
            Email = user.Email!,
            Persons = persons,
            Status = status,
            CreatedAt = now,
        };
        db.NewcomerEventRegistrations.Add(registration);
        emails.Registered(registration, welcomeEvent, links.Absolute(EventPath(eventId)));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new RegistrationOutcome(registration, null);
    }

    /// <summary>Cancels the person's registration, if any, and moves the waiting list up; says whether there was one.</summary>
    public async Task<bool> CancelAsync(int eventId, string userId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await LockAsync(eventId, null, cancellationToken))
        {
            return false;
        }
        var registration = await db.NewcomerEventRegistrations.FirstOrDefaultAsync(r => r.EventId == eventId && r.UserId == userId, cancellationToken);
        if (registration is null)
        {
            return false;
        }
        db.NewcomerEventRegistrations.Remove(registration);
        await db.SaveChangesAsync(cancellationToken);
        await PromoteLockedAsync(eventId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>After the organiser raised the capacity: the waiting list moves up into the new seats.</summary>
    public async Task PromoteAsync(int eventId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await LockAsync(eventId, null, cancellationToken))
        {
            await PromoteLockedAsync(eventId, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }

    private async Task PromoteLockedAsync(int eventId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var welcomeEvent = await db.NewcomerEvents.FirstAsync(e => e.Id == eventId, cancellationToken);
        if (welcomeEvent.StartsAt <= now)
        {
            return;
        }
        var registrations = await db.NewcomerEventRegistrations.Where(r => r.EventId == eventId).ToListAsync(cancellationToken);
        var promoted = WaitingList.Promoted(welcomeEvent.Capacity,
            registrations.Where(r => r.Status == RegistrationStatus.Confirmed).Sum(r => r.Persons),
            registrations.Where(r => r.Status == RegistrationStatus.Waiting).OrderBy(r => r.CreatedAt).ThenBy(r => r.Id),
            r => r.Persons);
        foreach (var registration in promoted)
        {
            registration.Status = RegistrationStatus.Confirmed;
            registration.PromotedAt = now;
            emails.Promoted(registration, welcomeEvent, links.Absolute(EventPath(eventId)));
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Bumps the event's version (see the class); false when there is no such event, or it has begun (<paramref name="openAfter"/>).</summary>
    private async Task<bool> LockAsync(int eventId, DateTimeOffset? openAfter, CancellationToken cancellationToken) =>
        await db.NewcomerEvents.Where(e => e.Id == eventId && (openAfter == null || e.StartsAt > openAfter))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Version, e => e.Version + 1), cancellationToken) == 1;
}
