using Escale.Core.Opportunities;

namespace Escale.Web.Pages.Offres;

/// <summary>
/// The one place for the French words of the offers' enumerations: their label (also the translation key) and, for the
/// facets that travel in a search URL or in open data, their value there (<c>?type=emploi&amp;contrat=cdd</c>). Pages,
/// e-mails, alerts, feeds and the API call these; none writes its own switch.
/// </summary>
public static class OpportunityLabels
{
    public static readonly IReadOnlyList<(OpportunityKind Kind, string Value, string Label)> Kinds =
    [
        (OpportunityKind.Job, "emploi", "Offre d’emploi"),
        (OpportunityKind.Takeover, "reprise", "Activité à reprendre"),
        (OpportunityKind.Creation, "creation", "Création d’activité"),
        (OpportunityKind.HealthInstallation, "sante", "Installation en santé"),
    ];

    public static readonly IReadOnlyList<(ContractType Contract, string Value, string Label)> Contracts =
    [
        (ContractType.Cdi, "cdi", "CDI"),
        (ContractType.Cdd, "cdd", "CDD"),
        (ContractType.Interim, "interim", "Intérim"),
        (ContractType.Seasonal, "saisonnier", "Saisonnier"),
        (ContractType.Apprenticeship, "apprentissage", "Apprentissage"),
        (ContractType.Liberal, "liberal", "Libéral / installation"),
    ];

    public static string Kind(OpportunityKind kind) => Kinds.Single(k => k.Kind == kind).Label;

    public static string KindValue(OpportunityKind kind) => Kinds.Single(k => k.Kind == kind).Value;

    /// <summary>The kind in the plural, heading a search's summary (« Offres d’emploi · CDI »).</summary>
    public static string KindPlural(OpportunityKind? kind) => kind switch
    {
        OpportunityKind.Job => "Offres d’emploi",
        OpportunityKind.Takeover => "Activités à reprendre",
        OpportunityKind.Creation => "Créations d’activité",
        OpportunityKind.HealthInstallation => "Installations en santé",
        _ => "Toutes les offres",
    };

    public static string Status(OpportunityStatus status) => status switch
    {
        OpportunityStatus.Draft => "Brouillon",
        OpportunityStatus.InReview => "En attente de validation",
        OpportunityStatus.Published => "Publiée",
        OpportunityStatus.Rejected => "Refusée",
        OpportunityStatus.Withdrawn => "Retirée",
        _ => "Expirée",
    };

    public static string Contract(ContractType contract) => Contracts.Single(c => c.Contract == contract).Label;

    public static string ContractValue(ContractType contract) => Contracts.Single(c => c.Contract == contract).Value;

    public static string WorkingTime(WorkingTime time) => time switch
    {
        Core.Opportunities.WorkingTime.FullTime => "Temps plein",
        _ => "Temps partiel",
    };

    /// <summary>The working time in open data (<c>temps_plein</c>, <c>temps_partiel</c>).</summary>
    public static string? WorkingTimeValue(WorkingTime? time) => time switch
    {
        Core.Opportunities.WorkingTime.FullTime => "temps_plein",
        Core.Opportunities.WorkingTime.PartTime => "temps_partiel",
        _ => null,
    };

    /// <summary>Remote work in open data (<c>aucun</c>, <c>partiel</c>, <c>total</c>).</summary>
    public static string RemoteValue(RemoteWork remote) => remote switch
    {
        RemoteWork.Partial => "partiel",
        RemoteWork.Full => "total",
        _ => "aucun",
    };

    public static string Remote(RemoteWork remote) => remote switch
    {
        RemoteWork.Partial => "Télétravail partiel",
        RemoteWork.Full => "Télétravail complet",
        _ => "Pas de télétravail",
    };

    public static string Support(SupportOrganisation support) => support switch
    {
        SupportOrganisation.Cci => "Chambre de commerce et d’industrie",
        SupportOrganisation.ChambreDeMetiers => "Chambre de métiers et de l’artisanat",
        SupportOrganisation.ChambreAgriculture => "Chambre d’agriculture",
        SupportOrganisation.Other => "Autre organisme d’accompagnement",
        _ => "Aucun",
    };
}
