using System.Text.Encodings.Web;
using Escale.Web.Infrastructure.Email;

namespace Escale.Web.Pages.Offres;

/// <summary>
/// The e-mails of the « Je suis intéressé·e » form and of takeover contact requests. Plain French text with the same
/// content in HTML; every value from a visitor is HTML-encoded. They go to the outbox, saved by the caller's
/// SaveChanges with the interest or the decision they tell of.
/// </summary>
public sealed class OpportunityEmails(IEmailOutbox outbox)
{
    public sealed record Person(string Name, string Email, string? Phone, string? Message);

    public void AcknowledgeInterest(Person candidate, string opportunityTitle, string opportunityUrl) =>
        Queue(candidate.Email, candidate.Name, $"Votre intérêt pour « {opportunityTitle} »",
            [$"Bonjour {candidate.Name},", $"Nous avons bien reçu votre message au sujet de l’offre « {opportunityTitle} ». Nous l’avons transmis à la personne qui la publie, qui vous répondra directement.", "Vous pouvez revoir l’offre ici :"],
            opportunityUrl);

    /// <param name="candidatesUrl">The offer's candidates in the partner space, where the organisation answers and follows them up; null for an offer without an organisation.</param>
    public void NotifyPublisher(string to, Person candidate, string opportunityTitle, string opportunityUrl, string? candidatesUrl) =>
        Queue(to, null, $"Une personne est intéressée par « {opportunityTitle} »",
            candidatesUrl is null
                ? ["Bonjour,", $"Une personne a dit son intérêt pour votre offre « {opportunityTitle} » sur Escale et accepte d’être contactée.", .. Details(candidate), "L’offre :"]
                : ["Bonjour,", $"Une personne a dit son intérêt pour votre offre « {opportunityTitle} » sur Escale et accepte d’être contactée.", .. Details(candidate),
                   $"L’offre : {opportunityUrl}", "Répondez-lui et dites-lui où en est sa candidature depuis votre espace partenaire :"],
            candidatesUrl ?? opportunityUrl);

    public void AcknowledgeContactRequest(Person candidate, string opportunityTitle, string opportunityUrl) =>
        Queue(candidate.Email, candidate.Name, $"Votre demande de contact pour « {opportunityTitle} »",
            [$"Bonjour {candidate.Name},", $"Votre demande de contact au sujet de l’activité à reprendre « {opportunityTitle} » a été transmise au cédant. S’il l’accepte, vous recevrez ses coordonnées par courriel ; sinon, nous vous le dirons aussi.", "L’annonce :"],
            opportunityUrl);

    public void AskSeller(string to, string? sellerName, Person candidate, string opportunityTitle, string decisionUrl) =>
        Queue(to, sellerName, $"Demande de contact pour « {opportunityTitle} »",
            [string.IsNullOrWhiteSpace(sellerName) ? "Bonjour," : $"Bonjour {sellerName},",
             $"Une personne souhaite échanger avec vous au sujet de votre activité « {opportunityTitle} », publiée anonymement sur Escale.", .. Details(candidate),
             "Vos coordonnées ne lui seront transmises que si vous acceptez. Pour accepter ou refuser, ouvrez ce lien :"],
            decisionUrl);

    public void RevealSeller(Person candidate, string opportunityTitle, string? sellerName, string? sellerEmail, string? sellerPhone, string opportunityUrl) =>
        Queue(candidate.Email, candidate.Name, $"Le cédant accepte votre demande pour « {opportunityTitle} »",
            [$"Bonjour {candidate.Name},", $"Bonne nouvelle : le cédant de l’activité « {opportunityTitle} » accepte d’échanger avec vous. Voici ses coordonnées :",
             $"Nom : {sellerName ?? "non précisé"}", $"Courriel : {sellerEmail ?? "non précisé"}", $"Téléphone : {sellerPhone ?? "non précisé"}",
             "Prenez contact directement avec lui. L’annonce :"],
            opportunityUrl);

    public void Decline(Person candidate, string opportunityTitle, string searchUrl) =>
        Queue(candidate.Email, candidate.Name, $"Votre demande pour « {opportunityTitle} »",
            [$"Bonjour {candidate.Name},", $"Le cédant de l’activité « {opportunityTitle} » ne donne pas suite à votre demande de contact. Nous vous remercions de votre intérêt et vous souhaitons de trouver le projet qui vous convient.",
             "D’autres activités à reprendre vous attendent peut-être :"],
            searchUrl);

    private static IEnumerable<string> Details(Person candidate) =>
        new[]
        {
            $"Nom : {candidate.Name}",
            $"Courriel : {candidate.Email}",
            string.IsNullOrWhiteSpace(candidate.Phone) ? null : $"Téléphone : {candidate.Phone}",
            string.IsNullOrWhiteSpace(candidate.Message) ? null : $"Message :\n{candidate.Message}",
        }.OfType<string>();

    private void Queue(string to, string? toName, string subject, IReadOnlyList<string> paragraphs, string link)
    {
        var text = string.Join("\n\n", paragraphs) + $"\n\n{link}\n\n— L’équipe Escale\n";
        var html = HtmlEncoder.Default;
        var body = "<!DOCTYPE html>\n<html lang=\"fr\"><body>\n"
            + string.Concat(paragraphs.Select(p => $"<p>{html.Encode(p).Replace("&#xA;", "<br>", StringComparison.Ordinal)}</p>\n"))
            + $"<p><a href=\"{html.Encode(link)}\">{html.Encode(link)}</a></p>\n<p>— L’équipe Escale</p>\n</body></html>";
        outbox.Enqueue(new EmailMessage(to, toName, subject + " — Escale", text, body));
    }
}
