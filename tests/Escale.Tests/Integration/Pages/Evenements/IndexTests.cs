using System.Net;
using Escale.Core.Content;
using Escale.Tests.Infrastructure;
using Escale.Tests.Integration.Pages.Admin.Contenus;
using Escale.Tests.Integration.Pages.Recits;

namespace Escale.Tests.Integration.Pages.Evenements;

public sealed class IndexTests
{
    private static DateTimeOffset Paris(int year, int month, int day, int hour) =>
        new DateTimeOffset(year, month, day, hour, 0, 0, TimeSpan.FromHours(1)).ToUniversalTime();

    [Theory, EveryDatabase]
    public async Task ByDefault_ListsUpcomingEventsSoonestFirst_NotPastOnes(DatabaseProvider provider)
    {
        await using var app = await EscaleAppFactory.CreateAsync(provider);
        var now = DateTimeOffset.UtcNow;
        await ContentSteps.ArrangeAsync(app, IndexTestsData.Event("Dans un mois", now.AddDays(30)));
        await ContentSteps.ArrangeAsync(app, IndexTestsData.Event("Demain", now.AddDays(1)));
        await ContentSteps.ArrangeAsync(app, IndexTestsData.Event("Passé", now.AddDays(-3)));
        await ContentSteps.ArrangeAsync(app, IndexTestsData.Event("En cours", now.AddDays(-1), now.AddDays(2)));

        var (response, page) = await app.CreateBrowserlessClient().GetPageAsync("/evenements");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["En cours", "Demain", "Dans un mois"], page.QuerySelectorAll(".content-card h3").Select(h => h.TextContent.Trim()));
    }

    [Theory, EveryDatabase]
    public async Task AMonth_ListsItsEventsInParisTime_AndLinksToItsNeighbours(DatabaseProvider provider)
    {
        await using var app = await EscaleAppFactory.CreateAsync(provider);
        // 1 December at 00:30 in Paris is still 30 November in UTC: it belongs to December.
        await ContentSteps.ArrangeAsync(app, IndexTestsData.Event("Réveillon avancé", Paris(2026, 12, 1, 0).AddMinutes(30), personas: ["jeunes"]));
        await ContentSteps.ArrangeAsync(app, IndexTestsData.Event("Marché de Noël", Paris(2026, 12, 19, 10)));
        await ContentSteps.ArrangeAsync(app, IndexTestsData.Event("Nouvel an", Paris(2027, 1, 1, 0).AddMinutes(30)));
        await ContentSteps.ArrangeAsync(app, IndexTestsData.Event("Toussaint", Paris(2026, 11, 30, 20)));

        var page = (await app.CreateBrowserlessClient().GetPageAsync("/evenements?mois=2026-12")).Page;
        var filtered = (await app.CreateBrowserlessClient().GetPageAsync("/evenements?mois=2026-12&profil=jeunes")).Page;

        Assert.Equal(["Réveillon avancé", "Marché de Noël"], page.QuerySelectorAll(".content-card h3").Select(h => h.TextContent.Trim()));
        Assert.Equal("/evenements?mois=2026-11", page.QuerySelector(".month-nav a[rel=prev]")!.GetAttribute("href"));
        Assert.Equal("/evenements?mois=2027-01", page.QuerySelector(".month-nav a[rel=next]")!.GetAttribute("href"));
        Assert.Equal(["Réveillon avancé"], filtered.QuerySelectorAll(".content-card h3").Select(h => h.TextContent.Trim()));
    }

    [Fact]
    public async Task APeriod_IncludesBothDays()
    {
        await using var app = await EscaleAppFactory.CreateAsync(DatabaseProvider.Sqlite);
        await ContentSteps.ArrangeAsync(app, IndexTestsData.Event("Premier jour", Paris(2026, 12, 5, 9)));
        await ContentSteps.ArrangeAsync(app, IndexTestsData.Event("Dernier jour", Paris(2026, 12, 7, 23)));
        await ContentSteps.ArrangeAsync(app, IndexTestsData.Event("Trop tard", Paris(2026, 12, 8, 0).AddMinutes(10)));

        var page = (await app.CreateBrowserlessClient().GetPageAsync("/evenements?du=2026-12-05&au=2026-12-07")).Page;

        Assert.Equal(["Premier jour", "Dernier jour"], page.QuerySelectorAll(".content-card h3").Select(h => h.TextContent.Trim()));
        Assert.Equal("2026-12-05", page.QuerySelector("input[name=du]")!.GetAttribute("value"));
    }

    [Theory, EveryDatabase]
    public async Task MonthView_IsAMondayFirstGrid_WithEachEventOnEveryDayItCovers(DatabaseProvider provider)
    {
        await using var app = await EscaleAppFactory.CreateAsync(provider);
        // Friday 4 to Sunday 6 December 2026, Paris time; and one evening that ends at midnight.
        await ContentSteps.ArrangeAsync(app, IndexTestsData.Event("Festival d’hiver", Paris(2026, 12, 4, 18), Paris(2026, 12, 6, 22)));
        await ContentSteps.ArrangeAsync(app, IndexTestsData.Event("Soirée jazz", Paris(2026, 12, 10, 20), Paris(2026, 12, 11, 0)));
        await ContentSteps.ArrangeAsync(app, IndexTestsData.Event("Marché du 1er", Paris(2026, 12, 1, 0).AddMinutes(30)));

        var (response, page) = await app.CreateBrowserlessClient().GetPageAsync("/evenements?vue=mois&mois=2026-12");
        string[] EventsOn(string day) => [.. page.QuerySelectorAll($"table.calendar td[data-date='{day}'] a").Select(a => a.TextContent.Trim())];

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(7, page.QuerySelectorAll("table.calendar thead th").Length);
        Assert.StartsWith("lun", page.QuerySelector("table.calendar thead th")!.TextContent.Trim(), StringComparison.Ordinal);
        // 1 December 2026 is a Tuesday: the grid starts on Monday 30 November and ends on Sunday 3 January.
        Assert.Equal("2026-11-30", page.QuerySelector("table.calendar tbody td")!.GetAttribute("data-date"));
        Assert.Equal("2027-01-03", page.QuerySelectorAll("table.calendar tbody td")[^1].GetAttribute("data-date"));
        Assert.Equal(5, page.QuerySelectorAll("table.calendar tbody tr").Length);
        Assert.Equal(["Marché du 1er"], EventsOn("2026-12-01"));
        Assert.Equal(["Festival d’hiver"], EventsOn("2026-12-04"));
        Assert.Equal(["Festival d’hiver"], EventsOn("2026-12-05"));
        Assert.Equal(["Festival d’hiver"], EventsOn("2026-12-06"));
        Assert.Empty(EventsOn("2026-12-07"));
        Assert.Equal(["Soirée jazz"], EventsOn("2026-12-10"));
        Assert.Empty(EventsOn("2026-12-11"));
        Assert.Empty(page.QuerySelectorAll(".content-card"));
        Assert.Equal("/evenements?vue=mois&mois=2026-11", page.QuerySelector(".month-nav a[rel=prev]")!.GetAttribute("href"));
        Assert.Equal("/evenements?vue=mois&mois=2027-01", page.QuerySelector(".month-nav a[rel=next]")!.GetAttribute("href"));
        Assert.Equal("/evenements?mois=2026-12", page.QuerySelector(".view-switch a:not([aria-current])")!.GetAttribute("href"));
    }

    [Fact]
    public async Task MonthView_MarksTodayInParisTime_AndKeepsTheFacetsAndTheMonthInItsForm()
    {
        await using var app = await EscaleAppFactory.CreateAsync(DatabaseProvider.Sqlite);
        var today = DateOnly.FromDateTime(Escale.Web.Infrastructure.Localization.ParisTime.ToLocal(DateTimeOffset.UtcNow));

        var page = (await app.CreateBrowserlessClient().GetPageAsync("/evenements?vue=mois&profil=jeunes")).Page;
        var marked = page.QuerySelectorAll("table.calendar td[aria-current=date]");

        Assert.Equal(today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Assert.Single(marked).GetAttribute("data-date"));
        Assert.Contains("today", marked[0].ClassList);
        Assert.Equal("mois", page.QuerySelector("form.content-filters input[type=hidden][name=vue]")!.GetAttribute("value"));
        Assert.Contains("profil=jeunes", page.QuerySelector(".month-nav a[rel=next]")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Equal("/evenements?profil=jeunes", page.QuerySelector(".view-switch a:not([aria-current])")!.GetAttribute("href"));
    }

    [Theory, EveryDatabase]
    public async Task ABackwardsPeriod_IsRefusedBesideTheDates_OnTheListing_WithTheDatesAndEveryFilterKept(DatabaseProvider provider)
    {
        await using var app = await EscaleAppFactory.CreateAsync(provider);
        var now = DateTimeOffset.UtcNow;
        await ContentSteps.ArrangeAsync(app, Recits.IndexTests.Item(ContentType.Event, "Concert des jeunes", ["jeunes"], [ContentTheme.Culture], startsAt: now.AddDays(5)));
        await ContentSteps.ArrangeAsync(app, Recits.IndexTests.Item(ContentType.Event, "Conférence", ["changer-de-vie"], [ContentTheme.Culture], startsAt: now.AddDays(6)));

        var (response, page) = await app.CreateBrowserlessClient().GetPageAsync("/evenements?du=2026-12-10&au=2026-12-01&profil=jeunes&theme=culture");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("La fin de la période ne peut pas précéder son début.", page.Text("#filtre-au-erreur"));
        Assert.Equal("filtre-au-erreur", page.QuerySelector("#filtre-au")!.GetAttribute("aria-describedby"));
        Assert.Equal("true", page.QuerySelector("#filtre-au")!.GetAttribute("aria-invalid"));
        Assert.Equal("2026-12-10", page.QuerySelector("#filtre-du")!.GetAttribute("value"));
        Assert.Equal("2026-12-01", page.QuerySelector("#filtre-au")!.GetAttribute("value"));
        Assert.Equal("jeunes", page.QuerySelector("#filtre-persona option[selected]")!.GetAttribute("value"));
        Assert.Equal("culture", page.QuerySelector("#filtre-theme option[selected]")!.GetAttribute("value"));
        // What the other filters give still shows: the upcoming events for young people.
        Assert.Equal(["Concert des jeunes"], page.QuerySelectorAll(".content-card h3").Select(h => h.TextContent.Trim()));
        Assert.Equal("Prochains événements", page.Text("#periode-titre"));
    }
}

