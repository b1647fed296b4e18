using Escale.Core.WelcomeNetworks;

namespace Escale.Web.Pages.ReseauAccueil;

/// <summary>The French words for the welcome network's kinds and roles, in one place (the views translate them).</summary>
public static class WelcomeNetworkLabels
{
    public static readonly IReadOnlyList<(WelcomeStructureKind Kind, string Label)> Kinds =
    [
        (WelcomeStructureKind.TownHall, "Mairie"),
        (WelcomeStructureKind.WelcomeService, "Service d’accueil"),
        (WelcomeStructureKind.FranceServices, "France Services"),
        (WelcomeStructureKind.TouristOffice, "Office de tourisme"),
        (WelcomeStructureKind.Association, "Association"),
        (WelcomeStructureKind.Chamber, "Chambre consulaire"),
        (WelcomeStructureKind.Other, "Autre structure"),
    ];

    public static readonly IReadOnlyList<(WelcomeMemberRole Role, string Label)> Roles =
    [
        (WelcomeMemberRole.Referent, "Référent accueil"),
        (WelcomeMemberRole.Coordinator, "Coordinateur ou coordinatrice"),
        (WelcomeMemberRole.Volunteer, "Bénévole"),
        (WelcomeMemberRole.ElectedOfficial, "Élu ou élue"),
        (WelcomeMemberRole.Staff, "Salarié ou salariée"),
    ];

    public static string Of(WelcomeStructureKind kind) => Kinds.First(k => k.Kind == kind).Label;

    public static string Of(WelcomeMemberRole role) => Roles.First(r => r.Role == role).Label;

    public static string Of(RegistrationStatus status) => status == RegistrationStatus.Confirmed ? "Inscription confirmée" : "Sur liste d’attente";
}
