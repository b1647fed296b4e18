using Escale.Core.Identity;

namespace Escale.Web.Infrastructure.Identity;

/// <summary>The French name of each role, as users say it (see docs/glossary.md); used as a localizer key.</summary>
public static class RoleLabels
{
    public static string Of(string role) => role switch
    {
        Roles.Administrator => "Administrateur",
        Roles.Editor => "Éditeur",
        Roles.WelcomeReferent => "Référent accueil",
        Roles.CommissionMember => "Membre de commission",
        Roles.Ambassador => "Ambassadeur",
        Roles.Partner => "Partenaire",
        Roles.Newcomer => "Nouvel arrivant",
        Roles.Jury => "Jury",
        _ => role,
    };
}
