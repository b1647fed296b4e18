using System.Xml.Linq;
using Escale.Core.Content;
using Escale.Core.Data;
using Escale.Tests.Infrastructure;
using Escale.Tests.Unit.Media;
using Escale.Web.Infrastructure.Media;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Escale.Tests.Browser;

/// <summary>What the editorial journeys share: content arranged directly in the database, and reading pages and feeds.</summary>
public static class StorySteps
{
    /// <summary>A unique suffix, so that titles and slugs made by one test are not found by another.</summary>
    public static string Unique() => Guid.NewGuid().ToString("N")[..8];

    /// <summary>A published (or scheduled) item with a lead image made by SkiaSharp, as an editor would have left it.</summary>
    public static async Task<ContentItem> PublishedAsync(EscaleAppFactory app, ContentDraft draft, DateTimeOffset? publishAt = null, string? imageAlt = null)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<EscaleDbContext>();
        var now = DateTimeOffset.UtcNow;
        var item = new ContentItem { Slug = "" };
        await ContentEditing.SaveAsync(db, item, draft, null, null, now, CancellationToken.None);
        if (imageAlt is not null)
        {
            using var png = new MemoryStream(TestImages.Png(1000, 600));
            var (image, refusal) = await scope.ServiceProvider.GetRequiredService<MediaLibrary>().StoreAsync(png, imageAlt, null, null, now, CancellationToken.None);
            Assert.Null(refusal);
            item.LeadImage = image;
        }
        ContentWorkflow.Apply(item, ContentAction.Publish, now, publishAt);
        await db.SaveChangesAsync();
        return item;
    }

    public static ContentDraft Draft(ContentType type, string title, params string[] personas) => new()
    {
        Type = type,
        Personas = personas,
        Texts = [new ContentText(ContentDraft.French, title, "Un chapeau pour " + title, "Un **texte** pour " + title + ".")],
    };

    public static async Task<int> CommuneIdAsync(EscaleAppFactory app, string name) =>
        await app.WithDbAsync(db => db.Communes.Where(c => c.Name == name).Select(c => c.Id).SingleAsync());

    /// <summary>The HTTP status of an address for a visitor with no account (a context of its own, so no cookies).</summary>
    public static async Task<int> AnonymousStatusAsync(BrowserFixture browser, string path)
    {
        var page = await browser.NewPageAsync();
        try
        {
            var response = await page.Context.APIRequest.GetAsync(path);
            return response.Status;
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    /// <summary>An XML document (feed, sitemap) fetched with the page's cookies, as the browser would.</summary>
    public static async Task<(IAPIResponse Response, XDocument Document)> XmlAsync(IPage page, string url)
    {
        var response = await page.Context.APIRequest.GetAsync(url);
        Assert.Equal(200, response.Status);
        return (response, XDocument.Parse(await response.TextAsync()));
    }

    /// <summary>The titles of the cards a listing, home or persona page shows.</summary>
    public static async Task<IReadOnlyList<string>> CardTitlesAsync(IPage page) =>
        [.. (await page.Locator(".content-cards h3 a").AllInnerTextsAsync()).Select(t => t.Trim())];

    /// <summary>
    /// Reloads <paramref name="path"/> until <paramref name="condition"/> holds or the deadline passes: what a visitor
    /// waiting for a scheduled item does. Returns whether it held.
    /// </summary>
    public static async Task<bool> EventuallyAsync(IPage page, string path, Func<IResponse?, Task<bool>> condition, TimeSpan deadline)
    {
        var until = DateTimeOffset.UtcNow + deadline;
        while (true)
        {
            var response = await page.GotoAsync(path);
            if (await condition(response))
            {
                return true;
            }
            if (DateTimeOffset.UtcNow > until)
            {
                return false;
            }
            await Task.Delay(250);
        }
    }
}
