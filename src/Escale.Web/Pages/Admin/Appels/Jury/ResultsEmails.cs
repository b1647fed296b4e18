using System.Text.Encodings.Web;
using Escale.Core.Calls;
using Escale.Web.Infrastructure.Email;

namespace Escale.Web.Pages.Admin.Appels.Jury;

/// <summary>What each member of each team is told when a call's results are published: laureate or not, and the jury's feedback.</summary>
public sealed class ResultsEmails(IEmailOutbox outbox)
{
    public void Result(string email, string name, string callTitle, string projectTitle, ApplicationDecision decision, string? feedback, string link)
    {
        List<string> paragraphs =
        [
            $"Bonjour {name},",
            decision == ApplicationDecision.Laureate
                ? $"Les résultats de « {callTitle} » sont publiés : félicitations, votre projet « {projectTitle} » est lauréat !"
                : $"Les résultats de « {callTitle} » sont publiés : votre projet « {projectTitle} » n’a pas été retenu cette fois. Merci pour votre candidature.",
        ];
        if (!string.IsNullOrWhiteSpace(feedback))
        {
            paragraphs.Add("L’avis du jury :\n" + feedback.Trim());
        }
        paragraphs.Add(decision == ApplicationDecision.Laureate
            ? "L’équipe qui organise l’appel vous contactera pour la suite. Votre candidature :"
            : "Votre candidature :");
        var subject = decision == ApplicationDecision.Laureate
            ? $"Votre projet est lauréat : {callTitle}"
            : $"Résultats : {callTitle}";
        var text = string.Join("\n\n", paragraphs) + $"\n\n{link}\n\n— L’équipe Escale\n";
        var html = HtmlEncoder.Default;
        var body = "<!DOCTYPE html>\n<html lang=\"fr\"><body>\n"
            + string.Concat(paragraphs.Select(p => $"<p>{html.Encode(p).Replace("&#xA;", "<br>", StringComparison.Ordinal)}</p>\n"))
            + $"<p><a href=\"{html.Encode(link)}\">{html.Encode(link)}</a></p>\n<p>— L’équipe Escale</p>\n</body></html>";
        outbox.Enqueue(new EmailMessage(email, name, subject + " — Escale", text, body));
    }
}
