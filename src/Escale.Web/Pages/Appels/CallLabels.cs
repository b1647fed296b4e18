using Escale.Core.Calls;

namespace Escale.Web.Pages.Appels;

/// <summary>The French words for the calls' kinds, phases, fields and statuses, in one place (the views translate them).</summary>
public static class CallLabels
{
    public static readonly IReadOnlyList<(CallKind Kind, string Label)> Kinds =
    [
        (CallKind.CallForProjects, "Appel à projets"),
        (CallKind.BusinessCreationContest, "Concours de création d’entreprise"),
    ];

    public static readonly IReadOnlyList<(CallAudience Audience, string Label)> Audiences =
    [
        (CallAudience.Anyone, "Ouvert à toutes et tous"),
        (CallAudience.Youth, "Réservé aux jeunes"),
        (CallAudience.Residents, "Réservé aux habitants de certaines intercommunalités"),
    ];

    public static readonly IReadOnlyList<(CallPhase Phase, string Label)> Phases =
    [
        (CallPhase.Draft, "En préparation"),
        (CallPhase.Announced, "Annoncé"),
        (CallPhase.Open, "Candidatures ouvertes"),
        (CallPhase.Evaluation, "En cours d’évaluation"),
        (CallPhase.Results, "Résultats publiés"),
        (CallPhase.FollowUp, "Suivi des lauréats"),
    ];

    public static readonly IReadOnlyList<(CallFieldType Type, string Label)> FieldTypes =
    [
        (CallFieldType.ShortText, "Texte court"),
        (CallFieldType.LongText, "Texte long"),
        (CallFieldType.Choice, "Choix dans une liste"),
        (CallFieldType.Number, "Nombre"),
        (CallFieldType.Date, "Date"),
        (CallFieldType.File, "Fichier"),
        (CallFieldType.YesNo, "Oui ou non"),
    ];

    public static readonly IReadOnlyList<(FieldVisibility Visibility, string Label)> Visibilities =
    [
        (FieldVisibility.Public, "Public (sur la page des lauréats)"),
        (FieldVisibility.Private, "Privé (jury et équipe seulement)"),
        (FieldVisibility.HiddenFromJury, "Masqué au jury (équipe seulement)"),
    ];

    public static readonly IReadOnlyList<(ApplicationStatus Status, string Label)> Statuses =
    [
        (ApplicationStatus.Draft, "Brouillon"),
        (ApplicationStatus.AwaitingGuardian, "En attente de l’accord d’un représentant légal"),
        (ApplicationStatus.Submitted, "Envoyée"),
        (ApplicationStatus.Eligible, "Recevable"),
        (ApplicationStatus.Ineligible, "Non recevable"),
        (ApplicationStatus.UnderEvaluation, "En cours d’évaluation"),
        (ApplicationStatus.Laureate, "Lauréate"),
        (ApplicationStatus.NotSelected, "Non retenue"),
        (ApplicationStatus.Withdrawn, "Retirée"),
    ];

    public static readonly IReadOnlyList<(GuardianConsentKind Kind, string Label)> GuardianKinds =
    [
        (GuardianConsentKind.Consent, "Consentement conjoint (moins de 15 ans)"),
        (GuardianConsentKind.Authorisation, "Autorisation parentale"),
        (GuardianConsentKind.Information, "Information du représentant légal"),
    ];

    public static string Of(CallKind kind) => Kinds.First(k => k.Kind == kind).Label;

    public static string Of(CallAudience audience) => Audiences.First(a => a.Audience == audience).Label;

    public static string Of(CallPhase phase) => Phases.First(p => p.Phase == phase).Label;

    public static string Of(CallFieldType type) => FieldTypes.First(t => t.Type == type).Label;

    public static string Of(FieldVisibility visibility) => Visibilities.First(v => v.Visibility == visibility).Label;

    public static string Of(ApplicationStatus status) => Statuses.First(s => s.Status == status).Label;

    public static string Of(GuardianConsentKind kind) => GuardianKinds.First(k => k.Kind == kind).Label;
}
