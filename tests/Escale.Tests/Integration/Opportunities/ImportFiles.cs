using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Escale.Tests.Integration.Opportunities;

/// <summary>Builds import files the way their real producers write them.</summary>
public static class ImportFiles
{
    public sealed record FtOpportunity(string Id, string Title = "Développeur / Développeuse web", string Commune = "46042", string Rome = "M1805",
        string Contract = "CDI", string Employer = "Causse Numérique", string? Salary = "Mensuel de 2500,00 Euros à 3000,00 Euros sur 12 mois",
        string? Siret = null, string? Expires = null, string Description = "Une équipe de 12 personnes à Cahors.");

    public static MemoryStream FranceTravail(params FtOpportunity[] opportunities)
    {
        var json = JsonSerializer.Serialize(opportunities.Select(o => new Dictionary<string, object?>
        {
            ["id"] = o.Id,
            ["intitule"] = o.Title,
            ["description"] = o.Description,
            ["dateCreation"] = "2026-11-20T10:00:00.000Z",
            ["lieuTravail"] = new Dictionary<string, object?> { ["libelle"] = "46 - CAHORS", ["codePostal"] = "46000", ["commune"] = o.Commune },
            ["romeCode"] = o.Rome,
            ["entreprise"] = new Dictionary<string, object?> { ["nom"] = o.Employer, ["siret"] = o.Siret },
            ["typeContrat"] = o.Contract,
            ["dureeTravailLibelleConverti"] = "Temps plein",
            ["salaire"] = new Dictionary<string, object?> { ["libelle"] = o.Salary },
            ["contact"] = new Dictionary<string, object?> { ["nom"] = "Service RH", ["urlPostulation"] = "https://emploi.example.org/postuler/" + o.Id },
            ["accessibleTH"] = true,
            ["dateFinValidite"] = o.Expires,
        }));
        return new MemoryStream(Encoding.UTF8.GetBytes(json));
    }

    public static MemoryStream Text(string text, Encoding? encoding = null) => new((encoding ?? Encoding.UTF8).GetBytes(text));

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
