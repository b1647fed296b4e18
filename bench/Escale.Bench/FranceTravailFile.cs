using System.Globalization;
using System.Text.Json;

namespace Escale.Bench;

/// <summary>Writes a France Travail "offres d'emploi v2" JSON array of generated opportunities, streamed to disk.</summary>
internal static class FranceTravailFile
{
    private static readonly string[] Contracts = ["CDI", "CDI", "CDI", "CDD", "CDD", "MIS", "SAI", "LIB"];
    private static readonly string[] Employers = ["Atelier du Causse", "Quercy Mécanique", "Vallée Numérique", "Maison de santé du Ségala", "Hôtel des Remparts", "Transports du Célé", "Menuiserie Lotoise", "Coopérative des Noix"];
    private static readonly string[] Adjectives = ["confirmé", "polyvalent", "junior", "senior", "en alternance", "de nuit", "itinérant", "qualifié"];

    public static void Write(string path, int count, IReadOnlyList<(string Insee, string PostalCode, int Population)> communes,
        IReadOnlyList<(string Code, string Label)> occupations, int seed)
    {
        var random = new Random(seed);
        var cumulative = new long[communes.Count];
        long total = 0;
        for (var i = 0; i < communes.Count; i++)
        {
            total += Math.Max(1, communes[i].Population);
            cumulative[i] = total;
        }
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream);
        json.WriteStartArray();
        for (var i = 0; i < count; i++)
        {
            var pick = random.NextInt64(total);
            var found = Array.BinarySearch(cumulative, pick + 1);
            var commune = communes[found >= 0 ? found : ~found];
            var occupation = occupations[random.Next(occupations.Count)];
            var monthly = 1_800 + random.Next(0, 40) * 50;
            json.WriteStartObject();
            json.WriteString("id", "B" + i.ToString("D7", CultureInfo.InvariantCulture));
            json.WriteString("intitule", occupation.Label + " " + Adjectives[random.Next(Adjectives.Length)]);
            json.WriteString("description", "Poste basé dans le Lot. Équipe à taille humaine, formation assurée, horaires de journée. Offre générée pour les mesures de performance.");
            json.WriteString("dateCreation", "2026-11-20T08:00:00.000Z");
            json.WriteStartObject("lieuTravail");
            json.WriteString("libelle", "46 - LOT");
            json.WriteString("codePostal", commune.PostalCode);
            json.WriteString("commune", commune.Insee);
            json.WriteEndObject();
            json.WriteString("romeCode", occupation.Code);
            json.WriteStartObject("entreprise");
            json.WriteString("nom", Employers[random.Next(Employers.Length)] + " " + (i % 997).ToString(CultureInfo.InvariantCulture));
            json.WriteEndObject();
            json.WriteString("typeContrat", Contracts[random.Next(Contracts.Length)]);
            json.WriteString("dureeTravailLibelleConverti", random.Next(5) == 0 ? "Temps partiel" : "Temps plein");
            json.WriteStartObject("salaire");
            json.WriteString("libelle", $"Mensuel de {monthly},00 Euros à {monthly + 400},00 Euros sur 12 mois");
            json.WriteEndObject();
            json.WriteStartObject("contact");
            json.WriteString("urlPostulation", "https://candidature.example.org/offre/" + i.ToString(CultureInfo.InvariantCulture));
            json.WriteEndObject();
            json.WriteBoolean("accessibleTH", random.Next(3) == 0);
            json.WriteEndObject();
            if (i % 1000 == 0)
            {
                json.Flush();
            }
        }
        json.WriteEndArray();
    }
}
