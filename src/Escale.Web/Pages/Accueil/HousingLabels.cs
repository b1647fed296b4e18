using System.Globalization;
using Escale.Core.Welcome.Housing;

namespace Escale.Web.Pages.Accueil;

/// <summary>The one label table of temporary housing: kinds, price periods and booking statuses, in French (pages translate each).</summary>
public static class HousingLabels
{
    public static string Kind(HousingKind kind) => kind switch
    {
        HousingKind.FurnishedRental => "Location meublée",
        HousingKind.OffSeasonGite => "Gîte hors saison",
        HousingKind.BridgeHousing => "Logement passerelle",
        _ => "Colocation (coliving)",
    };

    public static string Period(PricePeriod period) => period switch
    {
        PricePeriod.Night => "par nuit",
        PricePeriod.Week => "par semaine",
        _ => "par mois",
    };

    public static string Status(HousingBookingStatus status) => status switch
    {
        HousingBookingStatus.Requested => "Demande en attente de réponse",
        HousingBookingStatus.Accepted => "Réservation acceptée",
        HousingBookingStatus.Declined => "Demande refusée",
        _ => "Annulée",
    };

    /// <summary>"du 02/03/2027 au 16/03/2027" (arrival and departure days).</summary>
    public static string Dates(DateOnly arrival, DateOnly departure) =>
        string.Create(CultureInfo.InvariantCulture, $"du {arrival:dd/MM/yyyy} au {departure:dd/MM/yyyy}");

    public static string Price(int price, PricePeriod period) =>
        string.Create(CultureInfo.GetCultureInfo("fr-FR"), $"{price:N0} € {Period(period)}");
}
