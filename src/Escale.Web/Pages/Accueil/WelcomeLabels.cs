using Escale.Core.Welcome;

namespace Escale.Web.Pages.Accueil;

/// <summary>
/// The one place for the French words of the welcome journey's enumerations (also their translation keys): the case's
/// stages with what each means for the household and what comes next, the closing reasons, the project's answers and
/// the referrals. Pages, e-mails and exports call these; none writes its own switch.
/// </summary>
public static class WelcomeLabels
{
    public static string Stage(CaseStage stage) => stage switch
    {
        CaseStage.NewContact => "Nouveau contact",
        CaseStage.Qualified => "Qualifié",
        CaseStage.Accompanied => "Accompagné",
        CaseStage.Installed => "Installé",
        CaseStage.FollowUpSixMonths => "Suivi à 6 mois",
        CaseStage.FollowUpTwelveMonths => "Suivi à 12 mois",
        _ => "Clos",
    };

    /// <summary>What the stage means for the household, in plain words (the stage e-mail and the household's space).</summary>
    public static string StageMeaning(CaseStage stage) => stage switch
    {
        CaseStage.NewContact => "Votre projet est bien arrivé. Il a été confié au référent accueil du territoire que vous visez.",
        CaseStage.Qualified => "Votre référent a lu votre projet et vous a répondu : il connaît maintenant ce que vous cherchez et sait qui peut vous aider.",
        CaseStage.Accompanied => "Votre référent vous accompagne : visites, séjour découverte, mises en relation avec des employeurs, des logements, des services.",
        CaseStage.Installed => "Vous êtes installés : bienvenue ! Votre référent reste votre contact pendant votre première année.",
        CaseStage.FollowUpSixMonths => "Six mois déjà : votre référent prend de vos nouvelles pour savoir ce qui va bien et ce qui manque encore.",
        CaseStage.FollowUpTwelveMonths => "Un an après votre installation : c’est le dernier point de suivi de votre parcours d’accueil.",
        _ => "Votre dossier d’accueil est clos.",
    };

    /// <summary>What comes next after the stage.</summary>
    public static string StageNext(CaseStage stage) => stage switch
    {
        CaseStage.NewContact => "Votre référent vous écrira dans les prochains jours ouvrés pour faire le point sur votre projet.",
        CaseStage.Qualified => "Prochaine étape : organiser avec vous une visite, un séjour découverte ou les premières mises en relation.",
        CaseStage.Accompanied => "Prochaine étape : votre installation. Dites à votre référent la date de votre arrivée.",
        CaseStage.Installed => "Dans six mois, nous vous enverrons un court questionnaire pour savoir comment se passe votre nouvelle vie.",
        CaseStage.FollowUpSixMonths => "Dans six mois, un dernier questionnaire, un an après votre installation.",
        CaseStage.FollowUpTwelveMonths => "Votre dossier sera ensuite clos. Vous pouvez toujours écrire à votre référent.",
        _ => "Si votre projet reprend, écrivez-nous : votre dossier peut être rouvert.",
    };

    public static readonly IReadOnlyList<(CaseClosedReason Reason, string Label)> ClosedReasons =
    [
        (CaseClosedReason.FollowUpCompleted, "Installé, suivi terminé"),
        (CaseClosedReason.MovedElsewhere, "Installé ailleurs"),
        (CaseClosedReason.ProjectAbandoned, "Projet abandonné"),
        (CaseClosedReason.ProjectPostponed, "Projet reporté"),
        (CaseClosedReason.NoAnswer, "Sans réponse du ménage"),
        (CaseClosedReason.Duplicate, "Doublon"),
        (CaseClosedReason.AccountErased, "Compte supprimé par le ménage"),
        (CaseClosedReason.Other, "Autre raison"),
    ];

    public static string ClosedReason(CaseClosedReason reason) => ClosedReasons.Single(r => r.Reason == reason).Label;

    public static readonly IReadOnlyList<(AdultWish Wish, string Label)> Wishes =
    [
        (AdultWish.Job, "Trouver un emploi"),
        (AdultWish.CreateBusiness, "Créer une activité"),
        (AdultWish.TakeOverBusiness, "Reprendre une entreprise"),
        (AdultWish.KeepRemoteJob, "Garder mon emploi en télétravail"),
        (AdultWish.NoWork, "Pas de recherche d’activité"),
    ];

