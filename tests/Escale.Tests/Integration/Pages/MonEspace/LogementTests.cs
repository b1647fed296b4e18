using AngleSharp.Dom;
using System.Net;
using Escale.Core.Welcome;
using Escale.Core.Welcome.Housing;
using Escale.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Escale.Tests.Integration.Pages.MonEspace;

[Collection(AccountsCollection.Name)]
public sealed class LogementTests(MailAppFixture fixture)
{
    private const string CahorsInsee = "46042";

    [Theory, EveryDatabase]
    public async Task Request_HoldsTheDates_TellsTheHouseholdAndTheProvider_AndTheTimeline(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var household = await SpaceWelcomeSteps.HouseholdAsync(app);
        var (partner, organisation) = await PartnerSteps.PartnerAsync(app);
        var offer = await HousingSteps.OfferAsync(app, organisation);
        var arrival = HousingSteps.Today.AddDays(20);

        var response = await household.Client.RequestAsync(offer, arrival, arrival.AddDays(14));
        var toHousehold = await fixture.Mail.WaitForMessageAsync(household.User.Email!, where: m => (m.Subject ?? "").Contains("demande de logement temporaire", StringComparison.Ordinal));
        var toProvider = await fixture.Mail.WaitForMessageAsync(partner.Email!, where: m => (m.Subject ?? "").Contains("Une demande de logement temporaire", StringComparison.Ordinal));
        var (booking, events) = await app.WithDbAsync(async db => (
            await db.HousingBookings.SingleAsync(b => b.CaseId == household.CaseId),
            await db.CaseEvents.Where(e => e.CaseId == household.CaseId && e.Kind == CaseEventKind.HousingRequested).Select(e => e.Detail).ToListAsync()));
        var (_, list) = await household.Client.GetPageAsync("/mon-espace/logements");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HousingBookingStatus.Requested, booking.Status);
        Assert.Equal((arrival, arrival.AddDays(14), 4), (booking.ArrivalOn, booking.DepartureOn, booking.Persons));
        Assert.Contains("Meublé des Carmes", Assert.Single(events), StringComparison.Ordinal);
        Assert.Contains("Meublé des Carmes", toHousehold.TextBody, StringComparison.Ordinal);
        Assert.Contains("/espace-partenaire/logements", toProvider.TextBody, StringComparison.Ordinal);
        Assert.Contains("Demande en attente de réponse", list.Text($"#reservation-{booking.Id}"), StringComparison.Ordinal);
    }

    [Theory, EveryDatabase]
    public async Task SecondOverlappingRequest_IsRefusedBesideTheArrival_AndKeepsTheTypedDates(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var first = await SpaceWelcomeSteps.HouseholdAsync(app);
        var second = await SpaceWelcomeSteps.HouseholdAsync(app);
        var (_, organisation) = await PartnerSteps.PartnerAsync(app);
        var offer = await HousingSteps.OfferAsync(app, organisation);
        var arrival = HousingSteps.Today.AddDays(30);
        await first.Client.RequestAsync(offer, arrival, arrival.AddDays(10));

        var response = await second.Client.RequestAsync(offer, arrival.AddDays(9), arrival.AddDays(20));
        var page = await Html.ParseAsync(response);
        var adjacent = await second.Client.RequestAsync(offer, arrival.AddDays(10), arrival.AddDays(20));
        var held = await app.WithDbAsync(db => db.HousingBookings.Where(b => b.OfferId == offer).OrderBy(b => b.ArrivalOn).Select(b => b.CaseId).ToListAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("Ces dates ne sont plus libres", page.Text("[data-valmsg-for='Input.ArrivalOn']"), StringComparison.Ordinal);
        Assert.Equal(HousingSteps.Iso(arrival.AddDays(9)), page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_ArrivalOn")!.Value);
        Assert.Equal(HttpStatusCode.Redirect, adjacent.StatusCode);
        Assert.Equal([first.CaseId, second.CaseId], held);
    }

    [Theory, EveryDatabase]
    public async Task BadInputs_AreRefusedBesideTheirFields_AndNothingIsSaved(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var household = await SpaceWelcomeSteps.HouseholdAsync(app);
        var (_, organisation) = await PartnerSteps.PartnerAsync(app);
        var offer = await HousingSteps.OfferAsync(app, organisation, capacity: 3);
        var arrival = HousingSteps.Today.AddDays(20);

        var backwards = await Html.ParseAsync(await household.Client.RequestAsync(offer, arrival, arrival.AddDays(-3), persons: 2));
        var past = await Html.ParseAsync(await household.Client.RequestAsync(offer, HousingSteps.Today.AddDays(-2), arrival, persons: 2));
        var crowd = await Html.ParseAsync(await household.Client.RequestAsync(offer, arrival, arrival.AddDays(5), persons: 4));
        var outside = await Html.ParseAsync(await household.Client.RequestAsync(offer, HousingSteps.Today.AddDays(115), HousingSteps.Today.AddDays(125), persons: 2));
        var tooShort = await Html.ParseAsync(await household.Client.RequestAsync(offer, arrival, arrival.AddDays(1), persons: 2));
        var saved = await app.WithDbAsync(db => db.HousingBookings.CountAsync(b => b.CaseId == household.CaseId));

        Assert.Equal("La date de départ doit suivre la date d’arrivée.", backwards.Text("[data-valmsg-for='Input.DepartureOn']"));
        Assert.StartsWith("La date d’arrivée est passée", past.Text("[data-valmsg-for='Input.ArrivalOn']"), StringComparison.Ordinal);
        Assert.Equal("Ce logement accueille 3 personnes au plus.", crowd.Text("[data-valmsg-for='Input.Persons']"));
        Assert.StartsWith("Ces dates sortent des périodes", outside.Text("[data-valmsg-for='Input.ArrivalOn']"), StringComparison.Ordinal);
        Assert.Equal("Le séjour dure au moins 2 nuits dans ce logement.", tooShort.Text("[data-valmsg-for='Input.DepartureOn']"));
        Assert.Contains("aria-describedby", crowd.QuerySelector("#Input_Persons")!.OuterHtml, StringComparison.Ordinal);
        Assert.Equal(0, saved);
    }

    [Theory, EveryDatabase]
    public async Task DoubleSubmit_MakesOneRequest(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var household = await SpaceWelcomeSteps.HouseholdAsync(app);
        var (_, organisation) = await PartnerSteps.PartnerAsync(app);
        var offer = await HousingSteps.OfferAsync(app, organisation);
        var form = await household.Client.RequestFormAsync(offer);
        var arrival = HousingSteps.Today.AddDays(40);
        var fields = new Dictionary<string, string>
        {
            ["Input.ArrivalOn"] = HousingSteps.Iso(arrival), ["Input.DepartureOn"] = HousingSteps.Iso(arrival.AddDays(7)), ["Input.Persons"] = "4",
        };

        var answers = await Task.WhenAll(household.Client.SubmitAsync(form, fields), household.Client.SubmitAsync(form, fields));
        var again = await household.Client.SubmitAsync(form, fields);

        Assert.All(answers.Append(again), answer => Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode));
        Assert.Equal(1, await app.WithDbAsync(db => db.HousingBookings.CountAsync(b => b.CaseId == household.CaseId)));
    }

    [Theory, EveryDatabase]
    public async Task Calendar_IsTheStayAsAnAllDayEvent_ForItsHouseholdOnly(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var household = await SpaceWelcomeSteps.HouseholdAsync(app);
        var stranger = await SpaceWelcomeSteps.HouseholdAsync(app);
        var (_, organisation) = await PartnerSteps.PartnerAsync(app);
        var offer = await HousingSteps.OfferAsync(app, organisation);
        var arrival = HousingSteps.Today.AddDays(50);
        await household.Client.RequestAsync(offer, arrival, arrival.AddDays(7));
        var id = await app.WithDbAsync(db => db.HousingBookings.Where(b => b.CaseId == household.CaseId).Select(b => b.Id).SingleAsync());

        var response = await household.Client.GetAsync(new Uri($"/mon-espace/logements/calendrier/{id}", UriKind.Relative));
        var ics = await response.Content.ReadAsStringAsync();
        var foreign = await stranger.Client.GetAsync(new Uri($"/mon-espace/logements/calendrier/{id}", UriKind.Relative));
        var (_, strangerPage) = await stranger.Client.GetPageAsync($"/mon-espace/logements/offre/{offer}");
        var cancel = await stranger.Client.PostAsync(new Uri($"/mon-espace/logements/annuler/{id}", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = strangerPage.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value,
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("BEGIN:VEVENT", ics, StringComparison.Ordinal);
        Assert.Contains($"DTSTART;VALUE=DATE:{arrival:yyyyMMdd}", ics, StringComparison.Ordinal);
        Assert.Contains($"DTEND;VALUE=DATE:{arrival.AddDays(7):yyyyMMdd}", ics, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:Logement temporaire : Meublé des Carmes", ics, StringComparison.Ordinal);
        Assert.Contains("STATUS:TENTATIVE", ics, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, cancel.StatusCode);
        Assert.Equal(HousingBookingStatus.Requested, await app.WithDbAsync(db => db.HousingBookings.Where(b => b.Id == id).Select(b => b.Status).SingleAsync()));
    }

    [Theory, EveryDatabase]
    public async Task HousingFreeAtTheArrival_JoinsTheMatches_OfTheHouseholdAndOfItsReferent(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var arrival = HousingSteps.Today.AddDays(45);
        // Cahors, far from the Figeac offers of the other tests, which would fill the household's first matches.
        var cahors = await app.WithDbAsync(db => db.Communes.Where(c => c.InseeCode == CahorsInsee).Select(c => c.Id).SingleAsync());
        var household = await SpaceWelcomeSteps.HouseholdAsync(app, figeac =>
        {
            var project = SpaceWelcomeSteps.NurseNearFigeac(figeac);
            project.TargetCommuneIds = [cahors];
            project.ArrivalOn = arrival;
            project.Housing = HousingNeeds.Temporary | HousingNeeds.Rent;
            return project;
        });
        var (_, organisation) = await PartnerSteps.PartnerAsync(app);
        var title = "Gîte du Célé " + Guid.NewGuid().ToString("N")[..6];
        var free = await HousingSteps.OfferAsync(app, organisation, title, inseeCode: CahorsInsee);
        var taken = await HousingSteps.OfferAsync(app, organisation, "Pris " + title, inseeCode: CahorsInsee);
        var neighbour = await SpaceWelcomeSteps.HouseholdAsync(app);
        await neighbour.Client.RequestAsync(taken, arrival.AddDays(-2), arrival.AddDays(5));
        var referent = app.CreateBrowserlessClient();
        await referent.SignInAsync(household.Referent.Email!, MailAppFixture.Password);

        var (_, space) = await household.Client.GetPageAsync("/mon-espace");
        var (_, file) = await referent.GetPageAsync($"/admin/dossiers/{household.CaseId}");

        var match = space.QuerySelectorAll("#logement-propositions li").Single(li => li.TextContent.Contains(title, StringComparison.Ordinal) && !li.TextContent.Contains("Pris ", StringComparison.Ordinal));
        Assert.Contains("libre à votre date d’arrivée", match.TextContent, StringComparison.Ordinal);
        Assert.Contains("à Cahors", match.TextContent, StringComparison.Ordinal);
        Assert.Contains("vous cherchez un logement temporaire", match.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/mon-espace/logements/offre/{free}", match.QuerySelector("a")!.GetAttribute("href"));
        Assert.DoesNotContain("Pris " + title, space.Text("#logement-propositions"), StringComparison.Ordinal);
        Assert.Contains(title, file.Text("#logement-propositions"), StringComparison.Ordinal);
    }
}
