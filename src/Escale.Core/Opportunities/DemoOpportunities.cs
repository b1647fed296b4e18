using System.Globalization;
using Escale.Core.Territories;

namespace Escale.Core.Opportunities;

/// <summary>
/// A realistic, clearly fictional set of opportunities for development, demonstrations and benchmarks: places weighted by
/// population, occupations from the main ROME grand domains, a few takeovers, creation and health-installation
/// opportunities. A pure function of its inputs and seed: the same call gives the same opportunities.
/// </summary>
public static class DemoOpportunities
{
    public sealed record Place(int Id, string InseeCode, string Name, int Population, int IntercommunalityId, double Latitude, double Longitude);

    public sealed record Occupation(string Code, string Label, string DomainCode, string GrandDomainCode);

    /// <summary>The size of the set loaded into an empty development database.</summary>
    public const int DevelopmentCount = 600;

    public const string SourceReferencePrefix = "demo-";

    // Where jobs are in a rural département: health and care, building, industry, hospitality, trade, farming, transport, IT.
    private static readonly (string Prefix, int Weight, int SalaryLow, int SalaryHigh)[] Sectors =
    [
        ("J", 18, 23_000, 60_000), ("F", 12, 22_000, 34_000), ("H", 12, 22_000, 36_000), ("G", 14, 21_000, 30_000),
        ("D", 10, 21_000, 32_000), ("A", 8, 21_000, 28_000), ("N", 8, 22_000, 33_000), ("M18", 6, 32_000, 55_000),
        ("K", 6, 21_000, 30_000), ("I", 6, 23_000, 35_000),
    ];

    private static readonly (ContractType Contract, int Weight)[] Contracts =
        [(ContractType.Cdi, 50), (ContractType.Cdd, 22), (ContractType.Seasonal, 12), (ContractType.Interim, 8), (ContractType.Apprenticeship, 8)];

    private static readonly string[] EmployerKinds =
        ["Atelier", "Maison", "Établissements", "Société", "Coopérative", "Groupe", "Comptoir", "Entreprise"];

    // Invented surnames and places: no real employer is named.
    private static readonly string[] EmployerNames =
        ["Castelbrun", "Mirabosc", "Peyrolade", "Vialaret", "Combefarge", "Lauzerac", "Bellaroque", "Salvagnol",
         "Terrefonde", "Cazalbrune", "Roquemiral", "Fontvialle", "Puechbaron", "Estivalou", "Marcillaque", "Gramontel"];

    private static readonly (string Naf, string Title, int PriceLow, int PriceHigh)[] Takeovers =
    [
        ("10.71C", "Boulangerie-pâtisserie au cœur du bourg", 80_000, 220_000),
        ("56.10A", "Restaurant traditionnel avec terrasse", 90_000, 300_000),
        ("45.20A", "Garage automobile, atelier et station de lavage", 60_000, 250_000),
        ("96.02A", "Salon de coiffure mixte", 25_000, 80_000),
        ("47.11B", "Épicerie de village avec dépôt de pain", 20_000, 70_000),
        ("56.30Z", "Café-bar avec licence IV", 40_000, 120_000),
        ("10.13B", "Boucherie-charcuterie artisanale", 70_000, 180_000),
        ("55.10Z", "Hôtel de 12 chambres", 250_000, 600_000),
        ("43.22A", "Entreprise de plomberie-chauffage", 50_000, 200_000),
    ];

    private static readonly string[] Creations =
    [
        "Commerce multiservice recherché", "Local commercial disponible pour une boulangerie", "Tiers-lieu cherche un porteur de projet",
        "Café associatif à reprendre en gestion", "Atelier partagé pour artisans", "Programme d’aide à l’installation des commerces de centre-bourg",
    ];

    private static readonly string[] HealthInstallations =
    [
        "Médecin généraliste — maison de santé pluriprofessionnelle", "Chirurgien-dentiste — cabinet équipé disponible",
        "Masseur-kinésithérapeute — installation en cabinet de groupe", "Infirmier·e libéral·e — reprise de patientèle",
        "Sage-femme — centre de santé intercommunal",
    ];

    private static readonly string[] TurnoverBands = ["moins de 100 k€", "100 à 300 k€", "300 k€ à 1 M€", "plus de 1 M€"];