    public static string Wish(AdultWish wish) => Wishes.Single(w => w.Wish == wish).Label;

    public static readonly IReadOnlyList<(MoveTimeline Timeline, string Label)> Timelines =
    [
        (MoveTimeline.WithinSixMonths, "Dans les 6 mois"),
        (MoveTimeline.WithinYear, "Dans l’année"),
        (MoveTimeline.WithinTwoYears, "D’ici deux ans"),
        (MoveTimeline.NotDecided, "Pas encore décidé"),
    ];

    public static string Timeline(MoveTimeline timeline) => Timelines.Single(t => t.Timeline == timeline).Label;

    public static readonly IReadOnlyList<(HousingNeeds Need, string Label)> HousingChoices =
    [
        (HousingNeeds.Temporary, "Un logement temporaire, le temps de chercher"),
        (HousingNeeds.Rent, "Louer"),
        (HousingNeeds.Buy, "Acheter"),
    ];

    public static string Housing(HousingNeeds needs) => string.Join(", ", HousingLabels(needs));

    public static readonly IReadOnlyList<(HouseholdNeeds Need, string Label)> NeedChoices =
    [
        (HouseholdNeeds.School, "École, collège, lycée"),
        (HouseholdNeeds.Childcare, "Garde d’enfants"),
        (HouseholdNeeds.Health, "Médecin, santé"),
        (HouseholdNeeds.Mobility, "Transports, mobilité"),
        (HouseholdNeeds.Broadband, "Internet haut débit pour le télétravail"),
    ];

    public static string Needs(HouseholdNeeds needs) => string.Join(", ", NeedLabels(needs));

    public static readonly IReadOnlyList<(HeardFrom Source, string Label)> Sources =
    [
        (HeardFrom.Campaign, "Une campagne (affiche, annonce, réseaux sociaux)"),
        (HeardFrom.Ambassador, "Un ambassadeur du territoire"),
        (HeardFrom.Fair, "Un salon"),
        (HeardFrom.Holidays, "Des vacances ici"),
        (HeardFrom.FamilyOrFriends, "De la famille, des amis"),
        (HeardFrom.Media, "La presse, la radio, la télévision"),
        (HeardFrom.Other, "Autre"),
    ];

    public static string Source(HeardFrom source) => Sources.Single(s => s.Source == source).Label;

    public static string OrganisationKind(WelcomeOrganisationKind kind) => kind switch
    {
        WelcomeOrganisationKind.IntercommunalityService => "Service d’accueil intercommunal",
        WelcomeOrganisationKind.Chamber => "Chambre consulaire",
        WelcomeOrganisationKind.TourismAgency => "Agence de tourisme",
        _ => "Équipe départementale",
    };

    public static string AssignmentRole(AssignmentRole role) => role == Core.Welcome.AssignmentRole.Lead ? "Pilote" : "Associé";

    public static string ReferralStatus(ReferralStatus status) => status switch
    {
        Core.Welcome.ReferralStatus.Draft => "Brouillon",
        Core.Welcome.ReferralStatus.Sent => "Envoyée",
        Core.Welcome.ReferralStatus.Acknowledged => "Prise en compte",
        Core.Welcome.ReferralStatus.Completed => "Aboutie",
        Core.Welcome.ReferralStatus.Declined => "Déclinée",
        _ => "Annulée",
    };

    public static readonly IReadOnlyList<(ReferralPartnerKind Kind, string Label)> PartnerKinds =
    [
        (ReferralPartnerKind.Employer, "Employeur"),
        (ReferralPartnerKind.Chamber, "Chambre consulaire (reprise, création)"),
        (ReferralPartnerKind.HousingProvider, "Logement"),
        (ReferralPartnerKind.FranceServices, "France Services"),
        (ReferralPartnerKind.Other, "Autre partenaire"),
    ];

    public static string PartnerKind(ReferralPartnerKind kind) => PartnerKinds.Single(p => p.Kind == kind).Label;