[Collection(IntegrationCollection.Name)]
public sealed class EventInputTests(AppFixture apps)
{
    [Theory]
    [InlineData("/evenements?du=2026-12-10&au=2026-12-01", "#filtre-au-erreur", "précéder")]
    [InlineData("/evenements?du=10/12/2026", "#filtre-du-erreur", "2026-12-24")]
    [InlineData("/evenements?au=demain", "#filtre-au-erreur", "2026-12-31")]
    [InlineData("/evenements?du=2026-02-30", "#filtre-du-erreur", "2026-12-24")]
    [InlineData("/evenements?mois=2026-13", ".validation-summary", "2026-12")]
    [InlineData("/evenements?mois=décembre", ".validation-summary", "2026-12")]
    [InlineData("/evenements?mois=2026-12&du=2026-12-01", ".validation-summary", "pas les deux")]
    [InlineData("/evenements?vue=mois&mois=2026-1", ".validation-summary", "2026-12")]
    [InlineData("/evenements?vue=semaine", ".validation-summary", "mois")]
    [InlineData("/evenements?vue=mois&du=2026-12-01", ".validation-summary", "pas une période")]
    [InlineData("/evenements?profil=inconnu", "#filtre-persona-erreur", "profil")]
    [InlineData("/evenements?intercommunalite=nulle-part", "#filtre-intercommunality-erreur", "intercommunalité")]
    [InlineData("/evenements?theme=plage", "#filtre-theme-erreur", "thème")]
    [InlineData("/evenements?page=0", ".validation-summary", "entier")]
    public async Task AMalformedDateMonthViewOrFacet_IsA400ShowingTheListingWithAFrenchMessageWhereItBelongs(string url, string where, string expected)
    {
        var client = await apps.ClientAsync(DatabaseProvider.Sqlite);

        var (response, page) = await client.GetPageAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, page.Text(where), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("form.content-filters"));
        Assert.Equal("Événements", page.Text("h1"));
    }

    [Fact]
    public async Task AMalformedDate_IsGivenBackAsTyped()
    {
        var client = await apps.ClientAsync(DatabaseProvider.Sqlite);

        var (_, page) = await client.GetPageAsync("/evenements?du=" + Uri.EscapeDataString("10/12/2026") + "&au=2026-12-31");

        Assert.Equal("10/12/2026", page.QuerySelector("#filtre-du")!.GetAttribute("value"));
        Assert.Equal("2026-12-31", page.QuerySelector("#filtre-au")!.GetAttribute("value"));
        Assert.Null(page.QuerySelector("#filtre-au-erreur"));
    }
}

internal static class IndexTestsData
{
    public static ContentDraft Event(string title, DateTimeOffset startsAt, DateTimeOffset? endsAt = null, string[]? personas = null) =>
        Recits.IndexTests.Item(ContentType.Event, title, personas, startsAt: startsAt, endsAt: endsAt);
}
