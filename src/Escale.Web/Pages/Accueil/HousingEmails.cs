using Escale.Core.Welcome.Housing;
using Escale.Web.Infrastructure.Email;

namespace Escale.Web.Pages.Accueil;

/// <summary>
/// The e-mails of a temporary housing request: the household is told when it asks and when the provider or its referent
/// answers; the provider's members are told of a new request. One link each, to the reader's own space.
/// </summary>
public static class HousingEmails
{
    public static EmailMessage Requested(string to, string? name, string offerTitle, DateOnly arrival, DateOnly departure, string spaceLink) =>
        CaseEmails.Compose(to, name, "Votre demande de logement temporaire est envoyée",
            $"Vous avez demandé « {offerTitle} » {HousingLabels.Dates(arrival, departure)}. Ces dates vous sont réservées le temps que l’hébergeur ou votre référent réponde ; vous recevrez sa réponse par courriel.",
            spaceLink, "Voir mes demandes");

    public static EmailMessage ToProvider(string to, string? name, string offerTitle, DateOnly arrival, DateOnly departure, int persons, string partnerLink) =>
        CaseEmails.Compose(to, name, "Une demande de logement temporaire",
            $"Un ménage qui prépare son installation demande « {offerTitle} » {HousingLabels.Dates(arrival, departure)} pour {persons} personne{(persons > 1 ? "s" : "")}. Acceptez ou refusez la demande depuis votre espace partenaire.",
            partnerLink, "Répondre à la demande");

    public static EmailMessage Decided(string to, string? name, HousingBooking booking, string offerTitle, string spaceLink)
    {
        var accepted = booking.Status == HousingBookingStatus.Accepted;
        var body = accepted
            ? $"Bonne nouvelle : votre séjour à « {offerTitle} » {HousingLabels.Dates(booking.ArrivalOn, booking.DepartureOn)} est accepté par {booking.DecidedBy}. Vous pouvez l’ajouter à votre agenda depuis votre espace."
            : $"Votre demande pour « {offerTitle} » {HousingLabels.Dates(booking.ArrivalOn, booking.DepartureOn)} n’a pas pu être acceptée par {booking.DecidedBy}."
              + (booking.DeclineReason is { } reason ? $"\n\nMotif : {reason}" : "") + "\n\nD’autres logements vous attendent peut-être dans votre espace.";
        return CaseEmails.Compose(to, name, accepted ? "Votre logement temporaire est réservé" : "Votre demande de logement temporaire n’est pas acceptée",
            body, spaceLink, "Voir mes logements");
    }
}
