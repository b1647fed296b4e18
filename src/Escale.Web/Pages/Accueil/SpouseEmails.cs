using Escale.Web.Infrastructure.Email;

namespace Escale.Web.Pages.Accueil;

/// <summary>
/// The e-mails of a spouse profile's introductions: the household is told when an employer asks and when it answered;
/// the employer is told the answer. Nothing of the profile beyond what its reader may already see.
/// </summary>
public static class SpouseEmails
{
    public static EmailMessage IntroductionRequested(string to, string? name, string partnerName, string message, string spaceLink) =>
        CaseEmails.Compose(to, name, "Un employeur aimerait vous rencontrer",
            $"{partnerName} a trouvé votre profil de conjoint parmi les profils partagés et demande une mise en relation. Son message :\n\n{message}\n\nIl ne connaît ni votre nom ni votre contact : acceptez ou refusez depuis votre espace. Rien ne lui est transmis sans votre accord.",
            spaceLink, "Répondre dans mon espace");

    public static EmailMessage IntroductionAnswered(string to, string? name, string partnerName, bool accepted, string spaceLink) =>
        CaseEmails.Compose(to, name, accepted ? "Mise en relation acceptée" : "Mise en relation refusée",
            accepted
                ? $"Vous avez accepté la mise en relation avec {partnerName} : cet employeur voit maintenant votre nom, votre adresse électronique, votre téléphone et votre CV, et peut vous contacter."
                : $"Vous avez refusé la mise en relation avec {partnerName} : rien ne lui est transmis.",
            spaceLink, "Voir mon espace");

    public static EmailMessage AnswerToEmployer(string to, string? name, bool accepted, string introductionLink) =>
        CaseEmails.Compose(to, name, accepted ? "Votre demande de mise en relation est acceptée" : "Votre demande de mise en relation n’a pas abouti",
            accepted
                ? "La personne dont vous avez demandé à connaître le profil accepte la mise en relation : ses coordonnées et son CV vous attendent dans votre espace partenaire."
                : "La personne dont vous avez demandé à connaître le profil ne donne pas suite. Ses coordonnées ne vous sont pas transmises.",
            introductionLink, "Voir la demande");
}
