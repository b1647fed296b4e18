using System.Globalization;
using System.Text.Encodings.Web;
using Escale.Core.Calls;
using Escale.Core.Data;
using Escale.Web.Infrastructure.Email;
using Escale.Web.Infrastructure.Links;
using Escale.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Candidatures;

/// <summary>
/// What the people of an application and the guardians of its minors are told, one method per message, through the
/// outbox (the caller's SaveChanges sends them with the change that causes them). Plain French text with the same
/// content in HTML. <see cref="StatusChangedAsync"/> tells every confirmed member of the application's current status,
/// whoever changed it (the lead, a guardian, the team's eligibility decision or the published results).
/// </summary>
public sealed class ApplicationEmails(IEmailOutbox outbox, EscaleDbContext db, SiteLinks links, ApplicationTokens tokens)
{
    public static string ApplicationPath(int id) => "/candidatures/" + id.ToString(CultureInfo.InvariantCulture);

    public static string InvitationPath(string token) => "/candidatures/invitation/" + token;

    public static string ConsentPath(string token) => "/appels/consentement/" + token;

    public static string WithdrawalPath(string token) => "/appels/consentement/retrait/" + token;

    public void Invitation(ApplicationMember member, string leadName, string callTitle, string projectTitle, string token) =>
        Queue(member.Email, member.Name, $"Invitation dans l’équipe de {leadName} : {callTitle}",
            [
                $"Bonjour {member.Name},",
                $"{leadName} vous invite à rejoindre son équipe pour candidater à « {callTitle} »"
                    + (string.IsNullOrWhiteSpace(projectTitle) ? "." : $", avec le projet « {projectTitle} »."),
                "Pour confirmer votre participation, ouvrez ce lien, connectez-vous (ou créez votre compte, puis rouvrez ce lien) et indiquez votre date de naissance. Le lien ne sert qu’une fois.",
            ], links.Absolute(InvitationPath(token)));

    public void GuardianConsentRequest(GuardianConsent consent, string minorName, string callTitle, string projectTitle, string token)
    {
        var authorisation = consent.Kind == GuardianConsentKind.Authorisation;
        Queue(consent.GuardianEmail, consent.GuardianName,
            authorisation ? $"Autorisation demandée pour {minorName} : {callTitle}" : $"Votre accord est demandé pour {minorName} : {callTitle}",
            [
                $"Bonjour {consent.GuardianName},",
                $"{minorName} candidate à « {callTitle} » avec le projet « {projectTitle} ». Vous êtes indiqué comme son représentant légal.",
                authorisation
                    ? "Cet appel demande l’autorisation d’un représentant légal pour chaque candidat mineur. La candidature ne sera envoyée qu’avec votre autorisation."
                    : "Comme votre enfant a moins de 15 ans, la loi demande que vous consentiez avec lui à l’utilisation de ses données (loi Informatique et Libertés, article 45). La candidature ne sera envoyée qu’avec votre accord.",
                $"Le lien ci-dessous vous dit quelles données sont gardées et vous permet de confirmer votre identité et de donner votre accord. Il est valable jusqu’au {Day(consent.ExpiresAt)} et ne sert qu’une fois.",
                $"Si vous ne souhaitez pas que votre enfant candidate, vous pouvez retirer la candidature : {links.Absolute(WithdrawalPath(tokens.WithdrawalToken(consent.Id)))}",
                "Pour donner votre accord :",
            ], links.Absolute(ConsentPath(token)));
    }

    public void GuardianInformation(GuardianConsent consent, string minorName, string callTitle, string projectTitle) =>
        Queue(consent.GuardianEmail, consent.GuardianName, $"Pour information : {minorName} candidate à {callTitle}",
            [
                $"Bonjour {consent.GuardianName},",
                $"{minorName} candidate à « {callTitle} » avec le projet « {projectTitle} ». Vous êtes indiqué comme son représentant légal : nous vous en informons.",
                "Son nom, sa date de naissance, sa commune et son établissement sont gardés avec la candidature et ne sont jamais publiés ; ils ne sont pas montrés au jury.",
                "Si vous vous opposez à cette candidature, vous pouvez la retirer à tout moment :",
            ], links.Absolute(WithdrawalPath(tokens.WithdrawalToken(consent.Id))));

    /// <summary>The receipt of a submitted application, to every confirmed member.</summary>
    public void SubmissionReceipt(CallApplication application, string callTitle, DateTimeOffset closesAt, IEnumerable<ApplicationMember> members)
    {
        foreach (var member in members.Where(m => m.ConfirmedAt is not null))
        {
            Queue(member.Email, member.Name, $"Candidature envoyée : {callTitle}",
                [
                    $"Bonjour {member.Name},",
                    $"La candidature « {application.ProjectTitle} » à « {callTitle} » est bien envoyée (n° {application.Id.ToString(CultureInfo.InvariantCulture)}).",
                    $"Elle peut encore être retirée par la personne qui la porte jusqu’à la date limite, le {When(closesAt)}. Chaque étape vous sera annoncée par courriel.",
                    "Pour la consulter :",
                ], links.Absolute(ApplicationPath(application.Id)));
        }
    }

