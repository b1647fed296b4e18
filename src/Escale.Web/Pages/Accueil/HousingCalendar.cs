using System.Globalization;
using System.Text;
using Escale.Core.Welcome.Housing;
using Escale.Web.Infrastructure.Links;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Escale.Web.Pages.Accueil;

/// <summary>A housing booking as an iCalendar file: one all-day event from the arrival day to the departure day.</summary>
public static class HousingCalendar
{
    public sealed record Stay(int BookingId, string Title, string Address, string Commune, string Provider, DateOnly ArrivalOn, DateOnly DepartureOn,
        HousingBookingStatus Status, DateTimeOffset Stamp);

    public static byte[] Ics(Stay stay, SiteLinks links)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//Escale//Logement temporaire//FR" };
        calendar.Events.Add(new CalendarEvent
        {
            Uid = $"logement-{stay.BookingId.ToString(CultureInfo.InvariantCulture)}@{links.Host}",
            Summary = $"Logement temporaire : {stay.Title}",
            Description = $"{HousingLabels.Status(stay.Status)} — {stay.Provider}\n{HousingLabels.Dates(stay.ArrivalOn, stay.DepartureOn)}\n{links.Absolute("/mon-espace/logements")}",
            Location = $"{stay.Address}, {stay.Commune}",
            // All-day dates: DTEND is the departure day, which the stay's last night precedes (RFC 5545, 3.6.1).
            DtStart = new CalDateTime(stay.ArrivalOn),
            DtEnd = new CalDateTime(stay.DepartureOn),
            DtStamp = new CalDateTime(stay.Stamp.UtcDateTime, true),
            Status = stay.Status == HousingBookingStatus.Accepted ? "CONFIRMED" : "TENTATIVE",
        });
        return new UTF8Encoding(false).GetBytes(new CalendarSerializer().SerializeToString(calendar) ?? "");
    }
}
