using Escale.Core.Data;
using Escale.Core.Opportunities;
using Escale.Core.Territories;

namespace Escale.Core.Welcome.Housing;

/// <summary>What kind of place a provider lets for a few weeks or months while a household settles.</summary>
public enum HousingKind
{
    FurnishedRental,
    /// <summary>A holiday gîte let out of season.</summary>
    OffSeasonGite,
    /// <summary>A "logement passerelle": a commune's or a landlord's flat kept for newcomers between two homes.</summary>
    BridgeHousing,
    Coliving,
}

/// <summary>What the price is for.</summary>
public enum PricePeriod
{
    Night,
    Week,
    Month,
}

/// <summary>
/// A temporary housing offer, published by a partner organisation (the provider) in its partner space. Households with
/// a welcome case request dates inside its availability periods; see <see cref="HousingBooking"/>.
/// </summary>
public sealed class HousingOffer : IHasUpdatedAt
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public HousingKind Kind { get; set; }
    public required string Title { get; set; }
    public required string Description { get; set; }
    public int CommuneId { get; set; }
    public Commune? Commune { get; set; }
    public required string Address { get; set; }
    /// <summary>How many persons it sleeps.</summary>
    public int Capacity { get; set; }
    /// <summary>Euros, all charges included, for one <see cref="PricePeriod"/>.</summary>
    public int Price { get; set; }
    public PricePeriod PricePeriod { get; set; }
    public string? Rules { get; set; }
    public int MinNights { get; set; } = 1;
    public int? MaxNights { get; set; }
    /// <summary>Withdrawn offers stay for the bookings already made, but take no new request.</summary>
    public bool Withdrawn { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public List<HousingAvailability> Availabilities { get; set; } = [];

    /// <summary>The price for a month, to compare with a household's monthly housing budget.</summary>
    public static int MonthlyPrice(int price, PricePeriod period) => period switch
    {
        PricePeriod.Night => price * 30,
        PricePeriod.Week => (int)Math.Round(price * 52 / 12.0, MidpointRounding.AwayFromZero),
        _ => price,
    };
}

/// <summary>A period the provider lets the place: nights from <see cref="StartOn"/> to the departure day <see cref="EndOn"/>.</summary>
public sealed class HousingAvailability : IPartOf<HousingOffer>
{
    public int Id { get; set; }
    public int OfferId { get; set; }
    public DateOnly StartOn { get; set; }
    /// <summary>The last possible departure day (its night is not included).</summary>
    public DateOnly EndOn { get; set; }
}

public enum HousingBookingStatus
{
    /// <summary>Asked by the household; holds its dates until answered, so a second overlapping request is refused at once.</summary>
    Requested,
    Accepted,
    Declined,
    /// <summary>Withdrawn by the household.</summary>
    Cancelled,
}

/// <summary>
/// A household's request for dates in an offer, then the booking once the provider or the case's referent accepts it.
/// Requested and accepted bookings hold their nights: the database refuses a second one on the same nights of the same
/// offer (an exclusion constraint on PostgreSQL, triggers on SQLite; see the TemporaryHousing migrations).
/// </summary>
public sealed class HousingBooking : IPartOf<WelcomeCase>
{
    /// <summary>The name of the database rule that keeps two held bookings off the same nights, as its violation reports it.</summary>
    public const string NoOverlapConstraint = "HousingBookings_NoOverlap";

    public int Id { get; set; }
    public int OfferId { get; set; }
    public HousingOffer? Offer { get; set; }
    public int CaseId { get; set; }
    /// <summary>The form's one-time key: a double-submitted request finds the first instead of making a second.</summary>
    public Guid SubmissionKey { get; set; }
    public DateOnly ArrivalOn { get; set; }
    public DateOnly DepartureOn { get; set; }
    public int Persons { get; set; }
    public string? Message { get; set; }
    public HousingBookingStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    /// <summary>Who accepted or declined, as shown to the household ("Gîtes du Célé", a referent's name).</summary>
    public string? DecidedBy { get; set; }
    public string? DeclineReason { get; set; }

    public int Nights => DepartureOn.DayNumber - ArrivalOn.DayNumber;

    public bool HoldsDates => Status is HousingBookingStatus.Requested or HousingBookingStatus.Accepted;

    public string? Accept(string decidedBy, DateTimeOffset now)
    {
        if (Status != HousingBookingStatus.Requested)
        {
            return "Seule une demande en attente peut être acceptée.";
        }
        Status = HousingBookingStatus.Accepted;
        DecidedAt = now;
        DecidedBy = decidedBy;
        return null;
    }

    public string? Decline(string? reason, string decidedBy, DateTimeOffset now)
    {
        if (Status != HousingBookingStatus.Requested)
        {
            return "Seule une demande en attente peut être refusée.";
        }
        Status = HousingBookingStatus.Declined;
        DecidedAt = now;
        DecidedBy = decidedBy;
        DeclineReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        return null;
    }

    /// <summary>The household withdraws its request or its booking, before the arrival day; the nights are free again.</summary>
    public string? Cancel(DateOnly today, DateTimeOffset now)
    {
        if (!HoldsDates)
        {
            return "Cette demande n’est plus en cours.";
        }
        if (Status == HousingBookingStatus.Accepted && ArrivalOn <= today)
        {
            return "Le séjour a commencé : voyez directement avec l’hébergeur.";
        }
        Status = HousingBookingStatus.Cancelled;
        DecidedAt = now;
        return null;
    }
}
