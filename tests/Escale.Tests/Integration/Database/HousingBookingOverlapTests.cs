using Escale.Core.Data;
using Escale.Core.Welcome.Housing;
using Escale.Tests.Infrastructure;
using Escale.Web.Pages.Accueil;
using Microsoft.EntityFrameworkCore;

namespace Escale.Tests.Integration.Database;

/// <summary>The database itself keeps two held bookings off the same nights of an offer, whatever the application checks.</summary>
[Collection(AccountsCollection.Name)]
public sealed class HousingBookingOverlapTests(MailAppFixture fixture)
{
    private static readonly DateOnly Start = HousingSteps.Today.AddDays(20);

    private static HousingBooking Booking(int offerId, int caseId, int fromDay, int toDay, HousingBookingStatus status = HousingBookingStatus.Requested) => new()
    {
        OfferId = offerId, CaseId = caseId, SubmissionKey = Guid.NewGuid(), ArrivalOn = Start.AddDays(fromDay), DepartureOn = Start.AddDays(toDay),
        Persons = 2, Status = status, CreatedAt = DateTimeOffset.UtcNow,
    };

    private static async Task<DbUpdateException?> InsertAsync(EscaleAppFactory app, HousingBooking booking) =>
        await app.WithDbAsync(async db =>
        {
            db.HousingBookings.Add(booking);
            try
            {
                await db.SaveChangesAsync();
                return null;
            }
            catch (DbUpdateException exception)
            {
                return exception;
            }
        });

    [Theory, EveryDatabase]
    public async Task OverlappingHeldBookings_AreRefusedByTheDatabase_AdjacentOrFreedOnesAreNot(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var household = await SpaceWelcomeSteps.HouseholdAsync(app);
        var (_, organisation) = await PartnerSteps.PartnerAsync(app);
        var offer = await HousingSteps.OfferAsync(app, organisation);
        var otherOffer = await HousingSteps.OfferAsync(app, organisation, "Autre meublé");

        var first = await InsertAsync(app, Booking(offer, household.CaseId, 0, 10));
        var overlapping = await InsertAsync(app, Booking(offer, household.CaseId, 9, 12, HousingBookingStatus.Accepted));
        var inside = await InsertAsync(app, Booking(offer, household.CaseId, 2, 3));
        var adjacent = await InsertAsync(app, Booking(offer, household.CaseId, 10, 15));
        var declined = Booking(offer, household.CaseId, 5, 8, HousingBookingStatus.Declined);
        var declinedSaved = await InsertAsync(app, declined);
        var elsewhere = await InsertAsync(app, Booking(otherOffer, household.CaseId, 0, 10));
        var reopened = await app.WithDbAsync(async db =>
        {
            var row = await db.HousingBookings.SingleAsync(b => b.Id == declined.Id);
            row.Status = HousingBookingStatus.Requested;
            try
            {
                await db.SaveChangesAsync();
                return null;
            }
            catch (DbUpdateException exception)
            {
                return exception;
            }
        });

        Assert.Null(first);
        Assert.True(overlapping is not null && HousingDecisions.IsOverlap(overlapping), overlapping?.InnerException?.Message);
        Assert.True(inside is not null && HousingDecisions.IsOverlap(inside));
        Assert.Null(adjacent);
        Assert.Null(declinedSaved);
        Assert.Null(elsewhere);
        Assert.True(reopened is not null && HousingDecisions.IsOverlap(reopened));
        Assert.Equal(3, await app.WithDbAsync(db => db.HousingBookings.CountAsync(b => b.CaseId == household.CaseId
            && (b.Status == HousingBookingStatus.Requested || b.Status == HousingBookingStatus.Accepted))));
    }
}
