using System.Net.Sockets;
using System.Text.Encodings.Web;
using Escale.Web.Infrastructure.Email;
using MailKit;
using MailKit.Net.Smtp;

namespace Escale.Web.Pages.Offres;

/// <summary>
/// The e-mails of the « Je suis intéressé·e » form and of takeover contact requests. Plain French text with the same
/// content in HTML; every value from a visitor is HTML-encoded.
/// </summary>
public sealed class OfferEmails(IEmailSender sender, ILogger<OfferEmails> logger)
{
    public sealed record Person(string Name, string Email, string? Phone, string? Message);

    public Task AcknowledgeInterestAsync(Person candidate, string offerTitle, string offerUrl, CancellationToken ct) =>
        SendAsync(candidate.Email, candidate.Name, $"Votre intérêt pour « {offerTitle} »",
            [$"Bonjour {candidate.Name},", $"Nous avons bien reçu votre message au sujet de l’offre « {offerTitle} ». Nous l’avons transmis à la personne qui la publie, qui vous répondra directement.", "Vous pouvez revoir l’offre ici :"],
            offerUrl, ct);

    public Task NotifyPublisherAsync(string to, Person candidate, string offerTitle, string offerUrl, CancellationToken ct) =>
        SendAsync(to, null, $"Une personne est intéressée par « {offerTitle} »",
            ["Bonjour,", $"Une personne a dit son intérêt pour votre offre « {offerTitle} » sur Escale et accepte d’être contactée.", .. Details(candidate), "L’offre :"],
            offerUrl, ct);

    public Task AcknowledgeContactRequestAsync(Person candidate, string offerTitle, string offerUrl, CancellationToken ct) =>
        SendAsync(candidate.Email, candidate.Name, $"Votre demande de contact pour « {offerTitle} »",
            [$"Bonjour {candidate.Name},", $"Votre demande de contact au sujet de l’activité à reprendre « {offerTitle} » a été transmise au cédant. S’il l’accepte, vous recevrez ses coordonnées par courriel ; sinon, nous vous le dirons aussi.", "L’annonce :"],
            offerUrl, ct);

    public Task AskSellerAsync(string to, string? sellerName, Person candidate, string offerTitle, string decisionUrl, CancellationToken ct) =>
        SendAsync(to, sellerName, $"Demande de contact pour « {offerTitle} »",
            [string.IsNullOrWhiteSpace(sellerName) ? "Bonjour," : $"Bonjour {sellerName},",
             $"Une personne souhaite échanger avec vous au sujet de votre activité « {offerTitle} », publiée anonymement sur Escale.", .. Details(candidate),
             "Vos coordonnées ne lui seront transmises que si vous acceptez. Pour accepter ou refuser, ouvrez ce lien :"],
            decisionUrl, ct);

    public Task RevealSellerAsync(Person candidate, string offerTitle, string? sellerName, string? sellerEmail, string? sellerPhone, string offerUrl, CancellationToken ct) =>
        SendAsync(candidate.Email, candidate.Name, $"Le cédant accepte votre demande pour « {offerTitle} »",
            [$"Bonjour {candidate.Name},", $"Bonne nouvelle : le cédant de l’activité « {offerTitle} » accepte d’échanger avec vous. Voici ses coordonnées :",
             $"Nom : {sellerName ?? "non précisé"}", $"Courriel : {sellerEmail ?? "non précisé"}", $"Téléphone : {sellerPhone ?? "non précisé"}",
             "Prenez contact directement avec lui. L’annonce :"],
            offerUrl, ct);

    public Task DeclineAsync(Person candidate, string offerTitle, string searchUrl, CancellationToken ct) =>
        SendAsync(candidate.Email, candidate.Name, $"Votre demande pour « {offerTitle} »",
            [$"Bonjour {candidate.Name},", $"Le cédant de l’activité « {offerTitle} » ne donne pas suite à votre demande de contact. Nous vous remercions de votre intérêt et vous souhaitons de trouver le projet qui vous convient.",
             "D’autres activités à reprendre vous attendent peut-être :"],
            searchUrl, ct);

    private static IEnumerable<string> Details(Person candidate) =>
        new[]
        {
            $"Nom : {candidate.Name}",
            $"Courriel : {candidate.Email}",
            string.IsNullOrWhiteSpace(candidate.Phone) ? null : $"Téléphone : {candidate.Phone}",
            string.IsNullOrWhiteSpace(candidate.Message) ? null : $"Message :\n{candidate.Message}",
        }.OfType<string>();

    /// <summary>
    /// An unreachable mail server must not turn a recorded interest into an error page: the record exists and the
    /// team can follow it up. The failure is logged without the address.
    /// </summary>
    private async Task SendAsync(string to, string? toName, string subject, IReadOnlyList<string> paragraphs, string link, CancellationToken ct)
    {
        var text = string.Join("\n\n", paragraphs) + $"\n\n{link}\n\n— L’équipe Escale\n";
        var html = HtmlEncoder.Default;
        var body = "<!DOCTYPE html>\n<html lang=\"fr\"><body>\n"
            + string.Concat(paragraphs.Select(p => $"<p>{html.Encode(p).Replace("&#xA;", "<br>", StringComparison.Ordinal)}</p>\n"))
            + $"<p><a href=\"{html.Encode(link)}\">{html.Encode(link)}</a></p>\n<p>— L’équipe Escale</p>\n</body></html>";
        try
        {
            await sender.SendAsync(new EmailMessage(to, toName, subject + " — Escale", text, body), ct);
        }
        catch (Exception ex) when (ex is IOException or SocketException or SmtpCommandException or SmtpProtocolException or ServiceNotConnectedException or MailKit.Security.AuthenticationException)
        {
            logger.LogError(ex, "Offer e-mail could not be sent");
        }
    }
}
