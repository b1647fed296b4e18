using System.Diagnostics;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Escale.Core.Content;
using Escale.Tests.Infrastructure;
using Escale.Tests.Integration.Pages.Admin.Contenus;
using Escale.Tests.Integration.Pages.Recits;
using Microsoft.EntityFrameworkCore;

namespace Escale.Tests.Integration.Caching;

/// <summary>
/// Public pages come from the output cache, yet a publication shows on them within a second; each test runs its own
/// application with the production freshness (500 ms), not the tests' usual zero.
/// </summary>
public sealed class PublicPageCacheTests
{
    private static readonly Dictionary<string, string?> ProductionFreshness = new() { ["Content:FreshnessMilliseconds"] = "500" };

    /// <summary>Where a story for the "jeunes" persona shows: home, listing, persona page, feed, sitemap.</summary>
    private static readonly string[] StoryPages = ["/", "/recits", "/profils/jeunes", "/recits/flux.rss", "/sitemap.xml"];

    [Theory, EveryDatabase]
    public async Task EditorPublishes_AndTheCachedPagesShowItWithinOneSecond(DatabaseProvider provider)
    {
        await using var app = await EscaleAppFactory.CreateAsync(provider, ProductionFreshness);
        var editor = await ContentSteps.EditorAsync(app);
        var visitor = app.CreateBrowserlessClient();
        var marker = Guid.NewGuid().ToString("N"); // in the title and the slug, so in the pages and the sitemap
        var title = $"Inès, céramiste à Figeac {marker}";
        var form = ContentSteps.ContentForm((await editor.GetPageAsync("/admin/contenus/edition?type=Portrait")).Page);
        var id = ContentSteps.IdFrom(await editor.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.TitleFr"] = title,
            ["Input.Personas"] = "jeunes",
        }));
        await WarmAsync(visitor, StoryPages);
        var workflow = (await editor.GetPageAsync($"/admin/contenus/edition/{id}")).Page.QuerySelector<IHtmlFormElement>("form.workflow-form")!;

        var published = await editor.SubmitPairsAsync(workflow, [new("action", "Publish")]);
        var elapsed = await TimeUntilAllShowAsync(visitor, StoryPages, marker);

        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.True(elapsed < TimeSpan.FromSeconds(1), $"shown everywhere after {elapsed.TotalMilliseconds:F0} ms");
    }

    [Theory, EveryDatabase]
    public async Task ItemPublishedByAnotherInstance_ShowsWithinOneSecond(DatabaseProvider provider)
    {
        await using var app = await EscaleAppFactory.CreateAsync(provider, ProductionFreshness);
        var visitor = app.CreateBrowserlessClient();
        var marker = Guid.NewGuid().ToString("N");
        var title = $"Une pépite du bois {marker}";
        await WarmAsync(visitor, StoryPages);

        // Written straight to the database, as another instance would: nothing evicts this one's cache.
        await ContentSteps.ArrangeAsync(app, IndexTests.Item(ContentType.CompanyStory, title, ["jeunes"]));
        var elapsed = await TimeUntilAllShowAsync(visitor, StoryPages, marker);

        Assert.True(elapsed < TimeSpan.FromSeconds(1), $"shown everywhere after {elapsed.TotalMilliseconds:F0} ms");
    }

    [Theory, EveryDatabase]
    public async Task SearchPage_IsNotCached_AndFindsAnItemOrAnOfferPublishedByAnotherInstanceWithinOneSecond(DatabaseProvider provider)
    {
        await using var app = await EscaleAppFactory.CreateAsync(provider, ProductionFreshness);
        var visitor = app.CreateBrowserlessClient();
        // Letters only, so both engines read it as one plain word.
        var marker = string.Concat(Guid.NewGuid().ToString("N").Select(c => char.IsAsciiDigit(c) ? (char)('g' + (c - '0')) : c));
        string[] searches = ["/recherche?q=" + marker, "/recherche?q=" + marker + "&type=pepite"];
        foreach (var search in searches)
        {
            await visitor.GetAsync(new Uri(search, UriKind.Relative));
            // The page lists offers, which the content state keying the cache does not follow: it is never stored.
            Assert.Null((await visitor.GetAsync(new Uri(search, UriKind.Relative))).Headers.Age);
        }

        // Written straight to the database, as another instance would.
        await ContentSteps.ArrangeAsync(app, IndexTests.Item(ContentType.CompanyStory, $"Une pépite du bois {marker}", ["jeunes"]));
        await Pages.Offres.OpportunityData.AddAsync(app, $"Menuisier {marker}");
        var story = await TimeUntilAllShowAsync(visitor, searches, "Une pépite du bois " + marker);
        var offer = await TimeUntilAllShowAsync(visitor, [searches[0]], "Menuisier " + marker);

        Assert.True(story < TimeSpan.FromSeconds(1), $"found after {story.TotalMilliseconds:F0} ms");
        Assert.True(offer < TimeSpan.FromSeconds(1), $"offer found after {offer.TotalMilliseconds:F0} ms");
    }

    [Theory, EveryDatabase]
    public async Task ScheduledItem_AppearsOnceItsTimeHasPassed(DatabaseProvider provider)
    {
        await using var app = await EscaleAppFactory.CreateAsync(provider, ProductionFreshness);
        var visitor = app.CreateBrowserlessClient();
        var marker = Guid.NewGuid().ToString("N");
        var title = $"Programmé pour bientôt {marker}";
        var due = DateTimeOffset.UtcNow.AddSeconds(2);
        await ContentSteps.ArrangeAsync(app, IndexTests.Item(ContentType.News, title, ["jeunes"]), publishAt: due);
        var before = await WarmAsync(visitor, StoryPages);

        var start = DateTimeOffset.UtcNow;
        var elapsed = await TimeUntilAllShowAsync(visitor, StoryPages, marker, deadline: TimeSpan.FromSeconds(4));
        var shownAt = start + elapsed;

        Assert.DoesNotContain(before, body => body.Contains(marker, StringComparison.Ordinal));
        Assert.True(DateTimeOffset.UtcNow >= due, "shown before its time");
        Assert.True(shownAt - due < TimeSpan.FromSeconds(1), $"shown {(shownAt - due).TotalMilliseconds:F0} ms after its time");
        Assert.True(elapsed > TimeSpan.Zero);
    }

    [Theory, EveryDatabase]
    public async Task AnonymousVisitors_AreServedFromTheCache_SignedInOnesNever(DatabaseProvider provider)
    {
        await using var app = await EscaleAppFactory.CreateAsync(provider, ProductionFreshness);
        var visitor = app.CreateBrowserlessClient();
        var editor = await ContentSteps.EditorAsync(app);

        await visitor.GetAsync(new Uri("/", UriKind.Relative));
        var again = await visitor.GetAsync(new Uri("/", UriKind.Relative));
        var signedIn = await editor.GetAsync(new Uri("/", UriKind.Relative));
        var afterSignedIn = await visitor.GetAsync(new Uri("/", UriKind.Relative));

        Assert.True(again.Headers.Age is not null, "the second anonymous request should come from the cache");
        Assert.Null(signedIn.Headers.Age);
        Assert.Contains("Se déconnecter", await signedIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("Se déconnecter", await afterSignedIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("__RequestVerificationToken", await afterSignedIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CachedPages_VaryByLanguage_AndSetNoCookie()
    {
        await using var app = await EscaleAppFactory.CreateAsync(DatabaseProvider.Sqlite, ProductionFreshness);
        var story = await ContentSteps.ArrangeAsync(app, ContentSteps.Story("Le viaduc", english: "The viaduct"));
        var paths = new[] { "/", "/recits", "/recits/" + story.Slug, "/evenements", "/vivre-ici", "/profils/jeunes", "/recits/flux.atom", "/evenements/calendrier.ics" };
        var french = app.CreateBrowserlessClient();
        var english = await app.CreateBrowserlessClient().InEnglishAsync();

        foreach (var path in paths)
        {
            await french.GetAsync(new Uri(path, UriKind.Relative));
        }
        var frenchAgain = await french.GetAsync(new Uri("/recits", UriKind.Relative));
        var englishPage = await english.GetAsync(new Uri("/recits", UriKind.Relative));
        var cached = new List<HttpResponseMessage>();
        foreach (var path in paths)
        {
            cached.Add(await french.GetAsync(new Uri(path, UriKind.Relative)));
        }

        Assert.Contains("Le viaduc", await frenchAgain.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("The viaduct", await englishPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.All(cached, response =>
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.Headers.Age is not null, response.RequestMessage!.RequestUri + " was not served from the cache");
            Assert.False(response.Headers.Contains("Set-Cookie"), response.RequestMessage!.RequestUri + " sets a cookie");
        });
        foreach (var response in cached)
        {
            Assert.DoesNotContain("__RequestVerificationToken", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    private static async Task<List<string>> WarmAsync(HttpClient client, string[] paths)
    {
        var bodies = new List<string>();
        foreach (var path in paths)
        {
            await client.GetAsync(new Uri(path, UriKind.Relative));
            var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True(response.Headers.Age is not null, path + " was not served from the cache");
            bodies.Add(await response.Content.ReadAsStringAsync());
        }
        return bodies;
    }

    /// <summary>Polls every page until all show <paramref name="text"/>; fails at the deadline.</summary>
    /// <summary>
    /// How stale the pages can be: for each page, when the first request that showed the text was sent (not when its
    /// answer came back, which measures how fast a busy machine makes the page, not the cache); the latest of them.
    /// Fails as soon as a request sent after the deadline still does not show it.
    /// </summary>
    private static async Task<TimeSpan> TimeUntilAllShowAsync(HttpClient client, string[] paths, string text, TimeSpan? deadline = null)
    {
        var watch = Stopwatch.StartNew();
        var waiting = new HashSet<string>(paths, StringComparer.Ordinal);
        var shownBy = TimeSpan.Zero;
        while (waiting.Count > 0)
        {
            foreach (var path in waiting.ToList())
            {
                var sentAt = watch.Elapsed;
                var body = await (await client.GetAsync(new Uri(path, UriKind.Relative))).Content.ReadAsStringAsync();
                if (body.Contains(text, StringComparison.Ordinal))
                {
                    waiting.Remove(path);
                    shownBy = sentAt > shownBy ? sentAt : shownBy;
                }
                else
                {
                    Assert.True(sentAt < (deadline ?? TimeSpan.FromSeconds(1)), $"still not shown on {path} by a request sent after {sentAt.TotalMilliseconds:F0} ms");
                }
            }
            if (waiting.Count > 0)
            {
                await Task.Delay(20);
            }
        }
        return shownBy;
    }
}
