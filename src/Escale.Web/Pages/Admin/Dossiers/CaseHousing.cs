using Escale.Core.Data;
using Escale.Core.Welcome;
using Escale.Core.Welcome.Housing;
using Escale.Core.Welcome.Matching;
using Escale.Web.Pages.MonEspace;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Admin.Dossiers;

/// <summary>A case's temporary housing as its referents see it: the household's requests and bookings, and the housing free at its arrival.</summary>
public sealed record CaseHousing(int CaseId, IReadOnlyList<CaseHousing.Booking> Bookings, IReadOnlyList<HousingMatchView> Matches)
{
    public sealed record Booking(int Id, string Offer, string Provider, string Commune, DateOnly ArrivalOn, DateOnly DepartureOn, int Persons, string? Message,
        HousingBookingStatus Status, string? DecidedBy, string? DeclineReason);

    public static readonly CaseHousing None = new(0, [], []);

    public static async Task<CaseHousing> LoadAsync(EscaleDbContext db, HouseholdMatching matching, WelcomeCase welcomeCase, CancellationToken cancellationToken)
    {
        var bookings = await db.HousingBookings.AsNoTracking().Where(b => b.CaseId == welcomeCase.Id).OrderByDescending(b => b.CreatedAt)
            .Select(b => new Booking(b.Id, b.Offer!.Title, b.Offer.Organisation!.Name, b.Offer.Commune!.Name, b.ArrivalOn, b.DepartureOn, b.Persons, b.Message,
                b.Status, b.DecidedBy, b.DeclineReason))
            .ToListAsync(cancellationToken);
        if (!welcomeCase.IsOpen || welcomeCase.Project.ArrivalOn is null)
        {
            return new CaseHousing(welcomeCase.Id, bookings, []);
        }
        var found = (await matching.MatchAsync(welcomeCase.Project, cancellationToken)).For(null, HouseholdMatchKind.Housing);
        return new CaseHousing(welcomeCase.Id, bookings, await HousingMatchView.ListAsync(db, found, cancellationToken));
    }
}
