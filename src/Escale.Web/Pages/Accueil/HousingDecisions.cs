using Escale.Core.Data;
using Escale.Core.Welcome;
using Escale.Core.Welcome.Housing;
using Escale.Web.Infrastructure.Email;
using Escale.Web.Infrastructure.Links;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Accueil;

/// <summary>
/// The provider (from its partner space) or the case's referent (from the case file) accepts or declines a housing
/// request: the booking changes, the case's timeline says so, and the household is told by e-mail, in one save.
/// The caller has checked that the person may act on the booking.
/// </summary>
public sealed class HousingDecisions(EscaleDbContext db, IEmailOutbox outbox, SiteLinks links, TimeProvider clock)
{
    /// <summary>Null when done, or a French reason.</summary>
    public async Task<string?> DecideAsync(HousingBooking booking, bool accept, string? reason, CaseActor actor, string decidedBy, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var refusal = accept ? booking.Accept(decidedBy, now) : booking.Decline(reason, decidedBy, now);
        if (refusal is not null)
        {
            return refusal;
        }
        var welcomeCase = await db.Cases.SingleAsync(c => c.Id == booking.CaseId, cancellationToken);
        var title = await db.HousingOffers.Where(o => o.Id == booking.OfferId).Select(o => o.Title).SingleAsync(cancellationToken);
        welcomeCase.Record(accept ? CaseEventKind.HousingAccepted : CaseEventKind.HousingDeclined, actor, now,
            $"{title} {HousingLabels.Dates(booking.ArrivalOn, booking.DepartureOn)}");
        var email = welcomeCase.HouseholdUserId is null ? null
            : await db.Users.Where(u => u.Id == welcomeCase.HouseholdUserId).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken);
        if (email is not null)
        {
            outbox.Enqueue(HousingEmails.Decided(email, welcomeCase.HouseholdName, booking, title, links.Absolute("/mon-espace/logements")));
        }
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>Whether a failed save broke the rule that keeps two held bookings off the same nights (either database's wording).</summary>
    public static bool IsOverlap(DbUpdateException exception) =>
        exception.InnerException?.Message.Contains(HousingBooking.NoOverlapConstraint, StringComparison.Ordinal) == true;
}
