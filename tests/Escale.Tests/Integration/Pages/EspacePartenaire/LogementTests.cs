using AngleSharp.Dom;
using System.Net;
using AngleSharp.Html.Dom;
using Escale.Core.Welcome;
using Escale.Core.Welcome.Housing;
using Escale.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Escale.Tests.Integration.Pages.EspacePartenaire;

[Collection(AccountsCollection.Name)]
public sealed class LogementTests(MailAppFixture fixture)
{
    [Theory, EveryDatabase]
    public async Task Provider_PublishesAnOffer_AndItsAvailabilityCalendar(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var partner = await PartnerSteps.SignedInPartnerAsync(app);
        var (_, page) = await partner.Client.GetPageAsync($"/espace-partenaire/logement?organisation={partner.OrganisationId}");
        var title = "Logement passerelle " + Guid.NewGuid().ToString("N")[..6];

        var created = await partner.Client.SubmitAsync(page.QuerySelector<IHtmlFormElement>("#logement-form")!, new Dictionary<string, string>
        {
            ["Input.Kind"] = "BridgeHousing", ["Input.Title"] = title, ["Input.Description"] = "Un T3 de la commune, meublé.",
            ["Input.Commune"] = "Figeac", ["Input.Address"] = "Place Carnot", ["Input.Capacity"] = "5", ["Input.Price"] = "420",
            ["Input.PricePeriod"] = "Month", ["Input.MinNights"] = "14", ["Input.MaxNights"] = "180",
        });
        var location = created.Headers.Location!.OriginalString;
        var (_, editor) = await partner.Client.GetPageAsync(location);
        var start = HousingSteps.Today.AddDays(15);
        var backwards = await Html.ParseAsync(await partner.Client.SubmitAsync(editor.QuerySelector<IHtmlFormElement>("#periode-form")!, new Dictionary<string, string>
        {
            ["Period.StartOn"] = HousingSteps.Iso(start), ["Period.EndOn"] = HousingSteps.Iso(start.AddDays(-1)),
        }));
        var periodForm = editor.QuerySelector<IHtmlFormElement>("#periode-form")!;
        var period = new Dictionary<string, string> { ["Period.StartOn"] = HousingSteps.Iso(start), ["Period.EndOn"] = HousingSteps.Iso(start.AddDays(90)) };
        await partner.Client.SubmitAsync(periodForm, period);
        await partner.Client.SubmitAsync(periodForm, period);
        var offer = await app.WithDbAsync(db => db.HousingOffers.Include(o => o.Availabilities).Include(o => o.Commune).SingleAsync(o => o.Title == title));
        var (_, list) = await partner.Client.GetPageAsync("/espace-partenaire/logements");

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal($"/espace-partenaire/logement/{offer.Id}", location);
        Assert.Equal((HousingKind.BridgeHousing, "Figeac", 5, 420, PricePeriod.Month, 14, (int?)180),
            (offer.Kind, offer.Commune!.Name, offer.Capacity, offer.Price, offer.PricePeriod, offer.MinNights, offer.MaxNights));
        Assert.Equal("Le dernier jour doit suivre le premier.", backwards.Text("[data-valmsg-for='Period.EndOn']"));
        var availability = Assert.Single(offer.Availabilities);
        Assert.Equal((start, start.AddDays(90)), (availability.StartOn, availability.EndOn));
        Assert.Contains(title, list.Text($"[data-offer='{offer.Id}']"), StringComparison.Ordinal);
    }

    [Theory, EveryDatabase]
    public async Task Offer_WithoutItsRequiredFields_IsRefusedBesideThem(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var partner = await PartnerSteps.SignedInPartnerAsync(app);
        var (_, page) = await partner.Client.GetPageAsync($"/espace-partenaire/logement?organisation={partner.OrganisationId}");

        var response = await partner.Client.SubmitAsync(page.QuerySelector<IHtmlFormElement>("#logement-form")!, new Dictionary<string, string>
        {
            ["Input.Title"] = "Sans commune", ["Input.Commune"] = "Atlantis", ["Input.Capacity"] = "0",
        });
        var form = await Html.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Atlantis", form.Text("[data-valmsg-for='Input.Commune']"), StringComparison.Ordinal);
        Assert.Equal("La capacité va de 1 à 50 personnes.", form.Text("[data-valmsg-for='Input.Capacity']"));
        Assert.Equal("Sans commune", form.QuerySelector<IHtmlInputElement>("#Input_Title")!.Value);
        Assert.False(await app.WithDbAsync(db => db.HousingOffers.AnyAsync(o => o.OrganisationId == partner.OrganisationId)));
    }

