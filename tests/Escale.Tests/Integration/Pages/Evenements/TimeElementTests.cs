using Escale.Web.Infrastructure.Links;
using System.Net;
using System.Text.RegularExpressions;
using Escale.Core.Content;
using Escale.Tests.Infrastructure;
using Escale.Tests.Integration.Pages.Admin.Contenus;
using Microsoft.EntityFrameworkCore;

namespace Escale.Tests.Integration.Pages.Evenements;

/// <summary>
/// Every <c>&lt;time datetime&gt;</c> is a valid HTML global date and time: Paris time with its offset, to the second
/// (https://html.spec.whatwg.org/multipage/common-microsyntaxes.html#valid-global-date-and-time-string refuses the
/// seven fractional digits of .NET's round-trip format).
/// </summary>
public sealed partial class TimeElementTests
{
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex ValidGlobalDateAndTime();

    [Theory, EveryDatabase]
    public async Task EventListingsAndPages_WriteValidDatetimeAttributes_InParisTime(DatabaseProvider provider)
    {
        await using var app = await EscaleAppFactory.CreateAsync(provider);
        var cahors = await app.WithDbAsync(db => db.Communes.Where(c => c.InseeCode == "46042").Select(c => c.Id).SingleAsync());
        var startsAt = new DateTimeOffset(2030, 7, 14, 19, 0, 0, TimeSpan.Zero).AddTicks(1_234_567);
        var item = await ContentSteps.ArrangeAsync(app, IndexTestsData.Event("Bal des Allées Fénelon", startsAt, startsAt.AddHours(3)) with { CommuneId = cahors });
        var client = app.CreateBrowserlessClient();

        foreach (var url in new[] { "/evenements?du=2030-07-01&au=2030-07-31", SiteLinks.ContentPath(item.Type, item.Slug), "/recits/carte?type=evenement" })
        {
            var (response, page) = await client.GetPageAsync(url);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var values = page.QuerySelectorAll("time[datetime]").Select(t => t.GetAttribute("datetime")!).ToList();
            Assert.Contains("2030-07-14T21:00:00+02:00", values);
            Assert.All(values, value => Assert.Matches(ValidGlobalDateAndTime(), value));
        }
    }
}
