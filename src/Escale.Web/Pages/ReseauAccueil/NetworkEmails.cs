using System.Globalization;
using System.Text.Encodings.Web;
using Escale.Core.WelcomeNetworks;
using Escale.Web.Infrastructure.Email;
using Escale.Web.Infrastructure.Localization;

namespace Escale.Web.Pages.ReseauAccueil;

/// <summary>What a registrant of a newcomer event and a member of the network are told. Plain French text with the same content in HTML.</summary>
public sealed class NetworkEmails(IEmailOutbox outbox)
{
    public void Registered(NewcomerEventRegistration registration, NewcomerEvent welcomeEvent, string link) =>
        Queue(registration.Email, registration.Name,
            registration.Status == RegistrationStatus.Confirmed
                ? $"Inscription confirmée : {welcomeEvent.Title}"
                : $"Liste d’attente : {welcomeEvent.Title}",
            [
                $"Bonjour {registration.Name},",
                registration.Status == RegistrationStatus.Confirmed
                    ? $"Votre inscription à « {welcomeEvent.Title} » est confirmée pour {Persons(registration.Persons)}."
                    : $"« {welcomeEvent.Title} » est complet : vous êtes sur la liste d’attente pour {Persons(registration.Persons)}. Si des places se libèrent, votre inscription sera confirmée automatiquement, dans l’ordre d’arrivée, et nous vous écrirons.",
                When(welcomeEvent),
                "Pour vous désinscrire ou ajouter l’événement à votre agenda :",
            ], link);

    public void Promoted(NewcomerEventRegistration registration, NewcomerEvent welcomeEvent, string link) =>
        Queue(registration.Email, registration.Name, $"Une place s’est libérée : {welcomeEvent.Title}",
            [
                $"Bonjour {registration.Name},",
                $"Des places se sont libérées : votre inscription à « {welcomeEvent.Title} » est maintenant confirmée pour {Persons(registration.Persons)}.",
                When(welcomeEvent),
                "Si vous ne pouvez plus venir, désinscrivez-vous pour laisser la place à la personne suivante :",
            ], link);

    public void Reminder(NewcomerEventRegistration registration, NewcomerEvent welcomeEvent, string link) =>
        Queue(registration.Email, registration.Name, $"Rappel : {welcomeEvent.Title}, demain",
            [
                $"Bonjour {registration.Name},",
                $"Nous vous attendons demain à « {welcomeEvent.Title} » ({Persons(registration.Persons)}).",
                When(welcomeEvent),
                "Si vous ne pouvez plus venir, désinscrivez-vous pour laisser la place à la personne suivante :",
            ], link);

    public void Mailing(MailingRecipient recipient, string subject, string body, string senderName, string link) =>
        Queue(recipient.Email, recipient.Name, subject,
            [$"Bonjour {recipient.Name},", body, $"— {senderName}, pour le réseau d’accueil", "L’annuaire du réseau :"], link);

    private static string Persons(int persons) => persons == 1 ? "1 personne" : persons.ToString(CultureInfo.GetCultureInfo("fr-FR")) + " personnes";

    private static string When(NewcomerEvent welcomeEvent)
    {
        var culture = CultureInfo.GetCultureInfo("fr-FR");
        var starts = ParisTime.ToLocal(welcomeEvent.StartsAt);
        return $"Le {starts.ToString("dddd d MMMM yyyy 'à' HH:mm", culture)}, {welcomeEvent.Place}.";
    }

    private void Queue(string email, string name, string subject, IReadOnlyList<string> paragraphs, string link)
    {
        var text = string.Join("\n\n", paragraphs) + $"\n\n{link}\n\n— L’équipe Escale\n";
        var html = HtmlEncoder.Default;
        var body = "<!DOCTYPE html>\n<html lang=\"fr\"><body>\n"
            + string.Concat(paragraphs.Select(p => $"<p>{html.Encode(p).Replace("&#xA;", "<br>", StringComparison.Ordinal)}</p>\n"))
            + $"<p><a href=\"{html.Encode(link)}\">{html.Encode(link)}</a></p>\n<p>— L’équipe Escale</p>\n</body></html>";
        outbox.Enqueue(new EmailMessage(email, name, subject + " — Escale", text, body));
    }
}
