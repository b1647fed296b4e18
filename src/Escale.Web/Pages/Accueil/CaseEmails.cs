using System.Globalization;
using System.Text.Encodings.Web;
using Escale.Core.Welcome;
using Escale.Web.Infrastructure.Email;

namespace Escale.Web.Pages.Accueil;

/// <summary>
/// The e-mails of a case, written by the referents' side: the household is told of every stage change (what it means,
/// what comes next) and of every message; a referent is reminded of tasks due; a partner receives a referral. Plain
/// French, one link each, nothing of the file beyond what the reader may see.
/// </summary>
public static class CaseEmails
{
    /// <summary>The household's news of a stage change, with its meaning and what comes next (from <see cref="WelcomeLabels"/>).</summary>
    public static EmailMessage StageChanged(string to, string? name, CaseStage stage, CaseClosedReason? closedReason, DateOnly? installedOn, string spaceLink)
    {
        var body = WelcomeLabels.StageMeaning(stage);
        if (stage == CaseStage.Installed && installedOn is { } date)
        {
            body += $" Date d’installation : {Day(date)}.";
        }
        if (stage == CaseStage.Closed && closedReason is { } reason)
        {
            body += $" Motif : {WelcomeLabels.ClosedReason(reason)}.";
        }
        return Compose(to, name, $"Votre dossier d’accueil : {WelcomeLabels.Stage(stage)}",
            $"{body}\n\n{WelcomeLabels.StageNext(stage)}", spaceLink, "Voir mon espace");
    }

    /// <summary>The household's copy of a referent's message; it answers in its space, not by replying to the e-mail.</summary>
    public static EmailMessage MessageToHousehold(string to, string? name, string referentName, string body, string spaceLink) =>
        Compose(to, name, $"Un message de {referentName}, votre référent accueil",
            $"{referentName} vous a écrit :\n\n{body}\n\nPour répondre, écrivez depuis votre espace : votre réponse arrive directement dans votre dossier.",
            spaceLink, "Répondre dans mon espace");

    public sealed record DueTask(string Title, DateOnly DueOn, string CaseLink);

    /// <summary>A referent's tasks due today or overdue, once each.</summary>
    public static EmailMessage TasksDue(string to, string? name, IReadOnlyList<DueTask> tasks, string caseloadLink)
    {
        var lines = string.Join("\n\n", tasks.Select(t => $"{t.Title} — pour le {Day(t.DueOn)} : {t.CaseLink}"));
        var subject = tasks.Count == 1 ? "Une tâche d’accueil à faire" : $"{tasks.Count.ToString(CultureInfo.InvariantCulture)} tâches d’accueil à faire";
        return Compose(to, name, subject, $"Ces tâches de vos dossiers d’accueil sont à faire aujourd’hui ou en retard :\n\n{lines}",
            caseloadLink, "Voir mes dossiers");
    }

    /// <summary>A partner organisation's member receives a referral; the page shows only what the household agreed to share.</summary>
    public static EmailMessage ReferralSent(string to, string? name, string partnerName, string referentName, string referralLink) =>
        Compose(to, name, "Une mise en relation d’un nouvel arrivant",
            $"{referentName}, référent accueil, met {partnerName} en relation avec un ménage qui prépare son installation. Le ménage a accepté de vous transmettre quelques informations : vous les trouverez sur la page de la mise en relation, où vous pourrez aussi la prendre en compte.",
            referralLink, "Voir la mise en relation");

    private static string Day(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    internal static EmailMessage Compose(string to, string? name, string subject, string body, string link, string action)
    {
        var greeting = string.IsNullOrWhiteSpace(name) ? "Bonjour," : $"Bonjour {name},";
        var text = $"{greeting}\n\n{body}\n\n{action} : {link}\n\n— L’équipe Escale\n";
        var html = HtmlEncoder.Default;
        var paragraphs = string.Concat(body.Split("\n\n").Select(p => $"<p>{html.Encode(p).Replace("&#xA;", "<br>", StringComparison.Ordinal)}</p>"));
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
