using System.Text.Encodings.Web;
using Escale.Core.BrandCoCreation;
using Escale.Web.Infrastructure.Email;
using Escale.Web.Infrastructure.Links;

namespace Escale.Web.Pages.Jeunes.Marque;

/// <summary>What the author of a brand proposal is told: published, not published (and why), the commission's answer. Plain French text with the same content in HTML.</summary>
public sealed class BrandEmails(IEmailOutbox outbox, SiteLinks links)
{
    public void Published(string email, string? name, BrandProposal proposal) =>
        Queue(email, name, $"Votre proposition « {proposal.Title} » est publiée",
            [
                $"Votre proposition « {proposal.Title} » pour la marque du territoire est publiée : chacun peut maintenant la lire, la commenter et voter pour elle.",
                "La commission communication y répondra publiquement, et nous vous écrirons à ce moment-là.",
                "Votre proposition :",
            ], links.Absolute(BrandLabels.ProposalPath(proposal.Id)));

    public void Rejected(string email, string? name, BrandProposal proposal) =>
        Queue(email, name, $"Votre proposition « {proposal.Title} » n’a pas été publiée",
            [
                $"L’équipe de modération a relu votre proposition « {proposal.Title} » et ne peut pas la publier.",
                $"Motif : {proposal.RejectionReason}",
                "Vous pouvez faire une nouvelle proposition :",
            ], links.Absolute("/jeunes/marque/proposer"));

    public void Answered(string email, string? name, BrandProposal proposal) =>
        Queue(email, name, $"La commission a répondu à votre proposition « {proposal.Title} »",
            [
                $"La commission communication a répondu à votre proposition « {proposal.Title} ».",
                $"Sa réponse : {BrandLabels.Answer(proposal.Answer!.Value)}.",
                $"Pourquoi : {proposal.AnswerReason}",
                "Merci pour votre participation. La réponse est publiée avec votre proposition :",
            ], links.Absolute(BrandLabels.ProposalPath(proposal.Id)));

    private void Queue(string email, string? name, string subject, IReadOnlyList<string> paragraphs, string link)
    {
        var greeting = string.IsNullOrWhiteSpace(name) ? "Bonjour," : $"Bonjour {name},";
        IReadOnlyList<string> all = [greeting, .. paragraphs];
        var text = string.Join("\n\n", all) + $"\n\n{link}\n\n— L’équipe Escale\n";
        var html = HtmlEncoder.Default;
        var body = "<!DOCTYPE html>\n<html lang=\"fr\"><body>\n"
            + string.Concat(all.Select(p => $"<p>{html.Encode(p).Replace("&#xA;", "<br>", StringComparison.Ordinal)}</p>\n"))
            + $"<p><a href=\"{html.Encode(link)}\">{html.Encode(link)}</a></p>\n<p>— L’équipe Escale</p>\n</body></html>";
        outbox.Enqueue(new EmailMessage(email, name, subject + " — Escale", text, body));
    }
}
