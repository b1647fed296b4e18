using AngleSharp.Dom;
using System.Net;
using System.Xml.Linq;
using Escale.Tests.Infrastructure;

namespace Escale.Tests.Integration.Pages.Appels;

[Collection(IntegrationCollection.Name)]
public sealed class IndexTests(AppFixture apps)
{
    [Theory, EveryDatabase]
    public async Task List_ShowsPublishedCallsByPhase_NeverDrafts(DatabaseProvider provider)
    {
        var app = await apps.AppAsync(provider);
        var open = await CallSteps.CallAsync(app);
        var results = await CallSteps.CallAsync(app, resultsPublished: true);
        var draft = await CallSteps.CallAsync(app, published: false);
        var client = app.CreateBrowserlessClient();

        var (_, all) = await client.GetPageAsync("/appels");
        var (_, onlyOpen) = await client.GetPageAsync("/appels?phase=ouvert");
        var (unknown, unknownPage) = await client.GetPageAsync("/appels?phase=demain");

        Assert.Contains(open.Title, all.GetElementById("phase-Open")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Contains(results.Title, all.GetElementById("phase-Results")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(draft.Title, all.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains(open.Title, onlyOpen.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(results.Title, onlyOpen.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Contains("n’existe pas", unknownPage.Text("#phase-error"), StringComparison.Ordinal);
        Assert.NotNull(all.QuerySelector("a[href='/projets-de-jeunes']"));
    }

    [Theory, EveryDatabase]
    public async Task Feed_ListsPublishedCallsOnly(DatabaseProvider provider)
    {
        var app = await apps.AppAsync(provider);
        var published = await CallSteps.CallAsync(app);
        var draft = await CallSteps.CallAsync(app, published: false);

        var response = await app.CreateBrowserlessClient().GetAsync(new Uri("/appels/flux", UriKind.Relative));

        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync());
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var links = feed.Descendants(atom + "entry").Select(e => e.Element(atom + "link")!.Attribute("href")!.Value).ToList();
        Assert.Contains($"{EscaleAppFactory.BaseUrl}/appels/{published.Slug}", links);
        Assert.DoesNotContain($"{EscaleAppFactory.BaseUrl}/appels/{draft.Slug}", links);
    }

    [Theory, EveryDatabase]
    public async Task Sitemap_ListsPublicCallsAndTheirLaureates_NotDrafts(DatabaseProvider provider)
    {
        var app = await apps.AppAsync(provider);
        var results = await CallSteps.CallAsync(app, resultsPublished: true);
        var draft = await CallSteps.CallAsync(app, published: false);

        var sitemap = await app.CreateBrowserlessClient().GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative));

        Assert.Contains($"<loc>{EscaleAppFactory.BaseUrl}/appels/{results.Slug}</loc>", sitemap, StringComparison.Ordinal);
        Assert.Contains($"<loc>{EscaleAppFactory.BaseUrl}/appels/{results.Slug}/laureats</loc>", sitemap, StringComparison.Ordinal);
        Assert.DoesNotContain(draft.Slug, sitemap, StringComparison.Ordinal);
    }
}