    /// <summary>
    /// <paramref name="count"/> published opportunities dated relative to <paramref name="now"/>. About 85 % jobs, 8 % takeovers,
    /// 4 % creation opportunities and 3 % health installations. Occupations outside the main grand domains are ignored.
    /// </summary>
    public static List<Opportunity> Generate(IReadOnlyList<Place> places, IReadOnlyList<Occupation> occupations, int count, int seed, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (places.Count == 0 || occupations.Count == 0)
        {
            throw new ArgumentException("Demo opportunities need communes and ROME occupations.");
        }
        var random = new Random(seed);
        var bySector = Sectors
            .Select(s => (s.Prefix, s.Weight, s.SalaryLow, s.SalaryHigh,
                Codes: occupations.Where(o => o.Code.StartsWith(s.Prefix, StringComparison.Ordinal)).OrderBy(o => o.Code, StringComparer.Ordinal).ToArray()))
            .Where(s => s.Codes.Length > 0)
            .ToArray();
        var orderedPlaces = places.OrderBy(p => p.InseeCode, StringComparer.Ordinal).ToArray();
        var cumulative = new long[orderedPlaces.Length];
        long total = 0;
        for (var i = 0; i < orderedPlaces.Length; i++)
        {
            // Every commune gets a little weight so the smallest villages can appear too.
            total += Math.Max(orderedPlaces[i].Population, 50);
            cumulative[i] = total;
        }
        var today = DateOnly.FromDateTime(now.UtcDateTime);

        var opportunities = new List<Opportunity>(count);
        for (var i = 0; i < count; i++)
        {
            var index = Array.BinarySearch(cumulative, random.NextInt64(total) + 1);
            var place = orderedPlaces[index < 0 ? ~index : index];
            var roll = random.Next(100);
            var publishedAt = now.AddMinutes(-random.Next(0, 45 * 24 * 60));
            var opportunity = new Opportunity
            {
                Title = "",
                Slug = "",
                DedupKey = "",
                Status = OpportunityStatus.Published,
                Source = OpportunitySource.Manual,
                SourceReference = SourceReferencePrefix + i.ToString(CultureInfo.InvariantCulture),
                CreatedAt = publishedAt,
                UpdatedAt = publishedAt,
                PublishedAt = publishedAt,
                ExpiresOn = today.AddDays(random.Next(10, 150)),
            };
            opportunity.PlaceIn(new Commune
            {
                Id = place.Id, InseeCode = place.InseeCode, Name = place.Name, Slug = "", PostalCodes = "", BoundaryGeoJson = "",
                IntercommunalityId = place.IntercommunalityId, Latitude = place.Latitude, Longitude = place.Longitude,
            });
            if (roll < 85 && bySector.Length > 0)
            {
                FillJob(opportunity, random, bySector, place, today);
            }
            else if (roll < 93)
            {
                FillTakeover(opportunity, random, place);
            }
            else if (roll < 97)
            {
                opportunity.Kind = OpportunityKind.Creation;
                opportunity.Title = $"{Pick(random, Creations)} à {place.Name}";
                opportunity.EmployerName = $"Communauté fictive de {place.Name}";
                opportunity.Description = $"La commune de {place.Name} ({place.Population.ToString(CultureInfo.InvariantCulture)} habitants) cherche un porteur de projet. Offre de démonstration.";
                opportunity.Premises = random.Next(2) == 0 ? "Local communal de 80 m² à loyer modéré" : "Rez-de-chaussée commercial de 120 m² avec logement";
                opportunity.SupportOffered = "Loyer progressif la première année, accompagnement par la chambre consulaire, aide régionale à l’investissement";
                opportunity.Support = random.Next(2) == 0 ? SupportOrganisation.Cci : SupportOrganisation.ChambreDeMetiers;
                opportunity.HowToApply = "Écrire à la mairie en présentant votre projet.";
            }
            else
            {
                opportunity.Kind = OpportunityKind.HealthInstallation;
                opportunity.Title = Pick(random, HealthInstallations);
                opportunity.EmployerName = $"Maison de santé fictive de {place.Name}";
                opportunity.Contract = ContractType.Liberal;
                opportunity.Description = "Équipe pluriprofessionnelle, secrétariat partagé, patientèle en attente. Offre de démonstration.";
                opportunity.Premises = "Cabinet meublé dans la maison de santé";
                opportunity.SupportOffered = "Loyer offert six mois, logement temporaire, aide à l’installation de l’ARS, accueil du conjoint";
                opportunity.HowToApply = "Contacter la coordinatrice de la maison de santé.";
            }
            opportunity.Slug = Slug.From(opportunity.Title);
            opportunity.DedupKey = ManualOpportunity.DedupKey(opportunity.Kind, opportunity.EmployerName, opportunity.Title, place.InseeCode, opportunity.Contract);
            opportunities.Add(opportunity);
        }
        return opportunities;
    }

