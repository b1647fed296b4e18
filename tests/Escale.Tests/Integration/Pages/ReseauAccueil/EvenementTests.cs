using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Escale.Core.WelcomeNetworks;
using Escale.Tests.Infrastructure;
using Escale.Web.Pages.ReseauAccueil;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Escale.Tests.Infrastructure.NetworkSteps;

namespace Escale.Tests.Integration.Pages.ReseauAccueil;

[Collection(AccountsCollection.Name)]
public sealed class EvenementTests(MailAppFixture fixture)
{
    private static async Task<HttpResponseMessage> RegisterAsync(HttpClient client, int eventId, int persons)
    {
        var (_, page) = await client.GetPageAsync(NewcomerEventBooking.EventPath(eventId));
        var form = page.QuerySelector<IHtmlFormElement>("form[action*='handler=inscrire']")!;
        return await client.SubmitAsync(form, new Dictionary<string, string> { ["Input.Persons"] = persons.ToString(System.Globalization.CultureInfo.InvariantCulture) });
    }

    private static async Task<HttpResponseMessage> CancelAsync(HttpClient client, int eventId)
    {
        var (_, page) = await client.GetPageAsync(NewcomerEventBooking.EventPath(eventId));
        var form = page.QuerySelector<IHtmlFormElement>("form[action*='handler=annuler']")!;
        return await client.SubmitAsync(form, new Dictionary<string, string>());
    }

    [Theory, EveryDatabase]
    public async Task Register_UntilFull_ThenWaitingList_AndACancelPromotesTheFirstWaiting_WithEmails(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var structure = await StructureAsync(app);
        var welcomeEvent = await EventAsync(app, structure.Id, capacity: 3);
        var first = await SignedInAsync(app);
        var second = await SignedInAsync(app);
        var third = await SignedInAsync(app);

        // A double submit of the same form makes one registration.
        var (_, firstPage) = await first.Client.GetPageAsync(NewcomerEventBooking.EventPath(welcomeEvent.Id));
        var firstForm = firstPage.QuerySelector<IHtmlFormElement>("form[action*='handler=inscrire']")!;
        await first.Client.SubmitAsync(firstForm, new Dictionary<string, string> { ["Input.Persons"] = "3" });
        await first.Client.SubmitAsync(firstForm, new Dictionary<string, string> { ["Input.Persons"] = "3" });
        var waiting = await RegisterAsync(second.Client, welcomeEvent.Id, 2);
        await RegisterAsync(third.Client, welcomeEvent.Id, 2);
        var (_, secondPage) = await second.Client.GetPageAsync(NewcomerEventBooking.EventPath(welcomeEvent.Id));

        Assert.Equal(HttpStatusCode.Redirect, waiting.StatusCode);
        Assert.Contains("liste d’attente", secondPage.Text("#statut-inscription"), StringComparison.Ordinal);
        Assert.Contains("position 1", secondPage.Text("#mon-inscription"), StringComparison.Ordinal);
        var confirmation = await fixture.Mail.WaitForMessageAsync(first.User.Email!);
        Assert.StartsWith("Inscription confirmée", confirmation.Subject ?? "", StringComparison.Ordinal);
        var waitingMail = await fixture.Mail.WaitForMessageAsync(second.User.Email!);
        Assert.StartsWith("Liste d’attente", waitingMail.Subject ?? "", StringComparison.Ordinal);

        var cancelled = await CancelAsync(first.Client, welcomeEvent.Id);

        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        var promotedMail = await fixture.Mail.WaitForMessageAsync(second.User.Email!, where: m => (m.Subject ?? "").StartsWith("Une place s’est libérée", StringComparison.Ordinal));
        Assert.Contains(welcomeEvent.Title, promotedMail.TextBody ?? "", StringComparison.Ordinal);
        var registrations = await app.WithDbAsync(db => db.NewcomerEventRegistrations.Where(r => r.EventId == welcomeEvent.Id)
            .ToDictionaryAsync(r => r.UserId, r => (r.Status, r.Persons)));
        Assert.Equal(2, registrations.Count);
        Assert.Equal((RegistrationStatus.Confirmed, 2), registrations[second.User.Id]);
        // Two seats would be needed and one is left: the third stays waiting, in order.
        Assert.Equal((RegistrationStatus.Waiting, 2), registrations[third.User.Id]);
        Assert.DoesNotContain(fixture.Mail.MessagesTo(third.User.Email!), m => (m.Subject ?? "").StartsWith("Une place", StringComparison.Ordinal));
    }

