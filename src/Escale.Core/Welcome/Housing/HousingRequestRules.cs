using System.Globalization;

namespace Escale.Core.Welcome.Housing;

public enum HousingRequestField
{
    Arrival,
    Departure,
    Persons,
}

/// <summary>A refusal of a housing request, with the field it belongs beside.</summary>
public sealed record HousingRequestError(HousingRequestField Field, string Message);

/// <summary>
/// What a housing request must respect before it reaches the database: a departure after the arrival, an arrival from
/// today on (Paris time, given by the caller), no more persons than the place sleeps, a stay within the offer's minimum
/// and maximum, and nights inside one availability period. That the nights are still free is the database's answer.
/// </summary>
public static class HousingRequestRules
{
    public const string DatesTaken = "Ces dates ne sont plus libres : une autre demande les occupe déjà. Choisissez d’autres dates.";

    public static IReadOnlyList<HousingRequestError> Check(HousingOffer offer, DateOnly arrival, DateOnly departure, int persons, DateOnly today)
    {
        var errors = new List<HousingRequestError>();
        if (offer.Withdrawn)
        {
            errors.Add(new(HousingRequestField.Arrival, "Ce logement ne prend plus de demande."));
            return errors;
        }
        if (arrival < today)
        {
            errors.Add(new(HousingRequestField.Arrival, "La date d’arrivée est passée : choisissez aujourd’hui ou une date à venir."));
        }
        if (departure <= arrival)
        {
            errors.Add(new(HousingRequestField.Departure, "La date de départ doit suivre la date d’arrivée."));
        }
        if (persons < 1)
        {
            errors.Add(new(HousingRequestField.Persons, "Indiquez au moins une personne."));
        }
        else if (persons > offer.Capacity)
        {
            errors.Add(new(HousingRequestField.Persons, offer.Capacity == 1
                ? "Ce logement accueille une personne au plus."
                : string.Create(CultureInfo.InvariantCulture, $"Ce logement accueille {offer.Capacity} personnes au plus.")));
        }
        if (errors.Count > 0)
        {
            return errors;
        }
        var nights = departure.DayNumber - arrival.DayNumber;
        if (nights < offer.MinNights)
        {
            errors.Add(new(HousingRequestField.Departure, string.Create(CultureInfo.InvariantCulture, $"Le séjour dure au moins {Nights(offer.MinNights)} dans ce logement.")));
        }
        else if (offer.MaxNights is { } max && nights > max)
        {
            errors.Add(new(HousingRequestField.Departure, string.Create(CultureInfo.InvariantCulture, $"Le séjour dure au plus {Nights(max)} dans ce logement.")));
        }
        else if (!offer.Availabilities.Any(a => a.StartOn <= arrival && departure <= a.EndOn))
        {
            errors.Add(new(HousingRequestField.Arrival, "Ces dates sortent des périodes où le logement est disponible : choisissez-les dans le calendrier."));
        }
        return errors;
    }

    private static string Nights(int n) => n == 1 ? "1 nuit" : string.Create(CultureInfo.InvariantCulture, $"{n} nuits");
}
