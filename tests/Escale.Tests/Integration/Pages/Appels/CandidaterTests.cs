using System.Net;
using AngleSharp.Dom;
using Escale.Core.Calls;
using Escale.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Escale.Tests.Infrastructure.ApplicationSteps;
using static Escale.Tests.Infrastructure.NetworkSteps;

namespace Escale.Tests.Integration.Pages.Appels;

[Collection(ApplicationsCollection.Name)]
public sealed class CandidaterTests(ApplicationAppFixture fixture)
{
    [Theory, EveryDatabase]
    public async Task Start_Twice_OpensTheSameDraft(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var now = fixture.Clock.GetUtcNow();
        var call = await CallAsync(app, now);
        var lead = await SignedInAsync(app);
        var values = new Dictionary<string, string> { ["Input.Name"] = "Lou", ["Input.Details.DateOfBirth"] = BornYearsAgo(now, 20) };
        var (_, page) = await lead.Client.GetPageAsync(StartPath(call));
        var form = page.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("main form")!;

        var first = await lead.Client.SubmitAsync(form, values);
        var second = await lead.Client.SubmitAsync(form, values);
        var again = await lead.Client.GetAsync(new Uri(StartPath(call), UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        var applications = await app.WithDbAsync(db => db.CallApplications.Where(a => a.CallId == call.Id).Include(a => a.Members).ToListAsync());
        var application = Assert.Single(applications);
        Assert.Equal(ApplicationStatus.Draft, application.Status);
        var member = Assert.Single(application.Members);
        Assert.Equal(MemberRole.Lead, member.Role);
        Assert.Equal(lead.User.Email, member.Email);
    }

    [Theory, EveryDatabase]
    public async Task Start_WithADateOfBirthInTheFuture_TooOld_OrTooYoung_IsRefusedBesideTheField(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var now = fixture.Clock.GetUtcNow();
        var call = await CallAsync(app, now, minAge: 11, maxAge: 25);
        var lead = await SignedInAsync(app);
        var cases = new Dictionary<string, string>
        {
            [DateOnly.FromDateTime(now.UtcDateTime).AddDays(10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)] = "ne peut pas être dans le futur",
            [BornYearsAgo(now, 30)] = "25 ans au plus",
            [BornYearsAgo(now, 8)] = "au moins 11 ans",
        };

        foreach (var (birth, message) in cases)
        {
            var response = await StartAsync(lead.Client, call, new Dictionary<string, string> { ["Input.Name"] = "Lou", ["Input.Details.DateOfBirth"] = birth });

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await Html.ParseAsync(response);
            Assert.Contains(message, page.Text("[data-valmsg-for='Input.Details.DateOfBirth']"), StringComparison.Ordinal);
        }
        Assert.False(await app.WithDbAsync(db => db.CallApplications.AnyAsync(a => a.CallId == call.Id)));
    }

    [Theory, EveryDatabase]
    public async Task Start_AsAMinor_WithTheirOwnAddressAsTheGuardians_IsRefused(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var now = fixture.Clock.GetUtcNow();
        var call = await CallAsync(app, now);
        var lead = await SignedInAsync(app);

        var response = await StartAsync(lead.Client, call, new Dictionary<string, string>
        {
            ["Input.Name"] = "Lou", ["Input.Details.DateOfBirth"] = BornYearsAgo(now, 14),
            ["Input.Details.GuardianName"] = "Sam Parent", ["Input.Details.GuardianEmail"] = lead.User.Email!.ToUpperInvariant(),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("pas celle du mineur", page.Text("[data-valmsg-for='Input.Details.GuardianEmail']"), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.CallApplications.AnyAsync(a => a.CallId == call.Id)));
    }
}
