using System.Globalization;
using Escale.Core.Opportunities;
using Escale.Core.Territories;

namespace Escale.Core.Welcome.Matching;

/// <summary>
/// Proposes to each adult of a household the open opportunities that fit their project, each with a score from 0 to
/// 100 and its reasons in plain French. A criterion the household left open (no contract wish, "anywhere") counts as
/// met; the occupation or the activity never does, so a strong match always shares it.
/// <list type="bullet">
/// <item>A job (for an adult who wants one or works remotely): same ROME code 50, same professional domain 30 (any other
/// occupation is left out when the adult gave one); place 20; contract 15; working time 10; remote work 5.</item>
/// <item>A business project: a takeover or a creation opportunity; same NAF class 40, division 30, section 20 (another
/// known section is left out); the kind wished 20 (the other kind 10); place 20; asking price within the budget 20.</item>
/// </list>
/// Place: 20 within <see cref="NearKm"/> of the nearest target commune, then down to 5 at the household's maximum
/// distance, beyond which the opportunity is left out. One pass over the prepared rows per adult scores without
/// allocating; only the kept matches have their reasons written.
/// </summary>
public static class HouseholdMatcher
{
    public const int DefaultTop = 10;

    /// <summary>Up to this distance, an opportunity is "in" the commune.</summary>
    public const double NearKm = 2;

    private const int SameOccupation = 50, SameDomain = 30;
    private const int SameActivity = 40, CloseActivity = 30, SameSector = 20, WishedKind = 20, OtherKind = 10;
    private const int PlaceMax = 20, PlaceMin = 5, ContractPoints = 15, WorkingTimePoints = 10, RemotePoints = 5, BudgetPoints = 20;
    private const int Excluded = -1;

