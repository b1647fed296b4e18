using AngleSharp.Dom;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Escale.Core.Welcome.Housing;
using Escale.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Escale.Tests.Integration.Pages.MonEspace;

/// <summary>
/// The figure (bench/housing.sh prints it): 200 requests for the same nights of one offer at once, on PostgreSQL,
/// leave exactly one booking holding them; the 199 others are refused beside the field, none with an error page.
/// </summary>
public sealed class HousingConcurrencyTests(ITestOutputHelper output)
{
    private const int Requests = 200;

    [Fact]
    public async Task TwoHundredConcurrentRequests_ForTheSameDates_OnPostgreSql_MakeExactlyOneBooking()
    {
        await using var app = await EscaleAppFactory.CreateAsync(DatabaseProvider.Postgres,
            new Dictionary<string, string?> { ["Smtp:Port"] = SmtpSink.FreePort().ToString(CultureInfo.InvariantCulture) });
        var household = await SpaceWelcomeSteps.HouseholdAsync(app);
        var client = app.CreateBrowserlessClient();
        client.Timeout = TimeSpan.FromMinutes(5);
        await client.SignInAsync(household.User.Email!, MailAppFixture.Password);
        var (_, organisation) = await PartnerSteps.PartnerAsync(app);
        var offer = await HousingSteps.OfferAsync(app, organisation);
        var form = await client.RequestFormAsync(offer);
        var token = form.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        var arrival = HousingSteps.Today.AddDays(30);
        var clock = Stopwatch.StartNew();

        var answers = await Task.WhenAll(Enumerable.Range(0, Requests).Select(_ => client.PostAsync(
            new Uri($"/mon-espace/logements/offre/{offer}", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["Input.SubmissionKey"] = Guid.NewGuid().ToString(),
                ["Input.ArrivalOn"] = HousingSteps.Iso(arrival),
                ["Input.DepartureOn"] = HousingSteps.Iso(arrival.AddDays(14)),
                ["Input.Persons"] = "4",
            }))));
        clock.Stop();
        var refused = 0;
        foreach (var answer in answers.Where(a => a.StatusCode == HttpStatusCode.OK))
        {
            var page = await Html.ParseAsync(answer);
            refused += page.QuerySelector("[data-valmsg-for='Input.ArrivalOn']")?.TextContent.StartsWith("Ces dates ne sont plus libres", StringComparison.Ordinal) == true ? 1 : 0;
        }
        var held = await app.WithDbAsync(db => db.HousingBookings.CountAsync(b => b.OfferId == offer
            && (b.Status == HousingBookingStatus.Requested || b.Status == HousingBookingStatus.Accepted)));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Requests} concurrent requests → {held} booking(s), {refused} refused beside the field, {answers.Count(a => (int)a.StatusCode >= 500)} error(s), in {clock.Elapsed.TotalSeconds:0.00} s"));

        Assert.Equal(1, held);
        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.Redirect));
        Assert.Equal(Requests - 1, refused);
    }
}
