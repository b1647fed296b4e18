using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Escale.Core.Welcome.Housing;
using Microsoft.EntityFrameworkCore;

namespace Escale.Tests.Infrastructure;

/// <summary>Temporary housing offers put in the database, and a household's request posted as a browser would.</summary>
public static class HousingSteps
{
    /// <summary>Today in Paris, as the application reads it (tests run far from midnight's edge by using days well ahead).</summary>
    public static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).DateTime);

    /// <summary>An offer of <paramref name="organisationId"/> in Figeac, sleeping <paramref name="capacity"/>, free from 10 to 120 days ahead.</summary>
    public static Task<int> OfferAsync(EscaleAppFactory app, int organisationId, string title = "Meublé des Carmes", int capacity = 4,
        string inseeCode = SpaceWelcomeSteps.FigeacInsee, int price = 650, PricePeriod period = PricePeriod.Month, int minNights = 2) =>
        app.WithDbAsync(async db =>
        {
            var commune = await db.Communes.SingleAsync(c => c.InseeCode == inseeCode);
            var offer = new HousingOffer
            {
                OrganisationId = organisationId, Kind = HousingKind.FurnishedRental, Title = title, Description = "Deux chambres, cuisine équipée.",
                CommuneId = commune.Id, Address = "12 rue des Carmes", Capacity = capacity, Price = price, PricePeriod = period, MinNights = minNights,
                MaxNights = 90, Rules = "Non-fumeur.", CreatedAt = DateTimeOffset.UtcNow,
                Availabilities = [new HousingAvailability { StartOn = Today.AddDays(10), EndOn = Today.AddDays(120) }],
            };
            db.HousingOffers.Add(offer);
            await db.SaveChangesAsync();
            return offer.Id;
        });

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static async Task<IHtmlFormElement> RequestFormAsync(this HttpClient client, int offerId)
    {
        var (_, page) = await client.GetPageAsync($"/mon-espace/logements/offre/{offerId}");
        return page.QuerySelector<IHtmlFormElement>("#demande-logement") ?? throw new InvalidOperationException("No request form on the offer's page.");
    }

    /// <summary>Requests the nights from <paramref name="arrival"/> to <paramref name="departure"/>; the answer is not followed.</summary>
    public static async Task<HttpResponseMessage> RequestAsync(this HttpClient client, int offerId, DateOnly arrival, DateOnly departure, int persons = 4) =>
        await client.SubmitAsync(await client.RequestFormAsync(offerId), new Dictionary<string, string>
        {
            ["Input.ArrivalOn"] = Iso(arrival),
            ["Input.DepartureOn"] = Iso(departure),
            ["Input.Persons"] = persons.ToString(CultureInfo.InvariantCulture),
        });
}
