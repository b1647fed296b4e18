using System.Globalization;
using CsvHelper;
using Escale.Core.Opportunities;
using Escale.Core.Opportunities.Search;
using Escale.Core.Welcome;
using Escale.Core.Welcome.Matching;

namespace Escale.Bench;

/// <summary>
/// Synthetic but realistic data for the household matching bench: opportunities spread over the Lot's communes with
/// real ROME occupations and NAF activities (the reference files), in the demo's proportions (85 % jobs, 8 % takeovers,
/// 4 % creations, 3 % health installations), and households shaped like the project form's answers.
/// </summary>
public sealed class MatchingData
{
    private readonly List<(string Code, string Domain, string GrandDomain)> _occupations = [];
    private readonly List<string> _activities = [];
    private readonly List<(string Name, double Latitude, double Longitude)> _communes = [];

    public MatchingData(string root)
    {
        foreach (var row in Read(Path.Combine(root, "reference", "rome_metiers.csv")))
        {
            _occupations.Add((row["code_rome"], row["code_domaine_professionnel"], row["code_grand_domaine"]));
        }
        foreach (var row in Read(Path.Combine(root, "reference", "naf_rev2.csv")))
        {
            if (row["niveau"] == "sous-classe")
            {
                _activities.Add(row["code"]);
            }
        }
        foreach (var row in Read(Path.Combine(root, "territories", "lot", "communes.csv")))
        {
            _communes.Add((row["nom"], double.Parse(row["centroid_lat"], CultureInfo.InvariantCulture), double.Parse(row["centroid_lon"], CultureInfo.InvariantCulture)));
        }
    }

    public List<SearchRow> Rows(int count, int seed)
    {
        var random = new Random(seed);
        var now = new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
        var rows = new List<SearchRow>(count);
        for (var id = 1; id <= count; id++)
        {
            var (name, latitude, longitude) = _communes[random.Next(_communes.Count)];
            var draw = random.Next(100);
            var kind = draw < 85 ? OpportunityKind.Job : draw < 93 ? OpportunityKind.Takeover : draw < 97 ? OpportunityKind.Creation : OpportunityKind.HealthInstallation;
            var published = now.AddMinutes(-random.Next(60 * 24 * 90));
            if (kind is OpportunityKind.Job or OpportunityKind.HealthInstallation)
            {
                var (code, domain, grandDomain) = _occupations[random.Next(_occupations.Count)];
                rows.Add(new SearchRow(id, kind, "Offre " + id, "offre", "Employeur", 0, name, 0, latitude, longitude, code, domain, grandDomain,
                    kind == OpportunityKind.HealthInstallation ? ContractType.Liberal : (ContractType)random.Next(5),
                    random.Next(10) == 0 ? RemoteWork.Partial : RemoteWork.None, null, null, published, "",
                    random.Next(4) == 0 ? WorkingTime.PartTime : random.Next(6) == 0 ? null : WorkingTime.FullTime));
            }
            else
            {
                rows.Add(new SearchRow(id, kind, "Affaire " + id, "affaire", null, 0, name, 0, latitude, longitude, null, null, null, null,
                    RemoteWork.None, null, null, published, "", null,
                    kind == OpportunityKind.Creation && random.Next(2) == 0 ? null : _activities[random.Next(_activities.Count)],
                    kind == OpportunityKind.Takeover ? 20_000 + (random.Next(60) * 10_000) : null));
            }
        }
        return rows;
    }

    /// <summary>Couples of two adults: mostly both looking for a job, sometimes a business project or a remote job; one to three target communes, or anywhere.</summary>
    public List<HouseholdProfile> Households(int count, int seed)
    {
        var random = new Random(seed);
        var households = new List<HouseholdProfile>(count);
        for (var n = 0; n < count; n++)
        {
            var places = random.Next(5) == 0 ? [] : Enumerable.Range(0, 1 + random.Next(3))
                .Select(_ => _communes[random.Next(_communes.Count)]).Select(c => new TargetPlace(c.Name, c.Latitude, c.Longitude)).ToList();
            households.Add(new HouseholdProfile
            {
                Adults = [Adult(random, AdultWish.Job), Adult(random, random.Next(100) switch { < 70 => AdultWish.Job, < 78 => AdultWish.TakeOverBusiness, < 85 => AdultWish.CreateBusiness, _ => AdultWish.KeepRemoteJob })],
                Places = places,
                MaxDistanceKm = random.Next(3) == 0 ? 50 : HouseholdProfile.DefaultMaxDistanceKm,
            });
        }
        return households;
    }

    private AdultProfile Adult(Random random, AdultWish wish) => wish is AdultWish.CreateBusiness or AdultWish.TakeOverBusiness
        ? new AdultProfile { Wish = wish, BusinessActivity = _activities[random.Next(_activities.Count)], BusinessBudget = random.Next(2) == 0 ? null : 50_000 + (random.Next(30) * 10_000) }
        : new AdultProfile
        {
            Wish = wish,
            RomeCode = _occupations[random.Next(_occupations.Count)].Code,
            Contracts = random.Next(2) == 0 ? new HashSet<ContractType>() : new HashSet<ContractType> { ContractType.Cdi, (ContractType)random.Next(5) },
            WorkingTime = random.Next(3) == 0 ? null : random.Next(4) == 0 ? WorkingTime.PartTime : WorkingTime.FullTime,
        };

    private static IEnumerable<Dictionary<string, string>> Read(string path)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var header = csv.HeaderRecord!;
        while (csv.Read())
        {
            yield return header.ToDictionary(h => h, h => csv.GetField(h) ?? "", StringComparer.Ordinal);
        }
    }
}