    [Theory, EveryDatabase]
    public async Task Provider_AcceptsARequest_TheHouseholdIsTold_AndTheTimelineSaysSo(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var partner = await PartnerSteps.SignedInPartnerAsync(app);
        var household = await SpaceWelcomeSteps.HouseholdAsync(app);
        var offer = await HousingSteps.OfferAsync(app, partner.OrganisationId);
        await household.Client.RequestAsync(offer, HousingSteps.Today.AddDays(20), HousingSteps.Today.AddDays(40));
        var id = await app.WithDbAsync(db => db.HousingBookings.Where(b => b.CaseId == household.CaseId).Select(b => b.Id).SingleAsync());

        var (_, list) = await partner.Client.GetPageAsync("/espace-partenaire/logements");
        var accepted = await partner.Client.SubmitAsync(list.QuerySelector<IHtmlFormElement>($"#demande-{id} form[action*='Accepter']")!, new Dictionary<string, string>());
        var mail = await fixture.Mail.WaitForMessageAsync(household.User.Email!, where: m => (m.Subject ?? "").Contains("est réservé", StringComparison.Ordinal));
        var (status, events) = await app.WithDbAsync(async db => (
            await db.HousingBookings.Where(b => b.Id == id).Select(b => b.Status).SingleAsync(),
            await db.CaseEvents.CountAsync(e => e.CaseId == household.CaseId && e.Kind == CaseEventKind.HousingAccepted)));
        var (_, space) = await household.Client.GetPageAsync("/mon-espace/logements");

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(HousingBookingStatus.Accepted, status);
        Assert.Equal(1, events);
        Assert.Contains("Meublé des Carmes", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Réservation acceptée", space.Text($"#reservation-{id}"), StringComparison.Ordinal);
    }

    [Theory, EveryDatabase]
    public async Task AnotherPartner_NeitherSeesNorAnswersTheOfferOrItsRequests(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var owner = await PartnerSteps.SignedInPartnerAsync(app);
        var other = await PartnerSteps.SignedInPartnerAsync(app);
        var household = await SpaceWelcomeSteps.HouseholdAsync(app);
        var offer = await HousingSteps.OfferAsync(app, owner.OrganisationId);
        await household.Client.RequestAsync(offer, HousingSteps.Today.AddDays(20), HousingSteps.Today.AddDays(30));
        var id = await app.WithDbAsync(db => db.HousingBookings.Where(b => b.CaseId == household.CaseId).Select(b => b.Id).SingleAsync());
        var (_, ownList) = await other.Client.GetPageAsync("/espace-partenaire/logements");
        var token = ownList.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")?.Value
            ?? (await other.Client.GetPageAsync($"/espace-partenaire/logement?organisation={other.OrganisationId}")).Page.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;

        var edit = await other.Client.GetAsync(new Uri($"/espace-partenaire/logement/{offer}", UriKind.Relative));
        var newForOwner = await other.Client.GetAsync(new Uri($"/espace-partenaire/logement?organisation={owner.OrganisationId}", UriKind.Relative));
        var accept = await other.Client.PostAsync(new Uri($"/espace-partenaire/logements?handler=Accepter&id={id}", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        var household404 = await household.Client.GetAsync(new Uri("/espace-partenaire/logements", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, newForOwner.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, accept.StatusCode);
        Assert.DoesNotContain("Meublé des Carmes", ownList.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, household404.StatusCode);
        Assert.Equal(HousingBookingStatus.Requested, await app.WithDbAsync(db => db.HousingBookings.Where(b => b.Id == id).Select(b => b.Status).SingleAsync()));
    }
}