    [Theory, EveryDatabase]
    public async Task Register_MorePersonsThanTheCapacity_IsRefusedBesideTheField(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var structure = await StructureAsync(app);
        var welcomeEvent = await EventAsync(app, structure.Id, capacity: 2);
        var person = await SignedInAsync(app);

        var response = await RegisterAsync(person.Client, welcomeEvent.Id, 5);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("2 personnes au plus", page.Text("[data-valmsg-for='Input.Persons']"), StringComparison.Ordinal);
        Assert.Equal("5", page.QuerySelector<IHtmlInputElement>("#Input_Persons")!.Value);
        Assert.False(await app.WithDbAsync(db => db.NewcomerEventRegistrations.AnyAsync(r => r.EventId == welcomeEvent.Id)));
    }

    [Theory, EveryDatabase]
    public async Task ConcurrentRegistrations_NeverExceedTheCapacity(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var structure = await StructureAsync(app);
        var welcomeEvent = await EventAsync(app, structure.Id, capacity: 3);
        var people = new List<Escale.Core.Identity.ApplicationUser>();
        for (var i = 0; i < 12; i++)
        {
            people.Add(await MailAppFixture.CreateUserAsync(app));
        }

        await Task.WhenAll(people.Select(async person =>
        {
            await using var scope = app.Scope();
            await scope.ServiceProvider.GetRequiredService<NewcomerEventBooking>().RegisterAsync(welcomeEvent.Id, person, 1, CancellationToken.None);
        }));

        var statuses = await app.WithDbAsync(db => db.NewcomerEventRegistrations.Where(r => r.EventId == welcomeEvent.Id).Select(r => r.Status).ToListAsync());
        Assert.Equal(12, statuses.Count);
        Assert.Equal(3, statuses.Count(s => s == RegistrationStatus.Confirmed));
    }

    [Theory, EveryDatabase]
    public async Task Calendar_IsTheRegistrantsOwn_InParisTime(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var structure = await StructureAsync(app);
        var starts = new DateTimeOffset(DateTime.UtcNow.Year + 1, 7, 14, 16, 30, 0, TimeSpan.Zero);
        var welcomeEvent = await EventAsync(app, structure.Id, capacity: 10, startsAt: starts);
        var registrant = await SignedInAsync(app);
        var stranger = await SignedInAsync(app);
        await RegisterAsync(registrant.Client, welcomeEvent.Id, 2);

        var ics = await registrant.Client.GetAsync(new Uri(NewcomerEventBooking.EventPath(welcomeEvent.Id) + "?handler=ics", UriKind.Relative));
        var forged = await stranger.Client.GetAsync(new Uri(NewcomerEventBooking.EventPath(welcomeEvent.Id) + "?handler=ics", UriKind.Relative));

        Assert.Equal("text/calendar", ics.Content.Headers.ContentType!.MediaType);
        var text = await ics.Content.ReadAsStringAsync();
        Assert.Contains("SUMMARY:" + welcomeEvent.Title, text, StringComparison.Ordinal);
        Assert.Contains($"DTSTART;TZID=Europe/Paris:{starts.Year}0714T183000", text, StringComparison.Ordinal);
        Assert.Contains("UID:inscription-", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
    }

    [Theory, EveryDatabase]
    public async Task ReminderJob_RemindsConfirmedRegistrantsOfTomorrowsEvent_Once(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var structure = await StructureAsync(app);
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        var tomorrowEvening = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, paris).Date.AddDays(1).AddHours(18);
        var tomorrow = await EventAsync(app, structure.Id, capacity: 1, startsAt: new DateTimeOffset(tomorrowEvening, paris.GetUtcOffset(tomorrowEvening)));
        var later = await EventAsync(app, structure.Id, capacity: 5, startsAt: DateTimeOffset.UtcNow.AddDays(5));
        var confirmed = await SignedInAsync(app);
        var waiting = await SignedInAsync(app);
        await RegisterAsync(confirmed.Client, tomorrow.Id, 1);
        await RegisterAsync(waiting.Client, tomorrow.Id, 1);
        await RegisterAsync(waiting.Client, later.Id, 1);

        for (var i = 0; i < 2; i++)
        {
            await using var scope = app.Scope();
            await scope.ServiceProvider.GetRequiredService<NewcomerEventReminderJob>().RunAsync(CancellationToken.None);
        }

        var reminder = await fixture.Mail.WaitForMessageAsync(confirmed.User.Email!, where: m => (m.Subject ?? "").StartsWith("Rappel", StringComparison.Ordinal));
        Assert.Contains(tomorrow.Title, reminder.Subject ?? "", StringComparison.Ordinal);
        await Task.Delay(300);
        Assert.Single(fixture.Mail.MessagesTo(confirmed.User.Email!), m => (m.Subject ?? "").StartsWith("Rappel", StringComparison.Ordinal));
        Assert.DoesNotContain(fixture.Mail.MessagesTo(waiting.User.Email!), m => (m.Subject ?? "").StartsWith("Rappel", StringComparison.Ordinal));
    }
}
