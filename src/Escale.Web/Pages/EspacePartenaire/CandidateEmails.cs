using System.Text.Encodings.Web;
using Escale.Core.Opportunities.Interest;
using Escale.Web.Infrastructure.Email;

namespace Escale.Web.Pages.EspacePartenaire;

/// <summary>
/// What a candidate is told when the employer follows up on their interest: an answer, or a new status. Plain French
/// text with the same content in HTML; the employer's words are HTML-encoded. An answer carries the employer's address
/// as Reply-To, so that the candidate's reply reaches them and not Escale. Nothing internal (who clicked, notes) is said.
/// </summary>
public sealed class CandidateEmails(IEmailOutbox outbox)
{
    public sealed record Candidate(string Name, string Email);

    public void Answer(Candidate candidate, string opportunityTitle, string organisationName, string message, string replyTo, string opportunityUrl) =>
        Queue(candidate, $"Réponse de {organisationName} au sujet de « {opportunityTitle} »",
            [$"Bonjour {candidate.Name},", $"{organisationName} vous répond au sujet de l’offre « {opportunityTitle} » :", message,
             "Pour lui répondre, répondez simplement à ce courriel. L’offre :"],
            opportunityUrl, new Dictionary<string, string> { ["Reply-To"] = replyTo });

    public void StatusChanged(Candidate candidate, string opportunityTitle, string organisationName, CandidateStatus status, string link) =>
        Queue(candidate, $"Votre candidature pour « {opportunityTitle} »",
            [$"Bonjour {candidate.Name},", StatusSentence(status, opportunityTitle, organisationName), Closing(status)],
            link);

    private static string StatusSentence(CandidateStatus status, string title, string organisation) => status switch
    {
        CandidateStatus.Contacted => $"{organisation} a pris connaissance de votre intérêt pour l’offre « {title} » et vous a contacté·e, ou le fera très prochainement, avec l’adresse ou le numéro que vous avez indiqués.",
        CandidateStatus.Retained => $"Bonne nouvelle : {organisation} retient votre candidature pour l’offre « {title} ». L’employeur reviendra vers vous pour la suite.",
        CandidateStatus.NotRetained => $"{organisation} ne retient pas votre candidature pour l’offre « {title} ». Merci de l’intérêt que vous lui avez porté.",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    private static string Closing(CandidateStatus status) => status == CandidateStatus.NotRetained
        ? "D’autres offres vous attendent peut-être :"
        : "L’offre :";

    private void Queue(Candidate candidate, string subject, IReadOnlyList<string> paragraphs, string link, IReadOnlyDictionary<string, string>? headers = null)
    {
        var text = string.Join("\n\n", paragraphs) + $"\n\n{link}\n\n— L’équipe Escale\n";
        var html = HtmlEncoder.Default;
        var body = "<!DOCTYPE html>\n<html lang=\"fr\"><body>\n"
            + string.Concat(paragraphs.Select(p => $"<p>{html.Encode(p).Replace("&#xA;", "<br>", StringComparison.Ordinal)}</p>\n"))
            + $"<p><a href=\"{html.Encode(link)}\">{html.Encode(link)}</a></p>\n<p>— L’équipe Escale</p>\n</body></html>";
        outbox.Enqueue(new EmailMessage(candidate.Email, candidate.Name, subject + " — Escale", text, body, headers));
    }
}
