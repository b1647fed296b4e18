using System.Globalization;
using System.Text;
using Escale.Core.WelcomeNetworks;
using Escale.Web.Infrastructure.Links;
using Escale.Web.Infrastructure.Localization;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Escale.Web.Pages.ReseauAccueil;

/// <summary>The .ics of one registration: the event in Paris time, with the registration's status and number of persons.</summary>
public static class NewcomerEventCalendar
{
    private static readonly string ParisZone = ParisTime.Zone.Id;

    public static byte[] Ics(NewcomerEvent welcomeEvent, NewcomerEventRegistration registration, string structureName, SiteLinks links)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//Escale//Nouveaux arrivants//FR" };
        calendar.AddTimeZone(ParisZone);
        var url = links.Absolute(NewcomerEventBooking.EventPath(welcomeEvent.Id));
        var persons = registration.Persons.ToString(CultureInfo.InvariantCulture);
        calendar.Events.Add(new CalendarEvent
        {
            // One per registration: a promotion or an edited event updates the same entry in the person's agenda.
            Uid = $"inscription-{registration.Id.ToString(CultureInfo.InvariantCulture)}@{links.Host}",
            Summary = welcomeEvent.Title,
            Description = string.Join("\n\n", new[]
            {
                welcomeEvent.Description,
                $"{WelcomeNetworkLabels.Of(registration.Status)} ({persons} pers.)",
                "Organisé par " + structureName,
                url,
            }.Where(s => !string.IsNullOrWhiteSpace(s))),
            Location = welcomeEvent.Place,
            Url = new Uri(url),
            DtStart = Paris(welcomeEvent.StartsAt),
            DtEnd = Paris(welcomeEvent.EndsAt),
            DtStamp = new CalDateTime(welcomeEvent.UpdatedAt.UtcDateTime, true),
            Status = registration.Status == RegistrationStatus.Confirmed ? "CONFIRMED" : "TENTATIVE",
        });
        return new UTF8Encoding(false).GetBytes(new CalendarSerializer().SerializeToString(calendar) ?? "");
    }

    private static CalDateTime Paris(DateTimeOffset utc) => new(ParisTime.ToLocal(utc), ParisZone, true);
}
