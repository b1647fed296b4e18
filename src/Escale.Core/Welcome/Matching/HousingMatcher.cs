using Escale.Core.Territories;

namespace Escale.Core.Welcome.Matching;

/// <summary>A night range [<paramref name="Start"/>, <paramref name="End"/>): the first night, and the departure day.</summary>
public readonly record struct NightRange(DateOnly Start, DateOnly End)
{
    public bool Contains(DateOnly night) => Start <= night && night < End;
}

/// <summary>
/// A temporary housing offer as the matching reads it: where it is, whom it sleeps, its price for a month, the periods
/// it is let and the nights already held by a request or a booking.
/// </summary>
public sealed record HousingCandidate(int Id, double Latitude, double Longitude, int Capacity, int MonthlyPrice,
    IReadOnlyList<NightRange> Available, IReadOnlyList<NightRange> Held);

/// <summary>
/// Proposes to a household that knows its arrival date the temporary housing free on that night, for the whole household.
/// An offer not free at the arrival, too small for the household, or beyond its maximum distance is left out. Score:
/// free at the arrival 30; place 20 within <see cref="HouseholdMatcher.NearKm"/> down to 5 at the maximum distance
/// (20 when the household named no place); sleeps the household 20; within the monthly housing budget 15 (7 when no
/// budget was given, 0 over it); the household asked for temporary housing 15.
/// </summary>
public static class HousingMatcher
{
    private const int FreeAtArrival = 30, PlaceMax = 20, Fits = 20, BudgetPoints = 15, AskedPoints = 15;

    public static HouseholdMatchGroup Match(IReadOnlyList<HousingCandidate> offers, HouseholdProfile household, int top = HouseholdMatcher.DefaultTop)
    {
        var matches = new List<HouseholdMatch>();
        if (household.ArrivalOn is not { } arrival)
        {
            return new HouseholdMatchGroup(HouseholdMatchKind.Housing, null, matches);
        }
        foreach (var offer in offers)
        {
            if (!offer.Available.Any(p => p.Contains(arrival)) || offer.Held.Any(p => p.Contains(arrival)) || offer.Capacity < household.Persons)
            {
                continue;
            }
            var reasons = new List<string>(5) { "libre à votre date d’arrivée" };
            var score = FreeAtArrival;
            if (household.Places.Count == 0)
            {
                score += PlaceMax;
                reasons.Add("dans le territoire");
            }
            else
            {
                var (name, distance) = household.Places
                    .Select(p => (p.Name, Distance: GeoDistance.Kilometres(p.Latitude, p.Longitude, offer.Latitude, offer.Longitude)))
                    .MinBy(p => p.Distance);
                var points = HouseholdMatcher.PlacePoints(distance, household.MaxDistanceKm);
                if (points < 0)
                {
                    continue;
                }
                score += points;
                reasons.Add(HouseholdMatcher.PlaceReason(name, distance));
            }
            score += Fits;
            reasons.Add("assez grand pour votre foyer");
            if (household.HousingBudget is not { } budget)
            {
                score += BudgetPoints / 2;
            }
            else if (offer.MonthlyPrice <= budget)
            {
                score += BudgetPoints;
                reasons.Add("dans votre budget logement");
            }
            if (household.WantsTemporaryHousing)
            {
                score += AskedPoints;
                reasons.Add("vous cherchez un logement temporaire");
            }
            matches.Add(new HouseholdMatch(HouseholdMatchKind.Housing, offer.Id, null, score, reasons));
        }
        return new HouseholdMatchGroup(HouseholdMatchKind.Housing, null,
            [.. matches.OrderByDescending(m => m.Score).ThenBy(m => m.ItemId).Take(top)]);
    }
}
