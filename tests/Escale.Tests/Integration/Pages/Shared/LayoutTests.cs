using System.Net;
using Escale.Tests.Infrastructure;

namespace Escale.Tests.Integration.Pages.Shared;

/// <summary>What every public page owes its visitors, whatever its content.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class LayoutTests(AppFixture apps)
{
    public static TheoryData<string> PublicPages =>
    [
        "/", "/profils/changer-de-vie", "/territoire", "/intercommunalites", "/intercommunalites/cc-grand-figeac",
        "/communes", "/communes/46042/cahors", "/contact", "/mentions-legales", "/confidentialite",
    ];

    [Theory, MemberData(nameof(PublicPages))]
    public async Task Get_HasOneH1LabelledLandmarksAndNoInlineScriptOrStyle(string url)
    {
        var client = await apps.ClientAsync(DatabaseProvider.Sqlite);

        var (response, page) = await client.GetPageAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(page.QuerySelectorAll("h1"));
        Assert.Equal("fr", page.DocumentElement.GetAttribute("lang"));
        Assert.NotNull(page.QuerySelector("main#contenu"));
        Assert.All(page.QuerySelectorAll("nav"), nav => Assert.False(string.IsNullOrEmpty(nav.GetAttribute("aria-label"))));
        // The CSP (script-src 'self'; style-src 'self') would block these in a browser.
        // JSON-LD blocks are data, which CSP does not run.
        Assert.All(page.QuerySelectorAll("script:not([type='application/ld+json'])"), script => Assert.False(string.IsNullOrEmpty(script.GetAttribute("src"))));
        Assert.Empty(page.QuerySelectorAll("style, [style]"));
        Assert.All(page.QuerySelectorAll("img"), img => Assert.NotNull(img.GetAttribute("alt")));
        Assert.All(page.QuerySelectorAll("table"), table => Assert.NotNull(table.QuerySelector("caption")));
        Assert.All(page.QuerySelectorAll("th"), th => Assert.NotNull(th.GetAttribute("scope")));
    }
}