    private static void FillJob(Opportunity opportunity, Random random, (string Prefix, int Weight, int SalaryLow, int SalaryHigh, Occupation[] Codes)[] sectors, Place place, DateOnly today)
    {
        var sector = PickWeighted(random, sectors, s => s.Weight);
        var occupation = sector.Codes[random.Next(sector.Codes.Length)];
        opportunity.Kind = OpportunityKind.Job;
        opportunity.Title = occupation.Label;
        opportunity.RomeCode = occupation.Code;
        opportunity.RomeDomainCode = occupation.DomainCode;
        opportunity.RomeGrandDomainCode = occupation.GrandDomainCode;
        opportunity.EmployerName = $"{Pick(random, EmployerKinds)} {Pick(random, EmployerNames)}";
        opportunity.Contract = PickWeighted(random, Contracts, c => c.Weight).Contract;
        opportunity.WorkingTime = random.Next(5) == 0 ? WorkingTime.PartTime : WorkingTime.FullTime;
        // Round to the hundred, as employers write them.
        var min = (sector.SalaryLow + random.Next(0, sector.SalaryHigh - sector.SalaryLow)) / 100 * 100;
        if (random.Next(10) > 0)
        {
            opportunity.SalaryMin = min;
            opportunity.SalaryMax = min + (random.Next(0, 8) * 500);
        }
        opportunity.Remote = sector.Prefix == "M18" ? (random.Next(2) == 0 ? RemoteWork.Partial : RemoteWork.Full) : RemoteWork.None;
        opportunity.StartDate = today.AddDays(random.Next(7, 60));
        opportunity.OpenToDisabledWorkers = random.Next(3) > 0;
        opportunity.Description = $"{opportunity.EmployerName}, à {place.Name}, recrute : {occupation.Label}. Offre de démonstration, employeur fictif.";
        opportunity.ApplyEmail = $"recrutement-{MailboxNumber(random)}@exemple.invalid";
    }

    private static string MailboxNumber(Random random) => random.Next(1000, 9999).ToString(CultureInfo.InvariantCulture);

    private static void FillTakeover(Opportunity opportunity, Random random, Place place)
    {
        var (naf, title, low, high) = Takeovers[random.Next(Takeovers.Length)];
        opportunity.Kind = OpportunityKind.Takeover;
        opportunity.Title = $"{title} — {place.Name}";
        opportunity.NafCode = naf;
        var min = (low + random.Next(0, high - low)) / 1000 * 1000;
        opportunity.PriceMin = min;
        opportunity.PriceMax = min + (random.Next(1, 6) * 10_000);
        opportunity.TurnoverBand = Pick(random, TurnoverBands);
        opportunity.Staff = random.Next(0, 8);
        opportunity.Premises = random.Next(2) == 0 ? "Murs et fonds" : "Fonds seul, bail commercial";
        opportunity.Reason = random.Next(3) == 0 ? "Changement de projet" : "Départ à la retraite";
        opportunity.Timeline = random.Next(2) == 0 ? "Dans l’année" : "Sous 6 mois";
        opportunity.Support = random.Next(3) switch { 0 => SupportOrganisation.Cci, 1 => SupportOrganisation.ChambreDeMetiers, _ => SupportOrganisation.ChambreAgriculture };
        opportunity.SellerName = "Cédant fictif";
        opportunity.SellerEmail = "cedant@exemple.invalid";
        opportunity.Description = $"Affaire saine à {place.Name}, clientèle fidèle, transmission accompagnée. Offre de démonstration.";
    }

    private static string Pick(Random random, string[] items) => items[random.Next(items.Length)];

    private static T PickWeighted<T>(Random random, T[] items, Func<T, int> weight)
    {
        var roll = random.Next(items.Sum(weight));
        foreach (var item in items)
        {
            roll -= weight(item);
            if (roll < 0)
            {
                return item;
            }
        }
        return items[^1];
    }
}
