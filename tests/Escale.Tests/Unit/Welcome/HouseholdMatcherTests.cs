using Escale.Core.Opportunities;
using Escale.Core.Opportunities.Search;
using Escale.Core.Welcome;
using Escale.Core.Welcome.Matching;

namespace Escale.Tests.Unit.Welcome;

public sealed class HouseholdMatcherTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    private static readonly (string Name, double Latitude, double Longitude) Figeac = ("Figeac", 44.60526, 2.02543);
    private static readonly (string Name, double Latitude, double Longitude) Capdenac = ("Capdenac", 44.58445, 2.06733);
    private static readonly (string Name, double Latitude, double Longitude) Assier = ("Assier", 44.67217, 1.8743);
    private static readonly (string Name, double Latitude, double Longitude) Cahors = ("Cahors", 44.45072, 1.44062);

    private static SearchRow Job(int id, string rome, (string Name, double Latitude, double Longitude) place, ContractType? contract = ContractType.Cdi,
        WorkingTime? time = WorkingTime.FullTime, RemoteWork remote = RemoteWork.None, int daysAgo = 3) =>
        new(id, OpportunityKind.Job, "Offre " + id, "offre", "Employeur", 1, place.Name, 10, place.Latitude, place.Longitude,
            rome, rome[..3], rome[..1], contract, remote, null, null, Now.AddDays(-daysAgo), "", time);

    private static SearchRow Business(int id, OpportunityKind kind, string? naf, int? price, (string Name, double Latitude, double Longitude) place) =>
        new(id, kind, "Affaire " + id, "affaire", null, 1, place.Name, 10, place.Latitude, place.Longitude,
            null, null, null, null, RemoteWork.None, null, null, Now.AddDays(-3), "", null, naf, price);

    private static HouseholdProfile Household(AdultProfile adult, params (string Name, double Latitude, double Longitude)[] places) => new()
    {
        Adults = [adult],
        Places = places.Select(p => new TargetPlace(p.Name, p.Latitude, p.Longitude)).ToList(),
    };

    private static readonly AdultProfile Nurse = new() { Wish = AdultWish.Job, RomeCode = "J1506" };

    private static IReadOnlyList<HouseholdMatch> Match(IReadOnlyList<SearchRow> rows, HouseholdProfile household, int top = HouseholdMatcher.DefaultTop) =>
        HouseholdMatcher.Match(new MatchIndex(rows), household, top).For(0, household.Adults[0].Wish is AdultWish.CreateBusiness or AdultWish.TakeOverBusiness
            ? HouseholdMatchKind.Business : HouseholdMatchKind.Job);

    [Fact]
    public void Match_SameOccupationOutranksSameDomain()
    {
        // Same place and contract: only the occupation differs (J1502 is another occupation of the nurses' domain J15).
        var matches = Match([Job(1, "J1502", Figeac), Job(2, "J1506", Figeac), Job(3, "M1805", Figeac)], Household(Nurse, Figeac));

        Assert.Equal([2, 1], matches.Select(m => m.ItemId));
        Assert.Equal("même métier", matches[0].Reasons[0]);
        Assert.Equal("métier proche", matches[1].Reasons[0]);
        Assert.True(matches[0].Score > matches[1].Score);
    }

    [Fact]
    public void Match_SaysHowFarFromTheNearestTargetCommune()
    {
        var matches = Match([Job(1, "J1506", Assier), Job(2, "J1506", Figeac), Job(3, "J1506", Capdenac)], Household(Nurse, Figeac, Cahors));

        Assert.Equal(["à Figeac", "à 4 km de Figeac", "à 14 km de Figeac"], matches.Select(m => m.Reasons[1]));
    }

    [Fact]
    public void Match_PutsTheArticleBeforeAnElidedOrArticledCommune()
    {
        var vigan = ("Le Vigan", 44.7436, 1.4403);
        var matches = Match([Job(1, "J1506", vigan), Job(2, "J1506", Figeac)], Household(Nurse, vigan, Assier));

        Assert.Equal(["au Vigan", "à 14 km d’Assier"], matches.Select(m => m.Reasons[1]));
    }

    [Fact]
    public void Match_LeavesOutOpportunitiesBeyondTheMaximumDistance()
    {
        var rows = new[] { Job(1, "J1506", Figeac), Job(2, "J1506", Cahors) };

        Assert.Equal([1], Match(rows, Household(Nurse, Figeac)).Select(m => m.ItemId));
        Assert.Equal([1], Match(rows, Household(Nurse, Figeac) with { MaxDistanceKm = 3 }).Select(m => m.ItemId));
        Assert.Empty(Match([Job(3, "J1506", Capdenac)], Household(Nurse, Figeac) with { MaxDistanceKm = 3 }));
        Assert.Equal([1, 2], Match(rows, Household(Nurse, Figeac) with { MaxDistanceKm = 60 }).Select(m => m.ItemId).Order());
    }

    [Fact]
    public void Match_AnywhereKeepsEveryPlace()
    {
        var matches = Match([Job(1, "J1506", Figeac), Job(2, "J1506", Cahors), Job(3, "J1506", Assier)], Household(Nurse));

        Assert.Equal([1, 2, 3], matches.Select(m => m.ItemId).Order());
        Assert.All(matches, m => Assert.Equal("dans le territoire", m.Reasons[1]));
    }

    [Fact]
    public void Match_ExplainsContractWorkingTimeAndRemoteWorkInFrench()
    {
        var remoteWorker = new AdultProfile
        {
            Wish = AdultWish.KeepRemoteJob, RomeCode = "M1805", Contracts = new HashSet<ContractType> { ContractType.Cdi }, WorkingTime = WorkingTime.FullTime,
        };

        var match = Match([Job(1, "M1805", Capdenac, remote: RemoteWork.Partial)], Household(remoteWorker, Figeac)).Single();

        Assert.Equal(["même métier", "à 4 km de Figeac", "CDI, comme souhaité", "temps plein", "télétravail possible"], match.Reasons);
        Assert.True(match.Strong);
    }

    [Fact]
    public void Match_ScoresFromZeroToHundredAndMarksStrongMatches()
    {
        var wishes = Nurse with { Contracts = new HashSet<ContractType> { ContractType.Cdi }, WorkingTime = WorkingTime.FullTime };
        var matches = Match(
            [Job(1, "J1506", Figeac), Job(2, "J1502", Assier, ContractType.Cdd, WorkingTime.PartTime)],
            Household(wishes, Figeac));

        Assert.Equal(100, matches[0].Score);
        Assert.True(matches[0].Strong);
        Assert.InRange(matches[1].Score, 0, HouseholdMatch.StrongScore - 1);
        Assert.False(matches[1].Strong);
    }

    [Fact]
    public void Match_AnAdultWithoutOccupationGetsJobsButNoStrongOnes()
    {
        var matches = Match([Job(1, "J1506", Figeac), Job(2, "M1805", Figeac)], Household(new AdultProfile { Wish = AdultWish.Job }, Figeac));

        Assert.Equal(2, matches.Count);
        Assert.All(matches, m => Assert.False(m.Strong));
    }

    [Fact]
    public void Match_BusinessProjectFindsTakeoversWithinBudget()
    {
        var baker = new AdultProfile { Wish = AdultWish.TakeOverBusiness, BusinessActivity = "10.71C", BusinessBudget = 150_000 };
        var rows = new[]
        {
            Business(1, OpportunityKind.Takeover, "10.71C", 120_000, Capdenac),
            Business(2, OpportunityKind.Takeover, "10.71C", 400_000, Figeac),
            Business(3, OpportunityKind.Takeover, "56.10A", 90_000, Figeac), // a restaurant: another sector
            Business(4, OpportunityKind.Creation, null, null, Figeac),
            Business(5, OpportunityKind.Takeover, "10.71C", 100_000, Cahors), // too far
            Job(6, "D1102", Figeac),
        };

        var matches = Match(rows, Household(baker, Figeac));

        Assert.Equal([1, 2, 4], matches.Select(m => m.ItemId));
        Assert.Equal(["même activité", "une reprise, comme souhaité", "à 4 km de Figeac", "dans votre budget"], matches[0].Reasons);
        Assert.DoesNotContain("dans votre budget", matches[1].Reasons);
        Assert.True(matches[0].Strong);
        Assert.All(matches, m => Assert.Equal(HouseholdMatchKind.Business, m.Kind));
    }

    [Fact]
    public void Match_BusinessActivityRanksClassThenDivisionThenSection()
    {
        var cook = new AdultProfile { Wish = AdultWish.CreateBusiness, BusinessActivity = "56.10A" };
        var rows = new[]
        {
            Business(1, OpportunityKind.Creation, "55.10Z", null, Figeac), // a hotel: same section I
            Business(2, OpportunityKind.Creation, "56.30Z", null, Figeac), // a bar: same division 56
            Business(3, OpportunityKind.Creation, "56.10C", null, Figeac), // fast food: same class 56.10
        };

        var matches = Match(rows, Household(cook, Figeac));

        Assert.Equal([3, 2, 1], matches.Select(m => m.ItemId));
        Assert.Equal(["même activité", "activité proche", "même secteur d’activité"], matches.Select(m => m.Reasons[0]));
    }

    [Fact]
    public void Match_OrderIsDeterministicAndKeepsTheTopPerAdult()
    {
        var rows = Enumerable.Range(1, 40).Select(i => Job(i, i % 2 == 0 ? "J1506" : "J1502", i % 3 == 0 ? Assier : Figeac, daysAgo: i % 4)).ToList();
        var household = new HouseholdProfile
        {
            Adults = [Nurse, new AdultProfile { Wish = AdultWish.Job, RomeCode = "J1502" }],
            Places = [new TargetPlace(Figeac.Name, Figeac.Latitude, Figeac.Longitude)],
        };

        var first = HouseholdMatcher.Match(new MatchIndex(rows), household, top: 5);
        var shuffled = HouseholdMatcher.Match(new MatchIndex(rows.OrderBy(r => r.Id * 7919 % 41).ToList()), household, top: 5);

        Assert.Equal(first.All.Select(m => (m.AdultIndex, m.ItemId, m.Score)), shuffled.All.Select(m => (m.AdultIndex, m.ItemId, m.Score)));
        Assert.Equal([0, 1], first.Groups.Select(g => g.AdultIndex));
        Assert.All(first.Groups, g => Assert.Equal(5, g.Matches.Count));
        Assert.All(first.Groups, g => Assert.Equal(g.Matches.OrderByDescending(m => m.Score).Select(m => m.Score), g.Matches.Select(m => m.Score)));
        Assert.All(first.For(0, HouseholdMatchKind.Job), m => Assert.Equal("même métier", m.Reasons[0]));
        Assert.All(first.For(1, HouseholdMatchKind.Job), m => Assert.Equal("même métier", m.Reasons[0]));
        Assert.Empty(first.For(0, HouseholdMatchKind.Business));
        Assert.All(HouseholdMatcher.Match(new MatchIndex(rows), household, top: 0).Groups, g => Assert.Empty(g.Matches));
    }

    [Fact]
    public void Match_HealthInstallationOnlyForItsOwnProfession()
    {
        var installation = new SearchRow(1, OpportunityKind.HealthInstallation, "Infirmier libéral", "s", null, 1, "Figeac", 10, Figeac.Latitude, Figeac.Longitude,
            "J1506", "J15", "J", ContractType.Liberal, RemoteWork.None, null, null, Now, "");

        Assert.Single(Match([installation], Household(Nurse, Figeac)));
        Assert.Empty(Match([installation], Household(new AdultProfile { Wish = AdultWish.Job, RomeCode = "M1805" }, Figeac)));
        Assert.Empty(Match([installation], Household(new AdultProfile { Wish = AdultWish.Job }, Figeac)));
    }

    [Fact]
    public void Match_ASpouseProfileUsesItsOwnAreaAndSaysSo()
    {
        // The household aims for Figeac; the spouse's profile wishes Cahors and its surroundings within 10 km.
        var spouse = Nurse with { Places = [new TargetPlace(Cahors.Name, Cahors.Latitude, Cahors.Longitude)], MaxDistanceKm = 10, FromSpouseProfile = true };
        var matches = Match([Job(1, "J1506", Figeac), Job(2, "J1506", Cahors)], Household(spouse, Figeac));

        Assert.Equal([2], matches.Select(m => m.ItemId));
        Assert.Equal("à Cahors", matches[0].Reasons[1]);
        Assert.Equal("selon son profil de conjoint", matches[0].Reasons[^1]);
    }
}
