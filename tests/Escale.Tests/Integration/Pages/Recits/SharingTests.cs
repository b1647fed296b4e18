using System.Net;
using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using Escale.Core.Content;
using Escale.Core.Opportunities;
using Escale.Tests.Infrastructure;
using Escale.Tests.Integration.Pages.Admin.Contenus;
using Escale.Tests.Integration.Pages.Offres;
using Microsoft.EntityFrameworkCore;

namespace Escale.Tests.Integration.Pages.Recits;

[Collection(IntegrationCollection.Name)]
public sealed class SharingTests(AppFixture apps)
{
    [Fact]
    public async Task StoryPage_HasCanonicalOpenGraphTwitterAndArticleJsonLd_ThatNoTitleCanBreakOutOf()
    {
        var app = await apps.AppAsync(DatabaseProvider.Sqlite);
        var title = $"Quitter Paris </script><script>alert(1)</script> {Guid.NewGuid():N}";
        var item = await ContentSteps.ArrangeAsync(app, ContentSteps.Story(title));

        var (response, page) = await app.CreateBrowserlessClient().GetPageAsync($"/recits/{item.Slug}");
        var url = $"http://localhost:5080/recits/{item.Slug}";
        var scripts = page.QuerySelectorAll("script[type='application/ld+json']");
        var json = JsonDocument.Parse(Assert.Single(scripts).TextContent).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(url, page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal(title, page.QuerySelector("meta[property='og:title']")!.GetAttribute("content"));
        Assert.Equal(url, page.QuerySelector("meta[property='og:url']")!.GetAttribute("content"));
        Assert.Equal("article", page.QuerySelector("meta[property='og:type']")!.GetAttribute("content"));
        Assert.Equal("summary", page.QuerySelector("meta[name='twitter:card']")!.GetAttribute("content"));
        Assert.Equal("Chapeau", page.QuerySelector("meta[name='twitter:description']")!.GetAttribute("content"));
        Assert.Equal("Article", json.GetProperty("@type").GetString());
        Assert.Equal(title, json.GetProperty("headline").GetString());
        Assert.Equal(url, json.GetProperty("url").GetString());
        Assert.True(json.TryGetProperty("datePublished", out _));
        Assert.Empty(page.QuerySelectorAll("script:not([type]):not([src^='/js/']), script[src*=alert]"));
    }

    [Theory, EveryDatabase]
    public async Task EventPage_HasEventJsonLd_WithParisDates_PlaceAndOrganiser(DatabaseProvider provider)
    {
        var app = await apps.AppAsync(provider);
        var item = await ContentSteps.ArrangeAsync(app, new ContentDraft
        {
            Type = ContentType.Event,
            StartsAt = new DateTimeOffset(2027, 7, 14, 19, 0, 0, TimeSpan.Zero),
            EndsAt = new DateTimeOffset(2027, 7, 14, 22, 30, 0, TimeSpan.Zero),
            Venue = "Allées Fénelon",
            Organiser = "Comité des fêtes",
            CommuneId = await IndexTests.CommuneIdAsync(app, "46042"),
            Texts = [new ContentText("fr", $"Bal du 14 juillet {Guid.NewGuid():N}", "Un bal.", null)],
        });

        var page = (await app.CreateBrowserlessClient().GetPageAsync($"/evenements/{item.Slug}")).Page;
        var json = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent).RootElement;

        Assert.Equal("Event", json.GetProperty("@type").GetString());
        Assert.Equal("2027-07-14T21:00:00+02:00", json.GetProperty("startDate").GetString());
        Assert.Equal("2027-07-15T00:30:00+02:00", json.GetProperty("endDate").GetString());
        Assert.Equal("Place", json.GetProperty("location").GetProperty("@type").GetString());
        Assert.Equal("Allées Fénelon", json.GetProperty("location").GetProperty("name").GetString());
        Assert.Equal("Cahors", json.GetProperty("location").GetProperty("address").GetProperty("addressLocality").GetString());
        Assert.Equal("Comité des fêtes", json.GetProperty("organizer").GetProperty("name").GetString());
        Assert.Equal($"/evenements/{item.Slug}.ics", page.QuerySelector(".event-calendar a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task CompanyStoryPage_HasAnArticleAboutAnOrganization_WithItsWebsiteAndTown()
    {
        var app = await apps.AppAsync(DatabaseProvider.Sqlite);
        var title = $"Atelier Quercy Bois {Guid.NewGuid():N}";
        var item = await ContentSteps.ArrangeAsync(app, new ContentDraft
        {
            Type = ContentType.CompanyStory,
            Website = "https://atelier.example",
            CommuneId = await IndexTests.CommuneIdAsync(app, "46042"),
            Texts = [new ContentText("fr", title, "Des meubles en chêne.", null)],
        });

        var page = (await app.CreateBrowserlessClient().GetPageAsync($"/recits/{item.Slug}")).Page;
        var nodes = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent).RootElement;
        var article = nodes.EnumerateArray().Single(n => n.GetProperty("@type").GetString() == "Article");
        var organization = nodes.EnumerateArray().Single(n => n.GetProperty("@type").GetString() == "Organization");

        Assert.Equal(organization.GetProperty("@id").GetString(), article.GetProperty("about").GetProperty("@id").GetString());
        Assert.Equal(title, organization.GetProperty("name").GetString());
        Assert.Equal("https://atelier.example", organization.GetProperty("url").GetString());
        Assert.Equal("Cahors", organization.GetProperty("address").GetProperty("addressLocality").GetString());
        Assert.Equal("https://schema.org", organization.GetProperty("@context").GetString());
    }

    [Fact]
    public async Task QualityOfLifePage_HasAnArticleAboutItsPlace()
    {
        var app = await apps.AppAsync(DatabaseProvider.Sqlite);
        var item = await ContentSteps.ArrangeAsync(app, new ContentDraft
        {
            Type = ContentType.QualityOfLife,
            CommuneId = await IndexTests.CommuneIdAsync(app, "46102"),
            Texts = [new ContentText("fr", $"Se soigner près de chez soi {Guid.NewGuid():N}", "Maisons de santé.", null)],
        });

        var page = (await app.CreateBrowserlessClient().GetPageAsync($"/vivre-ici/{item.Slug}")).Page;
        var nodes = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent).RootElement;
        var article = nodes.EnumerateArray().Single(n => n.GetProperty("@type").GetString() == "Article");
        var place = nodes.EnumerateArray().Single(n => n.GetProperty("@type").GetString() == "Place");

        Assert.Equal(place.GetProperty("@id").GetString(), article.GetProperty("about").GetProperty("@id").GetString());
        Assert.Equal("Figeac", place.GetProperty("name").GetString());
        Assert.Equal("FR", place.GetProperty("address").GetProperty("addressCountry").GetString());
    }

    [Fact]
    public async Task CommunePage_HasPlaceJsonLd_WithItsCentreAndIntercommunality()
    {
        var client = await apps.ClientAsync(DatabaseProvider.Sqlite);

        var page = (await client.GetPageAsync("/communes/46042/cahors")).Page;
        var place = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent).RootElement;

        Assert.Equal("Place", place.GetProperty("@type").GetString());
        Assert.Equal("Cahors", place.GetProperty("name").GetString());
        Assert.InRange(place.GetProperty("geo").GetProperty("latitude").GetDouble(), 44.3, 44.6);
        Assert.InRange(place.GetProperty("geo").GetProperty("longitude").GetDouble(), 1.3, 1.6);
        Assert.Equal("CA du Grand Cahors", place.GetProperty("containedInPlace").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Robots_AllowsAll_PointsToTheSitemap_AndKeepsPrivateAreasOut()
    {
        var client = await apps.ClientAsync(DatabaseProvider.Sqlite);

        var text = await client.GetStringAsync(new Uri("/robots.txt", UriKind.Relative));
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(["User-agent: *", "Allow: /", "Disallow: /admin", "Disallow: /compte", "Disallow: /espace-partenaire", "Sitemap: http://localhost:5080/sitemap.xml"], lines);
    }
}

/// <summary>Sitemap and feeds on a database of their own, so that what they list is exactly what the test made.</summary>
public sealed class SitemapAndFeedTests
{
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";

    [Theory, EveryDatabase]
    public async Task Sitemap_ListsThePublicPages_PublishedContentAndOpportunities_NothingElse(DatabaseProvider provider)
    {
        await using var app = await EscaleAppFactory.CreateAsync(provider);
        var story = await ContentSteps.ArrangeAsync(app, ContentSteps.Story("Un récit publié"));
        var lifePage = await ContentSteps.ArrangeAsync(app, IndexTests.Item(ContentType.QualityOfLife, "Nager dans le Lot"));
        await ContentSteps.ArrangeAsync(app, ContentSteps.Story("Un brouillon"), publish: false);
        await ContentSteps.ArrangeAsync(app, ContentSteps.Story("Plus tard"), publishAt: DateTimeOffset.UtcNow.AddDays(2));
        var opportunity = await OpportunitySeed.AddAsync(app, "Boulanger");
        var draftOpportunity = await OpportunitySeed.AddAsync(app, "Pâtissier", status: OpportunityStatus.Draft);
        var opportunitySlug = await app.WithDbAsync(db => db.Opportunities.Where(o => o.Id == opportunity).Select(o => o.Slug).SingleAsync());

        var response = await app.CreateBrowserlessClient().GetAsync(new Uri("/sitemap.xml", UriKind.Relative));
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync());
        var locs = xml.Root!.Elements(Sitemap + "url").Select(u => u.Element(Sitemap + "loc")!.Value).ToList();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType!.MediaType);
        const string site = "http://localhost:5080";
        Assert.Contains(site + "/", locs);
        Assert.Contains(site + "/territoire", locs);
        Assert.Contains(site + "/profils/jeunes", locs);
        Assert.Contains(site + "/communes/46042/cahors", locs);
        Assert.Contains(locs, l => l.StartsWith(site + "/intercommunalites/", StringComparison.Ordinal));
        Assert.Contains(site + "/recits/" + story.Slug, locs);
        Assert.Contains(site + "/vivre-ici/" + lifePage.Slug, locs);
        Assert.Contains($"{site}/offres/{opportunity}/{opportunitySlug}", locs);
        Assert.DoesNotContain(locs, l => l.Contains("brouillon", StringComparison.Ordinal) || l.Contains("plus-tard", StringComparison.Ordinal));
        Assert.DoesNotContain(locs, l => l.StartsWith($"{site}/offres/{draftOpportunity}/", StringComparison.Ordinal));
        Assert.Equal(locs.Count, locs.Distinct().Count());
    }