    public static HouseholdMatches Match(MatchIndex index, HouseholdProfile household, int top = DefaultTop)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(top);
        var places = new Places(index, household);
        var groups = new List<HouseholdMatchGroup>(household.Adults.Count);
        for (var a = 0; a < household.Adults.Count; a++)
        {
            if (household.Adults[a].Wish == AdultWish.NoWork)
            {
                continue;
            }
            var profile = household.Adults[a];
            var adult = new Adult(index, profile);
            var kind = adult.Business ? HouseholdMatchKind.Business : HouseholdMatchKind.Job;
            var adultPlaces = profile.Places is null && profile.MaxDistanceKm is null ? places
                : new Places(index, household with { Places = profile.Places ?? household.Places, MaxDistanceKm = profile.MaxDistanceKm ?? household.MaxDistanceKm });
            var best = Best(index, adult, adultPlaces, top);
            var matches = new List<HouseholdMatch>(best.Count);
            foreach (var (row, score) in best)
            {
                var reasons = new List<string>(6);
                Score(index, row, adult, adultPlaces, reasons);
                if (profile.FromSpouseProfile)
                {
                    reasons.Add("selon son profil de conjoint");
                }
                matches.Add(new HouseholdMatch(kind, index.Id[row], a, score, reasons));
            }
            groups.Add(new HouseholdMatchGroup(kind, a, matches));
        }
        return new HouseholdMatches(groups);
    }

    /// <summary>The <paramref name="top"/> best rows, best first: higher score, then more recently published, then lower id.</summary>
    private static List<(int Row, int Score)> Best(MatchIndex index, in Adult adult, Places places, int top)
    {
        var rows = new int[top];
        var scores = new int[top];
        var count = 0;
        for (var i = 0; i < index.Count && top > 0; i++)
        {
            var score = Score(index, i, adult, places, null);
            if (score == Excluded || (count == top && !Before(index, i, score, rows[top - 1], scores[top - 1])))
            {
                continue;
            }
            // Insert into the short sorted list, dropping its last when full.
            var at = count < top ? count++ : top - 1;
            while (at > 0 && Before(index, i, score, rows[at - 1], scores[at - 1]))
            {
                rows[at] = rows[at - 1];
                scores[at] = scores[at - 1];
                at--;
            }
            rows[at] = i;
            scores[at] = score;
        }
        var best = new List<(int, int)>(count);
        for (var n = 0; n < count; n++)
        {
            best.Add((rows[n], scores[n]));
        }
        return best;
    }

    private static bool Before(MatchIndex index, int row, int score, int other, int otherScore) =>
        score != otherScore ? score > otherScore
        : index.Published[row] != index.Published[other] ? index.Published[row] > index.Published[other]
        : index.Id[row] < index.Id[other];

    /// <summary>The row's score for the adult, or <see cref="Excluded"/>; writes the reasons, most important first, when asked.</summary>
    private static int Score(MatchIndex index, int i, in Adult adult, Places places, List<string>? reasons) =>
        adult.Business ? BusinessScore(index, i, adult, places, reasons) : JobScore(index, i, adult, places, reasons);

    private static int JobScore(MatchIndex index, int i, in Adult adult, Places places, List<string>? reasons)
    {
        var kind = (OpportunityKind)index.Kind[i];
        if (kind is not (OpportunityKind.Job or OpportunityKind.HealthInstallation))
        {
            return Excluded;
        }
        int score;
        if (index.Rome[i] == adult.Rome)
        {
            score = SameOccupation;
            reasons?.Add("même métier");
        }
        else if (index.Domain[i] == adult.Domain)
        {
            score = SameDomain;
            reasons?.Add("métier proche");
        }
        else if (adult.HasOccupation || kind == OpportunityKind.HealthInstallation)
        {
            return Excluded; // another occupation; a health installation is only for its own profession
        }
        else
        {
            score = 0;
        }

        var location = index.Location[i];
        if (places.Points[location] == Excluded)
        {
            return Excluded;
        }
        score += places.Points[location];
        reasons?.Add(places.Reason(location));

        if (adult.Contracts == 0)
        {
            score += ContractPoints;
        }
        else if (index.Contract[i] >= 0 && (adult.Contracts & (1 << index.Contract[i])) != 0)
        {
            score += ContractPoints;
            reasons?.Add(ContractReason((ContractType)index.Contract[i]));
        }

        if (adult.WorkingTime == MatchIndex.Missing)
        {
            score += WorkingTimePoints;
        }
        else if (index.WorkingTime[i] == adult.WorkingTime)
        {
            score += WorkingTimePoints;
            reasons?.Add((WorkingTime)adult.WorkingTime == WorkingTime.FullTime ? "temps plein" : "temps partiel");
        }
        else if (index.WorkingTime[i] == MatchIndex.Missing)
        {
            score += WorkingTimePoints / 2; // the offer does not say
        }

        if (!adult.RemoteWorker)
        {
            score += RemotePoints;
        }
        else if (index.Remote[i] != (byte)RemoteWork.None)
        {
            score += RemotePoints;
            reasons?.Add(index.Remote[i] == (byte)RemoteWork.Full ? "télétravail complet possible" : "télétravail possible");
        }
        return score;
    }

    private static int BusinessScore(MatchIndex index, int i, in Adult adult, Places places, List<string>? reasons)
    {
        var kind = (OpportunityKind)index.Kind[i];
        if (kind is not (OpportunityKind.Takeover or OpportunityKind.Creation))
        {
            return Excluded;
        }
        var score = 0;
        if (adult.Activity.Section != '\0')
        {
            if (adult.NafClass >= 0 && index.NafClass[i] == adult.NafClass)
            {
                score = SameActivity;
                reasons?.Add("même activité");
            }
            else if (adult.Activity.Division >= 0 && index.NafDivision[i] == adult.Activity.Division)
            {
                score = CloseActivity;
                reasons?.Add("activité proche");
            }
            else if (index.NafSection[i] == adult.Activity.Section)
            {
                score = SameSector;
                reasons?.Add("même secteur d’activité");
            }
            else if (index.NafSection[i] != '\0')
            {
                return Excluded; // another sector
            }
        }

        if (kind == adult.WishedKind)
        {
            score += WishedKind;
            reasons?.Add(kind == OpportunityKind.Takeover ? "une reprise, comme souhaité" : "une création, comme souhaité");
        }
        else
        {
            score += OtherKind;
        }

        var location = index.Location[i];
        if (places.Points[location] == Excluded)
        {
            return Excluded;
        }
        score += places.Points[location];
        reasons?.Add(places.Reason(location));

        var price = index.PriceMax[i];
        if (price >= 0 && adult.Budget >= 0)
        {
            if (price <= adult.Budget)
            {
                score += BudgetPoints;
                reasons?.Add("dans votre budget");
            }
        }
        else
        {
            score += BudgetPoints / 2; // no price asked, or no budget given
        }
        return score;
    }

    private static string ContractReason(ContractType contract) => contract switch
    {
        ContractType.Cdi => "CDI, comme souhaité",
        ContractType.Cdd => "CDD, comme souhaité",
        ContractType.Interim => "intérim, comme souhaité",
        ContractType.Seasonal => "saisonnier, comme souhaité",
        ContractType.Apprenticeship => "apprentissage, comme souhaité",
        _ => "exercice libéral, comme souhaité",
    };

    /// <summary>"à Figeac" within <see cref="NearKm"/>, else "à 12 km de Figeac": the place reason of every kind of match.</summary>
    internal static string PlaceReason(string name, double distanceKm) =>
        distanceKm <= NearKm
            ? At(name)
            : string.Create(CultureInfo.InvariantCulture, $"à {Math.Round(distanceKm, MidpointRounding.AwayFromZero):0} km {Of(name)}");

    /// <summary>The place points: <see cref="PlaceMax"/> within <see cref="NearKm"/>, down to <see cref="PlaceMin"/> at <paramref name="maxKm"/>, excluded (-1) beyond.</summary>
    internal static int PlacePoints(double distanceKm, int maxKm) =>
        distanceKm <= NearKm ? PlaceMax
        : distanceKm > maxKm ? Excluded
        : PlaceMin + (int)Math.Round((PlaceMax - PlaceMin) * (maxKm - distanceKm) / Math.Max(1, maxKm - NearKm), MidpointRounding.AwayFromZero);


    /// <summary>"à Figeac", "au Vigan", "aux Quatre-Routes-du-Lot".</summary>
    private static string At(string name) =>
        name.StartsWith("Le ", StringComparison.Ordinal) ? "au " + name[3..]
        : name.StartsWith("Les ", StringComparison.Ordinal) ? "aux " + name[4..]
        : "à " + name;

    /// <summary>"de Figeac", "du Vigan", "des Quatre-Routes-du-Lot", "d’Assier".</summary>
    private static string Of(string name) =>
        name.StartsWith("Le ", StringComparison.Ordinal) ? "du " + name[3..]
        : name.StartsWith("Les ", StringComparison.Ordinal) ? "des " + name[4..]
        : name.Length > 0 && "AEIOUYÉÈÊÎÔ".Contains(name[0], StringComparison.Ordinal) ? "d’" + name
        : "de " + name;

    /// <summary>An adult's wishes in the index's numbers, ready for the pass over the rows.</summary>
    private readonly struct Adult
    {
        public Adult(MatchIndex index, AdultProfile profile)
        {
            Business = profile.Wish is AdultWish.CreateBusiness or AdultWish.TakeOverBusiness;
            RemoteWorker = profile.Wish == AdultWish.KeepRemoteJob;
            HasOccupation = profile.RomeCode is not null || profile.Domain is not null;
            Rome = index.RomeNumber(profile.RomeCode);
            Domain = index.DomainNumber(profile.Domain);
            foreach (var contract in profile.Contracts)
            {
                Contracts |= 1 << (int)contract;
            }
            WorkingTime = profile.WorkingTime is { } time ? (int)time : MatchIndex.Missing;
            WishedKind = profile.Wish == AdultWish.TakeOverBusiness ? OpportunityKind.Takeover : OpportunityKind.Creation;
            Activity = Naf.Parse(profile.BusinessActivity);
            NafClass = index.NafClassNumber(Activity.Class);
            Budget = profile.BusinessBudget ?? MatchIndex.Missing;
        }

        public bool Business { get; }
        public bool RemoteWorker { get; }
        public bool HasOccupation { get; }
        /// <summary>The adult's occupation number, or -2 which equals no row's.</summary>
        public int Rome { get; }
        public int Domain { get; }
        /// <summary>One bit per wished <see cref="ContractType"/>; 0 for any.</summary>
        public int Contracts { get; }
        public int WorkingTime { get; }
        public OpportunityKind WishedKind { get; }
        public Naf Activity { get; }
        public int NafClass { get; }
        public int Budget { get; }
    }

    /// <summary>For each distinct location of the index: its points for the household's places, and the nearest place.</summary>
    private sealed class Places
    {
        private readonly HouseholdProfile _household;
        private readonly int[] _nearest;
        private readonly double[] _distance;

        public Places(MatchIndex index, HouseholdProfile household)
        {
            _household = household;
            var count = index.LocationLatitude.Length;
            Points = new int[count];
            _nearest = new int[count];
            _distance = new double[count];
            if (household.Places.Count == 0)
            {
                Array.Fill(Points, PlaceMax);
                return;
            }
            var max = household.MaxDistanceKm;
            for (var l = 0; l < count; l++)
            {
                var nearest = 0;
                var distance = double.MaxValue;
                for (var p = 0; p < household.Places.Count; p++)
                {
                    var place = household.Places[p];
                    var d = GeoDistance.Kilometres(place.Latitude, place.Longitude, index.LocationLatitude[l], index.LocationLongitude[l]);
                    if (d < distance)
                    {
                        (nearest, distance) = (p, d);
                    }
                }
                _nearest[l] = nearest;
                _distance[l] = distance;
                Points[l] = PlacePoints(distance, max);
            }
        }

        public int[] Points { get; }

        public string Reason(int location)
        {
            if (_household.Places.Count == 0)
            {
                return "dans le territoire";
            }
            return PlaceReason(_household.Places[_nearest[location]].Name, _distance[location]);
        }
    }
}
