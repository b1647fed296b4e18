using System.Reflection;
using System.Text.Json.Serialization;
using Escale.Web.Infrastructure.Caching;
using Escale.Web.Pages.Offres;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Escale.Web.Pages.DonneesOuvertes;

/// <summary>
/// Every file and feed a person or a program may take from the site, with its licence, its fields and how fresh it is
/// (docs/open-data.md says the same for developers). A new export is one more line in <see cref="Exports"/>.
/// </summary>
[OutputCache(PolicyName = PublicPageCache.Policy)]
public sealed class IndexModel : PageModel
{
    /// <summary>One export: its address, its format, and the texts (French, translated on the page) that describe it.</summary>
    public sealed record Export(string Path, string Format, string Title, string Content, string Licence, string Frequency, IReadOnlyList<string> Fields);

    public const string OpenLicence = "Licence Ouverte 2.0 (Etalab)";
    public const string OpenLicenceUrl = "https://www.etalab.gouv.fr/licence-ouverte-open-licence/";

    /// <summary>The columns of the offers' CSV and the keys of its JSON, read from the projection that writes them, so the page cannot drift.</summary>
    public static readonly IReadOnlyList<string> OpportunityFields = [.. typeof(OpenDataOpportunity).GetProperties()
        .OrderBy(p => p.MetadataToken)
        .Select(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name)
        .OfType<string>()];

    private const string Live = "À chaque téléchargement : le fichier est produit à la demande, avec les offres publiées à cet instant.";
    private const string Territorial = "À chaque import du paquet du territoire, une fois par an au millésime de l’INSEE.";
    private const string Editorial = "Les textes et les images restent ceux de leurs auteurs : le flux sert à s’abonner et à citer avec un lien, non à republier.";

    public static readonly IReadOnlyList<Export> Exports =
    [
        new("/offres/export.csv", "CSV", "Les offres, en CSV",
            "Les offres publiées et non expirées : emplois, activités à reprendre, créations, installations en santé. Un fichier UTF-8, séparateur virgule, une ligne d’en-tête.",
            OpenLicence, Live, OpportunityFields),
        new("/offres/export.json", "JSON", "Les offres, en JSON",
            "Les mêmes offres, en tableau d’objets aux mêmes champs.", OpenLicence, Live, OpportunityFields),
        new("/api/v1/offres", "JSON (API)", "L’API des offres",
            "Les offres page par page, avec les facettes de la recherche ; décrite en OpenAPI à /openapi/v1.json.", OpenLicence, Live, OpportunityFields),
        new("/offres/flux.rss", "RSS 2.0", "Le flux des offres",
            "Les 50 dernières offres publiées ; accepte les filtres de la recherche des offres.", OpenLicence, Live,
            ["title", "link", "description", "pubDate"]),
        new("/api/v1/territoire", "JSON (API)", "Le territoire",
            "Le nom du territoire, sa population légale et ses nombres de communes et d’intercommunalités. Sources : INSEE, DGCL, IGN.",
            "Licence Ouverte", Territorial, ["code", "name", "population", "populationYear", "communes", "intercommunalities"]),
        new("/api/v1/intercommunalites", "JSON (API)", "Les intercommunalités",
            "Chaque intercommunalité du territoire, avec sa population et son nombre de communes. Sources : INSEE, DGCL.",
            "Licence Ouverte", Territorial, ["siren", "name", "slug", "nature", "seatDepartment", "communes", "population", "whollyInTerritory"]),
        new("/api/v1/communes", "JSON (API)", "Les communes",
            "Chaque commune, page par page, avec ses codes postaux, sa population et ses coordonnées. Sources : INSEE, DGCL, La Poste.",
            "Licence Ouverte", Territorial, ["inseeCode", "name", "slug", "postalCodes", "population", "intercommunality", "latitude", "longitude"]),
        new("/recits/flux.rss", "RSS 2.0", "Le flux des récits",
            "Les 50 derniers récits, événements et pages publiés ; filtrable par profil, thème, type et intercommunalité.", Editorial,
            "À chaque publication.", ["title", "link", "description", "pubDate"]),
        new("/recits/flux.atom", "Atom", "Le flux des récits, en Atom",
            "Les mêmes récits, au format Atom.", Editorial, "À chaque publication.", ["title", "link", "summary", "published", "updated"]),
        new("/evenements/calendrier.ics", "iCalendar", "L’agenda",
            "Les événements à venir, à ajouter à un agenda.", Editorial, "À chaque publication.", ["SUMMARY", "DESCRIPTION", "DTSTART", "DTEND", "LOCATION", "URL"]),
    ];
}
