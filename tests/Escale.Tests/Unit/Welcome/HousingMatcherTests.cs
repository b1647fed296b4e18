using Escale.Core.Welcome.Matching;

namespace Escale.Tests.Unit.Welcome;

public sealed class HousingMatcherTests
{
    private static readonly DateOnly Arrival = new(2027, 3, 1);
    private static readonly TargetPlace Figeac = new("Figeac", 44.60526, 2.02543);

    private static HousingCandidate Offer(int id, double latitude = 44.60526, double longitude = 2.02543, int capacity = 4, int monthly = 700,
        NightRange? available = null, params NightRange[] held) =>
        new(id, latitude, longitude, capacity, monthly, [available ?? new NightRange(new(2027, 2, 1), new(2027, 6, 1))], held);

    private static HouseholdProfile Household(int persons = 4, int? budget = 900, bool temporary = true, DateOnly? arrival = null) => new()
    {
        Places = [Figeac], ArrivalOn = arrival ?? Arrival, Persons = persons, HousingBudget = budget, WantsTemporaryHousing = temporary,
    };

    [Fact]
    public void Match_FreeAtArrival_InTheCommune_ForTheWholeHousehold_WithPlainReasons()
    {
        var group = HousingMatcher.Match([Offer(1)], Household());
        var match = Assert.Single(group.Matches);

        Assert.Equal(HouseholdMatchKind.Housing, group.Kind);
        Assert.Null(match.AdultIndex);
        Assert.Equal(100, match.Score);
        Assert.Equal(["libre à votre date d’arrivée", "à Figeac", "assez grand pour votre foyer", "dans votre budget logement", "vous cherchez un logement temporaire"],
            match.Reasons);
    }

    [Fact]
    public void Match_LeavesOutWhatIsNotFreeAtArrival_TooSmall_OrTooFar()
    {
        var heldAtArrival = Offer(1, held: new NightRange(new(2027, 2, 25), new(2027, 3, 5)));
        var notYetOpen = Offer(2, available: new NightRange(new(2027, 3, 2), new(2027, 6, 1)));
        var tooSmall = Offer(3, capacity: 3);
        var cahors = Offer(4, latitude: 44.45072, longitude: 1.44062);
        var freeAgainFromArrival = Offer(5, held: new NightRange(new(2027, 2, 20), Arrival));

        var ids = HousingMatcher.Match([heldAtArrival, notYetOpen, tooSmall, cahors, freeAgainFromArrival], Household()).Matches.Select(m => m.ItemId);

        Assert.Equal([5], ids);
    }

    [Fact]
    public void Match_NamesTheDistance_AndRanksNearerAndWithinBudgetFirst()
    {
        var capdenac = Offer(1, latitude: 44.58445, longitude: 2.06733);
        var overBudget = Offer(2, monthly: 1200);
        var matches = HousingMatcher.Match([overBudget, capdenac, Offer(3)], Household()).Matches;

        Assert.Equal([3, 1, 2], matches.Select(m => m.ItemId));
        Assert.Contains("à 4 km de Figeac", matches[1].Reasons);
        Assert.DoesNotContain("dans votre budget logement", matches[2].Reasons);
    }

    [Fact]
    public void Match_WithoutArrivalDate_ProposesNothing() =>
        Assert.Empty(HousingMatcher.Match([Offer(1)], Household() with { ArrivalOn = null }).Matches);
}