    public static readonly IReadOnlyList<(SharedFields Field, string Label)> SharedFieldChoices =
    [
        (SharedFields.Name, "Nom et prénom"),
        (SharedFields.Email, "Adresse e-mail"),
        (SharedFields.Phone, "Téléphone"),
        (SharedFields.Occupation, "Métier"),
        (SharedFields.Experience, "Années d’expérience"),
        (SharedFields.Household, "Composition du foyer"),
        (SharedFields.Timeline, "Date d’arrivée envisagée"),
        (SharedFields.TargetPlaces, "Lieux recherchés"),
        (SharedFields.Housing, "Besoin de logement"),
    ];

    public static IEnumerable<string> Shared(SharedFields fields) => SharedFieldChoices.Where(f => fields.HasFlag(f.Field)).Select(f => f.Label);

    public static string EventKind(CaseEventKind kind) => kind switch
    {
        CaseEventKind.Created => "Projet déposé",
        CaseEventKind.Routed => "Confié à",
        CaseEventKind.AssigneeChanged => "Référent changé",
        CaseEventKind.StageChanged => "Étape",
        CaseEventKind.Transferred => "Transféré à",
        CaseEventKind.InstallationDateChanged => "Date d’installation modifiée",
        CaseEventKind.ProjectEdited => "Projet modifié",
        CaseEventKind.TaskAdded => "Tâche ajoutée",
        CaseEventKind.TaskDone => "Tâche faite",
        CaseEventKind.NoteAdded => "Note ajoutée",
        CaseEventKind.MessageToHousehold => "Message au ménage",
        CaseEventKind.MessageFromHousehold => "Message du ménage",
        CaseEventKind.ReferralDrafted => "Mise en relation préparée",
        CaseEventKind.ReferralConsented => "Partage accepté par le ménage",
        CaseEventKind.ReferralRefused => "Partage refusé par le ménage",
        CaseEventKind.ReferralSent => "Mise en relation envoyée",
        CaseEventKind.ReferralAcknowledged => "Mise en relation prise en compte",
        CaseEventKind.ReferralCompleted => "Mise en relation aboutie",
        CaseEventKind.ReferralDeclined => "Mise en relation déclinée",
        CaseEventKind.DocumentAdded => "Document ajouté",
        CaseEventKind.DocumentRemoved => "Document retiré",
        CaseEventKind.QuestionnaireSent => "Questionnaire envoyé",
        CaseEventKind.QuestionnaireAnswered => "Questionnaire rempli",
        CaseEventKind.MatchesEmailed => "Offres proposées par courriel",
        CaseEventKind.HousingRequested => "Logement temporaire demandé",
        CaseEventKind.HousingAccepted => "Logement temporaire accepté",
        CaseEventKind.HousingDeclined => "Logement temporaire refusé",
        CaseEventKind.HousingCancelled => "Logement temporaire annulé par le ménage",
        CaseEventKind.SpouseProfileShared => "Profil du conjoint partagé avec les employeurs",
        CaseEventKind.SpouseProfileSharingStopped => "Partage du profil du conjoint arrêté",
        CaseEventKind.SpouseIntroductionRequested => "Un employeur demande une mise en relation",
        CaseEventKind.SpouseIntroductionAccepted => "Mise en relation avec un employeur acceptée",
        _ => "Mise en relation avec un employeur refusée",
    };

    public static string IntroductionStatus(IntroductionStatus status) => status switch
    {
        Core.Welcome.IntroductionStatus.Pending => "Attend votre réponse",
        Core.Welcome.IntroductionStatus.Accepted => "Acceptée",
        _ => "Refusée",
    };

    public static string AccessAction(CaseAccessAction action) => action switch
    {
        CaseAccessAction.Viewed => "a consulté votre dossier",
        CaseAccessAction.Changed => "a modifié votre dossier",
        _ => "a exporté votre dossier",
    };

    /// <summary>The chosen housing needs one by one: a page translates each label, never the joined sentence.</summary>
    public static IEnumerable<string> HousingLabels(HousingNeeds needs) =>
        needs == HousingNeeds.None ? ["Aucun besoin de logement"] : HousingChoices.Where(h => needs.HasFlag(h.Need)).Select(h => h.Label);

    /// <summary>The household's chosen needs one by one, for the same reason.</summary>
    public static IEnumerable<string> NeedLabels(HouseholdNeeds needs) =>
        needs == HouseholdNeeds.None ? ["Aucun"] : NeedChoices.Where(n => needs.HasFlag(n.Need)).Select(n => n.Label);
}
