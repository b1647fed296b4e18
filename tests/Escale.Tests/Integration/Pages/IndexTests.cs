using System.Net;
using Escale.Tests.Infrastructure;

namespace Escale.Tests.Integration.Pages;

[Collection(IntegrationCollection.Name)]
public sealed class IndexTests(AppFixture apps)
{
    [Theory, EveryDatabase]
    public async Task Get_ShowsPositioningAndOneEntryPerPersona(DatabaseProvider provider)
    {
        var client = await apps.ClientAsync(provider);

        var response = await client.GetAsync(new Uri("/", UriKind.Relative));
        var page = await Html.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("producteur d’opportunités", page.Text("h1"), StringComparison.Ordinal);
        var entries = page.QuerySelectorAll(".personas a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(["Je change de vie", "Profils recherchés", "Jeunes : rester ou revenir", "Du Lot en vacances au Lot pour la vie"], entries);
    }

    [Theory, EveryDatabase]
    public async Task Get_AdvertisesTheRssAndAtomFeeds_WhichAnswer(DatabaseProvider provider)
    {
        var client = await apps.ClientAsync(provider);

        var (_, page) = await client.GetPageAsync("/");

        var feeds = page.QuerySelectorAll("head link[rel=alternate]").Select(l => (Type: l.GetAttribute("type"), Href: l.GetAttribute("href")!)).ToList();
        Assert.Equal(["application/rss+xml", "application/atom+xml"], feeds.Select(f => f.Type));
        foreach (var (type, href) in feeds)
        {
            var feed = await client.GetAsync(new Uri(href, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
            Assert.Equal(type, feed.Content.Headers.ContentType!.MediaType);
        }
    }

    [Fact]
    public async Task Get_MainMenuHasLivingHere()
    {
        var client = await apps.ClientAsync(DatabaseProvider.Sqlite);

        var (_, page) = await client.GetPageAsync("/");

        Assert.Contains(page.QuerySelectorAll(".nav-list a"), a => a.GetAttribute("href") == "/vivre-ici" && a.TextContent.Trim() == "Vivre ici");
    }

    [Fact]
    public async Task Get_SendsSecurityHeaders()
    {
        var client = await apps.ClientAsync(DatabaseProvider.Sqlite);

        var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        var csp = string.Join(';', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task LanguageSwitch_KeepsThePageAndTranslates()
    {
        var client = await apps.ClientAsync(DatabaseProvider.Sqlite);

        var switched = await client.GetAsync(new Uri("/langue/en?retour=%2F%3Fx%3D1", UriKind.Relative));
        var home = await Html.ParseAsync(await client.GetAsync(new Uri("/", UriKind.Relative)));
        await client.GetAsync(new Uri("/langue/fr?retour=%2F", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/?x=1", switched.Headers.Location!.OriginalString);
        Assert.Equal("en", home.DocumentElement.GetAttribute("lang"));
        Assert.Contains("producer of personal and professional opportunities", home.Text("h1"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("%2F%2Fevil.example")]
    [InlineData("%2F%5Cevil.example")]
    [InlineData("https%3A%2F%2Fevil.example%2F")]
    [InlineData("%2Fx%00")]
    [InlineData("%2F%0D%0AX")]
    [InlineData("%2F%0D%0ASet-Cookie%3A%20a%3Db")]
    [InlineData("%2Fcaf%C3%A9")]
    [InlineData("")]
    public async Task LanguageSwitch_WithAReturnThatIsNotACleanLocalPath_GoesHome(string retour)
    {
        var client = await apps.ClientAsync(DatabaseProvider.Sqlite);

        var response = await client.GetAsync(new Uri("/langue/en?retour=" + retour, UriKind.Relative));
        await client.GetAsync(new Uri("/langue/fr?retour=%2F", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }
}
