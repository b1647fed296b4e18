using AngleSharp.Dom;
using System.Net;
using AngleSharp.Html.Dom;
using Escale.Core.Welcome;
using Escale.Core.Welcome.Housing;
using Escale.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Escale.Tests.Integration.Pages.Admin.Dossiers;

[Collection(AccountsCollection.Name)]
public sealed class LogementTests(MailAppFixture fixture)
{
    [Theory, EveryDatabase]
    public async Task Referent_DeclinesARequest_WithAReason_TheHouseholdIsToldAndTheDatesAreFreeAgain(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var household = await SpaceWelcomeSteps.HouseholdAsync(app);
        var (_, organisation) = await PartnerSteps.PartnerAsync(app);
        var offer = await HousingSteps.OfferAsync(app, organisation);
        var arrival = HousingSteps.Today.AddDays(25);
        await household.Client.RequestAsync(offer, arrival, arrival.AddDays(10));
        var id = await app.WithDbAsync(db => db.HousingBookings.Where(b => b.CaseId == household.CaseId).Select(b => b.Id).SingleAsync());
        var referent = app.CreateBrowserlessClient();
        await referent.SignInAsync(household.Referent.Email!, MailAppFixture.Password);

        var (_, file) = await referent.GetPageAsync($"/admin/dossiers/{household.CaseId}");
        var declined = await referent.SubmitAsync(file.QuerySelector<IHtmlFormElement>($"#logement-demande-{id} form[action*='Refuser']")!,
            new Dictionary<string, string> { ["Reason"] = "Un logement passerelle à Figeac vous convient mieux." });
        var mail = await fixture.Mail.WaitForMessageAsync(household.User.Email!, where: m => (m.Subject ?? "").Contains("n’est pas acceptée", StringComparison.Ordinal));
        var (booking, events) = await app.WithDbAsync(async db => (
            await db.HousingBookings.SingleAsync(b => b.Id == id),
            await db.CaseEvents.CountAsync(e => e.CaseId == household.CaseId && e.Kind == CaseEventKind.HousingDeclined)));
        var again = await household.Client.RequestAsync(offer, arrival, arrival.AddDays(10));

        Assert.Contains("Meublé des Carmes", file.Text("#logement-section"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);
        Assert.Equal($"/admin/dossiers/{household.CaseId}", declined.Headers.Location!.OriginalString);
        Assert.Equal(HousingBookingStatus.Declined, booking.Status);
        Assert.Equal("Un logement passerelle à Figeac vous convient mieux.", booking.DeclineReason);
        Assert.Equal(1, events);
        Assert.Contains("Un logement passerelle à Figeac vous convient mieux.", mail.TextBody, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
    }

    [Theory, EveryDatabase]
    public async Task ReferentOfAnotherOrganisation_CannotAnswer(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var household = await SpaceWelcomeSteps.HouseholdAsync(app);
        var other = await SpaceWelcomeSteps.HouseholdAsync(app);
        var (_, organisation) = await PartnerSteps.PartnerAsync(app);
        var offer = await HousingSteps.OfferAsync(app, organisation);
        await household.Client.RequestAsync(offer, HousingSteps.Today.AddDays(25), HousingSteps.Today.AddDays(35));
        var id = await app.WithDbAsync(db => db.HousingBookings.Where(b => b.CaseId == household.CaseId).Select(b => b.Id).SingleAsync());
        var stranger = app.CreateBrowserlessClient();
        await stranger.SignInAsync(other.Referent.Email!, MailAppFixture.Password);
        var (_, ownFile) = await stranger.GetPageAsync($"/admin/dossiers/{other.CaseId}");
        var token = ownFile.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;

        var foreignCase = await stranger.PostAsync(new Uri($"/admin/dossiers/{household.CaseId}/logement/{id}?handler=Accepter", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        var bookingOfAnotherCase = await stranger.PostAsync(new Uri($"/admin/dossiers/{other.CaseId}/logement/{id}?handler=Accepter", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.NotFound, foreignCase.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, bookingOfAnotherCase.StatusCode);
        Assert.Equal(HousingBookingStatus.Requested, await app.WithDbAsync(db => db.HousingBookings.Where(b => b.Id == id).Select(b => b.Status).SingleAsync()));
    }
}
