using System.Text.Encodings.Web;
using Escale.Web.Infrastructure.Email;

namespace Escale.Web.Pages.Admin.Moderation;

/// <summary>The e-mails that tell a partner what happened to their opportunity, and remind them before it expires.</summary>
public static class ModerationEmails
{
    public static EmailMessage Approved(string to, string? name, string title, string link) =>
        Compose(to, name, $"Votre offre « {title} » est publiée",
            $"L’équipe Escale a relu votre offre « {title} » : elle est désormais publiée et visible dans la recherche.",
            link, "Voir mon espace partenaire");

    public static EmailMessage Rejected(string to, string? name, string title, string note, string link) =>
        Compose(to, name, $"Votre offre « {title} » n’a pas été publiée",
            $"L’équipe Escale a relu votre offre « {title} » et ne peut pas la publier en l’état. Motif : {note}\n\nVous pouvez la corriger et la soumettre à nouveau depuis votre espace partenaire.",
            link, "Corriger mon offre");

    public static EmailMessage EditApproved(string to, string? name, string title, string link) =>
        Compose(to, name, $"Votre modification de « {title} » est publiée",
            $"L’équipe Escale a relu la modification de votre offre « {title} » : la nouvelle version est en ligne.",
            link, "Voir mon espace partenaire");

    public static EmailMessage EditRejected(string to, string? name, string title, string note, string link) =>
        Compose(to, name, $"Votre modification de « {title} » n’a pas été publiée",
            $"L’équipe Escale a relu la modification de votre offre « {title} » et ne peut pas la publier en l’état. Motif : {note}\n\nLa version déjà publiée reste en ligne. Vous pouvez envoyer une nouvelle modification depuis votre espace partenaire.",
            link, "Modifier mon offre");

    public static EmailMessage ExpiresSoon(string to, string? name, string title, DateOnly expiresOn, string link) =>
        Compose(to, name, $"Votre offre « {title} » expire bientôt",
            $"Votre offre « {title} » expire le {expiresOn.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)}. Si elle est toujours d’actualité, prolongez-la de 60 jours depuis votre espace partenaire ; sinon, elle sera retirée automatiquement.",
            link, "Prolonger mon offre");

    private static EmailMessage Compose(string to, string? name, string subject, string body, string link, string action)
    {
        var greeting = string.IsNullOrWhiteSpace(name) ? "Bonjour," : $"Bonjour {name},";
        var text = $"{greeting}\n\n{body}\n\n{action} : {link}\n\n— L’équipe Escale\n";
        var html = HtmlEncoder.Default;
        var paragraphs = string.Concat(body.Split("\n\n").Select(p => $"<p>{html.Encode(p)}</p>"));
        var htmlBody = $"""
            <!DOCTYPE html>
            <html lang="fr"><body>
            <p>{html.Encode(greeting)}</p>
            {paragraphs}
            <p><a href="{html.Encode(link)}">{html.Encode(action)}</a></p>
            <p>— L’équipe Escale</p>
            </body></html>
            """;
        return new EmailMessage(to, name, subject + " — Escale", text, htmlBody);
    }
}