    [Theory, EveryDatabase]
    public async Task RssPerPersona_AndAtomPerTheme_ListOnlyMatchingPublishedItems_NewestFirst(DatabaseProvider provider)
    {
        await using var app = await EscaleAppFactory.CreateAsync(provider);
        await ContentSteps.ArrangeAsync(app, IndexTests.Item(ContentType.Portrait, "Ancien", ["jeunes"], [ContentTheme.Nature]));
        await ContentSteps.ArrangeAsync(app, IndexTests.Item(ContentType.Event, "Récent", ["jeunes"]));
        await ContentSteps.ArrangeAsync(app, IndexTests.Item(ContentType.QualityOfLife, "Autre profil", ["changer-de-vie"], [ContentTheme.Nature]));
        await ContentSteps.ArrangeAsync(app, IndexTests.Item(ContentType.Portrait, "Brouillon", ["jeunes"], [ContentTheme.Nature]), publish: false);
        var client = app.CreateBrowserlessClient();

        var rssResponse = await client.GetAsync(new Uri("/recits/flux.rss?profil=jeunes", UriKind.Relative));
        var rss = Load(await rssResponse.Content.ReadAsStringAsync(), new Rss20FeedFormatter());
        var atomResponse = await client.GetAsync(new Uri("/recits/flux.atom?theme=nature", UriKind.Relative));
        var atom = Load(await atomResponse.Content.ReadAsStringAsync(), new Atom10FeedFormatter());

        Assert.Equal("application/rss+xml", rssResponse.Content.Headers.ContentType!.MediaType);
        Assert.Equal(["Récent", "Ancien"], rss.Items.Select(i => i.Title.Text));
        Assert.StartsWith("http://localhost:5080/evenements/", rss.Items.First().Links[0].Uri.ToString(), StringComparison.Ordinal);
        Assert.Equal("application/atom+xml", atomResponse.Content.Headers.ContentType!.MediaType);
        Assert.Equal(["Autre profil", "Ancien"], atom.Items.Select(i => i.Title.Text));
        Assert.Contains("Nature", atom.Title.Text, StringComparison.Ordinal);
        Assert.All(atom.Items, i => Assert.StartsWith("http://localhost:5080/", i.Id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Feed_WithAnUnknownTheme_IsA400()
    {
        await using var app = await EscaleAppFactory.CreateAsync(DatabaseProvider.Sqlite);

        var response = await app.CreateBrowserlessClient().GetAsync(new Uri("/recits/flux.atom?theme=plage", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("thème", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static SyndicationFeed Load(string xml, SyndicationFeedFormatter formatter)
    {
        using var reader = XmlReader.Create(new StringReader(xml));
        formatter.ReadFrom(reader);
        return formatter.Feed;
    }
}