    /// <summary>
    /// Tells every confirmed member of the application's current status: the receipt once submitted, eligible or not
    /// (with the reason), under evaluation, laureate or not (with the jury's feedback), withdrawn (with why). Loads what
    /// it needs; the caller saves.
    /// </summary>
    public async Task StatusChangedAsync(CallApplication application, CancellationToken cancellationToken = default)
    {
        var call = await db.Calls.AsNoTracking().Where(c => c.Id == application.CallId)
            .Select(c => new { c.Title, c.ClosesAt }).SingleAsync(cancellationToken);
        var members = await db.ApplicationMembers.AsNoTracking()
            .Where(m => m.ApplicationId == application.Id && m.ConfirmedAt != null).ToListAsync(cancellationToken);
        QueueStatusChange(application, call.Title, call.ClosesAt, members);
    }

    /// <summary>
    /// The same, for a caller that has the call and the team at hand (the jury's assignment and the results, which tell
    /// many applications at once); only the confirmed members are told.
    /// </summary>
    public void QueueStatusChange(CallApplication application, string callTitle, DateTimeOffset closesAt, IEnumerable<ApplicationMember> team)
    {
        var members = team.Where(m => m.ConfirmedAt is not null).ToList();
        if (application.Status == ApplicationStatus.Submitted)
        {
            SubmissionReceipt(application, callTitle, closesAt, members);
            return;
        }
        var (subject, lines) = application.Status switch
        {
            ApplicationStatus.Eligible => ("Candidature recevable", new List<string>
            {
                $"La candidature « {application.ProjectTitle} » à « {callTitle} » est recevable : elle sera évaluée par le jury.",
            }),
            ApplicationStatus.Ineligible => ("Candidature non recevable", new List<string>
            {
                $"La candidature « {application.ProjectTitle} » à « {callTitle} » n’est pas recevable.",
                $"La raison : {application.StatusReason}",
            }),
            ApplicationStatus.UnderEvaluation => ("Candidature en cours d’évaluation", new List<string>
            {
                $"Le jury évalue la candidature « {application.ProjectTitle} » à « {callTitle} ».",
            }),
            ApplicationStatus.Laureate => ("Votre projet est lauréat", new List<string>
            {
                $"Félicitations : la candidature « {application.ProjectTitle} » est lauréate de « {callTitle} ».",
            }),
            ApplicationStatus.NotSelected => ("Résultats de l’appel", new List<string>
            {
                $"La candidature « {application.ProjectTitle} » n’a pas été retenue par le jury de « {callTitle} ».",
            }),
            ApplicationStatus.Withdrawn => ("Candidature retirée", new List<string>
            {
                $"La candidature « {application.ProjectTitle} » à « {callTitle} » est retirée.",
                application.StatusReason is { Length: > 0 } why ? why : "",
            }),
            ApplicationStatus.AwaitingGuardian => ("Candidature en attente d’un représentant légal", new List<string>
            {
                $"La candidature « {application.ProjectTitle} » à « {callTitle} » attend l’accord d’un représentant légal : elle sera envoyée dès qu’il l’aura donné.",
            }),
            _ => ("Candidature modifiée", new List<string> { $"La candidature « {application.ProjectTitle} » à « {callTitle} » a changé d’état." }),
        };
        if (application.Status is ApplicationStatus.Laureate or ApplicationStatus.NotSelected && application.JuryFeedback is { Length: > 0 } feedback)
        {
            lines.Add($"Le mot du jury : {feedback}");
        }
        foreach (var member in members)
        {
            Queue(member.Email, member.Name, $"{subject} : {callTitle}",
                [$"Bonjour {member.Name},", .. lines.Where(l => l.Length > 0), "Pour la consulter :"], links.Absolute(ApplicationPath(application.Id)));
        }
    }

    private static string Day(DateTimeOffset utc) => ParisTime.ToLocal(utc).ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("fr-FR"));

    private static string When(DateTimeOffset utc) => ParisTime.ToLocal(utc).ToString("dddd d MMMM yyyy 'à' HH:mm", CultureInfo.GetCultureInfo("fr-FR"));

    private void Queue(string email, string name, string subject, IReadOnlyList<string> paragraphs, string link)
    {
        var text = string.Join("\n\n", paragraphs) + $"\n\n{link}\n\n— L’équipe Escale\n";
        var html = HtmlEncoder.Default;
        var body = "<!DOCTYPE html>\n<html lang=\"fr\"><body>\n"
            + string.Concat(paragraphs.Select(p => $"<p>{html.Encode(p)}</p>\n"))
            + $"<p><a href=\"{html.Encode(link)}\">{html.Encode(link)}</a></p>\n<p>— L’équipe Escale</p>\n</body></html>";
        outbox.Enqueue(new EmailMessage(email, name, subject + " — Escale", text, body));
    }
}
