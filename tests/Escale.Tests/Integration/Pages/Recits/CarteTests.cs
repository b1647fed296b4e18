using System.Net;
using System.Text.Json;
using Escale.Core.Content;
using Escale.Tests.Infrastructure;
using Escale.Tests.Integration.Pages.Admin.Contenus;
using Microsoft.EntityFrameworkCore;

namespace Escale.Tests.Integration.Pages.Recits;

public sealed class CarteTests
{
    [Theory, EveryDatabase]
    public async Task Map_GroupsStoriesAndUpcomingEventsByPlace_InTheListAndTheGeoJson(DatabaseProvider provider)
    {
        await using var app = await EscaleAppFactory.CreateAsync(provider);
        var cahors = await IndexTests.CommuneIdAsync(app, "46042");
        var figeacEpci = await app.WithDbAsync(db => db.Communes.Where(c => c.InseeCode == "46102").Select(c => c.IntercommunalityId).SingleAsync());
        var now = DateTimeOffset.UtcNow;
        await ContentSteps.ArrangeAsync(app, IndexTests.Item(ContentType.Portrait, "Léa, vigneronne", ["jeunes"], communeId: cahors));
        await ContentSteps.ArrangeAsync(app, IndexTests.Item(ContentType.Event, "Concert au pont", ["jeunes"], communeId: cahors, startsAt: now.AddDays(5)));
        await ContentSteps.ArrangeAsync(app, IndexTests.Item(ContentType.Event, "Concert passé", ["jeunes"], communeId: cahors, startsAt: now.AddDays(-5)));
        await ContentSteps.ArrangeAsync(app, IndexTests.Item(ContentType.CompanyStory, "Une scierie", ["changer-de-vie"]) with { IntercommunalityId = figeacEpci });
        await ContentSteps.ArrangeAsync(app, IndexTests.Item(ContentType.News, "Une nouvelle sans lieu", ["jeunes"]));
        await ContentSteps.ArrangeAsync(app, IndexTests.Item(ContentType.QualityOfLife, "Pas sur cette carte", ["jeunes"], communeId: cahors));
        var client = app.CreateBrowserlessClient();

        var (response, page) = await client.GetPageAsync("/recits/carte");
        var places = page.QuerySelectorAll(".content-places h3").Select(h => h.TextContent.Trim()).ToList();
        var cahorsItems = page.QuerySelectorAll(".content-places h3:has(a[href='/communes/46042/cahors']) + ul a").Select(a => a.TextContent.Trim());
        var json = await client.GetAsync(new Uri("/recits/carte.json", UriKind.Relative));
        var features = JsonDocument.Parse(await json.Content.ReadAsStringAsync()).RootElement.GetProperty("features");
        var cahorsPoint = features.EnumerateArray().Single(f => f.GetProperty("properties").GetProperty("name").GetString() == "Cahors");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Cahors (2)", "CC Grand-Figeac (1)", "Sans lieu précis"], places);
        Assert.Equal(["Léa, vigneronne", "Concert au pont"], cahorsItems.Order(StringComparer.Ordinal).Reverse());
        Assert.NotNull(page.QuerySelector(".map.cluster-map[hidden][data-points='/recits/carte.json']"));
        Assert.Equal("application/geo+json", json.Content.Headers.ContentType!.MediaType);
        Assert.Equal(2, features.GetArrayLength());
        Assert.Equal(2, cahorsPoint.GetProperty("properties").GetProperty("count").GetInt32());
        Assert.InRange(cahorsPoint.GetProperty("geometry").GetProperty("coordinates")[1].GetDouble(), 44.3, 44.6);
    }

    [Fact]
    public async Task Map_TakesTheListingFacets_AndKeepsThemInItsDataAndLinks()
    {
        await using var app = await EscaleAppFactory.CreateAsync(DatabaseProvider.Sqlite);
        var cahors = await IndexTests.CommuneIdAsync(app, "46042");
        await ContentSteps.ArrangeAsync(app, IndexTests.Item(ContentType.Event, "Fête de la musique", ["jeunes"], communeId: cahors, startsAt: DateTimeOffset.UtcNow.AddDays(3)));
        await ContentSteps.ArrangeAsync(app, IndexTests.Item(ContentType.Portrait, "Marc, boulanger", ["jeunes"], communeId: cahors));

        var page = (await app.CreateBrowserlessClient().GetPageAsync("/recits/carte?type=evenement&profil=jeunes")).Page;

        Assert.Equal(["Fête de la musique"], page.QuerySelectorAll(".content-places li a").Select(a => a.TextContent.Trim()));
        Assert.Equal("/recits/carte.json?type=evenement&profil=jeunes", page.QuerySelector(".cluster-map")!.GetAttribute("data-points"));
        Assert.Equal("1", page.QuerySelector("select[data-facet=type] option[value=portrait]")!.GetAttribute("data-count"));
        Assert.Equal("get", page.QuerySelector("form.content-filters")!.GetAttribute("method"));
    }

    [Theory]
    [InlineData("/recits/carte?type=inconnu")]
    [InlineData("/recits/carte.json?theme=plage")]
    public async Task MalformedFilter_IsA400(string url)
    {
        await using var app = await EscaleAppFactory.CreateAsync(DatabaseProvider.Sqlite);

        var response = await app.CreateBrowserlessClient().GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Map_WithAnUnknownType_ShowsTheMessageBesideTheField_AndKeepsTheOtherFilters()
    {
        await using var app = await EscaleAppFactory.CreateAsync(DatabaseProvider.Sqlite);

        var (response, page) = await app.CreateBrowserlessClient().GetPageAsync("/recits/carte?type=inconnu&profil=jeunes");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEmpty(page.Text("#filtre-type-erreur"));
        Assert.Equal("jeunes", page.QuerySelector("select[data-facet=persona] option[selected]")!.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector(".cluster-map"));
    }

    [Fact]
    public async Task StoriesAndEventsPages_LinkToTheMap()
    {
        await using var app = await EscaleAppFactory.CreateAsync(DatabaseProvider.Sqlite);
        var client = app.CreateBrowserlessClient();

        var stories = (await client.GetPageAsync("/recits?profil=jeunes")).Page;
        var events = (await client.GetPageAsync("/evenements")).Page;

        Assert.NotNull(stories.QuerySelector("a[href='/recits/carte?profil=jeunes']"));
        Assert.NotNull(events.QuerySelector("a[href='/recits/carte?type=evenement']"));
    }
}
