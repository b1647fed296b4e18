using Escale.Core.Welcome.Housing;

namespace Escale.Tests.Unit.Welcome;

public sealed class HousingRequestRulesTests
{
    private static readonly DateOnly Today = new(2027, 2, 10);

    private static HousingOffer Offer(int capacity = 4, int minNights = 2, int? maxNights = 60) => new()
    {
        Title = "Meublé du Célé", Description = "Deux chambres.", Address = "3 rue Gambetta", Capacity = capacity, Price = 650,
        PricePeriod = PricePeriod.Month, MinNights = minNights, MaxNights = maxNights,
        Availabilities = [new HousingAvailability { StartOn = new(2027, 3, 1), EndOn = new(2027, 5, 1) }],
    };

    private static IReadOnlyList<HousingRequestError> Check(DateOnly arrival, DateOnly departure, int persons = 4, HousingOffer? offer = null) =>
        HousingRequestRules.Check(offer ?? Offer(), arrival, departure, persons, Today);

    [Fact]
    public void Check_DatesInsideAPeriod_AreAccepted() =>
        Assert.Empty(Check(new(2027, 3, 1), new(2027, 3, 15)));

    [Fact]
    public void Check_DepartureOnTheLastDayOfThePeriod_IsAccepted() =>
        Assert.Empty(Check(new(2027, 4, 20), new(2027, 5, 1)));

    [Fact]
    public void Check_DepartureBeforeOrOnArrival_IsRefusedBesideTheDeparture()
    {
        Assert.Equal([HousingRequestField.Departure], Check(new(2027, 3, 10), new(2027, 3, 5)).Select(e => e.Field));
        Assert.Equal("La date de départ doit suivre la date d’arrivée.", Check(new(2027, 3, 10), new(2027, 3, 10)).Single().Message);
    }

    [Fact]
    public void Check_ArrivalBeforeToday_IsRefusedBesideTheArrival()
    {
        var error = Check(Today.AddDays(-1), Today.AddDays(5))[0];

        Assert.Equal(HousingRequestField.Arrival, error.Field);
        Assert.StartsWith("La date d’arrivée est passée", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_MorePersonsThanTheCapacity_IsRefusedBesideThePersons()
    {
        var error = Check(new(2027, 3, 1), new(2027, 3, 15), persons: 5).Single();

        Assert.Equal(HousingRequestField.Persons, error.Field);
        Assert.Equal("Ce logement accueille 4 personnes au plus.", error.Message);
    }

    [Fact]
    public void Check_StayShorterThanTheMinimumOrLongerThanTheMaximum_IsRefused()
    {
        Assert.Equal("Le séjour dure au moins 2 nuits dans ce logement.", Check(new(2027, 3, 1), new(2027, 3, 2)).Single().Message);
        Assert.Equal("Le séjour dure au plus 10 nuits dans ce logement.",
            Check(new(2027, 3, 1), new(2027, 3, 20), offer: Offer(maxNights: 10)).Single().Message);
    }

    [Fact]
    public void Check_NightsOutsideEveryPeriod_AreRefusedBesideTheArrival()
    {
        var error = Check(new(2027, 4, 25), new(2027, 5, 3)).Single();

        Assert.Equal(HousingRequestField.Arrival, error.Field);
        Assert.StartsWith("Ces dates sortent des périodes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cancel_FreesTheNights_AndAStartedStayCannotBeCancelled()
    {
        var now = DateTimeOffset.UtcNow;
        var requested = new HousingBooking { ArrivalOn = Today.AddDays(5), DepartureOn = Today.AddDays(9), Status = HousingBookingStatus.Requested };
        var started = new HousingBooking { ArrivalOn = Today, DepartureOn = Today.AddDays(9), Status = HousingBookingStatus.Accepted };

        Assert.Null(requested.Cancel(Today, now));
        Assert.False(requested.HoldsDates);
        Assert.NotNull(started.Cancel(Today, now));
        Assert.True(started.HoldsDates);
    }

    [Fact]
    public void Accept_OnlyAPendingRequest()
    {
        var booking = new HousingBooking { Status = HousingBookingStatus.Requested };

        Assert.Null(booking.Accept("Gîtes du Célé", DateTimeOffset.UtcNow));
        Assert.Equal("Seule une demande en attente peut être refusée.", booking.Decline(null, "Gîtes du Célé", DateTimeOffset.UtcNow));
        Assert.Equal(HousingBookingStatus.Accepted, booking.Status);
    }
}
