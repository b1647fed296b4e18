using Escale.Core.Content;
using Escale.Tests.Browser;
using Escale.Tests.Infrastructure;
using Escale.Tests.Integration.Pages.Admin.Contenus;

namespace Escale.Tests.Integration.Pages.Profils;

/// <summary>The home and persona pages' published items, on a database of their own so that the six are known.</summary>
public sealed class HighlightsTests
{
    [Theory, EveryDatabase]
    public async Task Home_ShowsFeaturedFirst_ThenTheLatest_SixAtMost_OnlyPublished(DatabaseProvider provider)
    {
        await using var app = await EscaleAppFactory.CreateAsync(provider);
        await ContentSteps.ArrangeAsync(app, Recits.IndexTests.Item(ContentType.Portrait, "À la une", featured: true));
        for (var i = 1; i <= 6; i++)
        {
            await ContentSteps.ArrangeAsync(app, Recits.IndexTests.Item(ContentType.News, $"Nouvelle {i}"));
        }
        await ContentSteps.ArrangeAsync(app, Recits.IndexTests.Item(ContentType.News, "Brouillon"), publish: false);
        await ContentSteps.ArrangeAsync(app, Recits.IndexTests.Item(ContentType.News, "Demain"), publishAt: DateTimeOffset.UtcNow.AddDays(1));

        var page = (await app.CreateBrowserlessClient().GetPageAsync("/")).Page;

        Assert.Equal(["À la une", "Nouvelle 6", "Nouvelle 5", "Nouvelle 4", "Nouvelle 3", "Nouvelle 2"],
            page.QuerySelectorAll(".highlights .content-card h3").Select(h => h.TextContent.Trim()));
    }

    [Theory, EveryDatabase]
    public async Task HomeAndPersonaPages_ShowTheLeadImageOfEachItemThatHasOne_WithItsAltText(DatabaseProvider provider)
    {
        await using var app = await EscaleAppFactory.CreateAsync(provider);
        await StorySteps.PublishedAsync(app, StorySteps.Draft(ContentType.Portrait, "Sans image", "jeunes"));
        var pictured = StorySteps.Draft(ContentType.Portrait, "Avec image", "jeunes") with { Featured = true };
        await StorySteps.PublishedAsync(app, pictured, imageAlt: "Lucie devant son atelier");
        var client = app.CreateBrowserlessClient();

        foreach (var path in new[] { "/", "/profils/jeunes" })
        {
            var page = (await client.GetPageAsync(path)).Page;

            var cards = page.QuerySelectorAll(".highlights .content-card").ToList();
            Assert.Equal(["Avec image", "Sans image"], cards.Select(c => c.QuerySelector("h3")!.TextContent.Trim()));
            var image = Assert.Single(cards[0].QuerySelectorAll("picture img"));
            Assert.Equal("Lucie devant son atelier", image.GetAttribute("alt"));
            Assert.EndsWith(".jpg", image.GetAttribute("src"), StringComparison.Ordinal);
            Assert.Contains(".webp", cards[0].QuerySelector("picture source")!.GetAttribute("srcset"), StringComparison.Ordinal);
            Assert.Empty(cards[1].QuerySelectorAll("img"));
            Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync(new Uri(image.GetAttribute("src")!, UriKind.Relative))).StatusCode);
        }
    }

    [Theory, EveryDatabase]
    public async Task PersonaPage_ShowsOnlyItemsTaggedForThatPersona(DatabaseProvider provider)
    {
        await using var app = await EscaleAppFactory.CreateAsync(provider);
        await ContentSteps.ArrangeAsync(app, Recits.IndexTests.Item(ContentType.Portrait, "Revenue au pays", ["jeunes"]));
        await ContentSteps.ArrangeAsync(app, Recits.IndexTests.Item(ContentType.Event, "Forum de l’emploi", ["jeunes", "changer-de-vie"]));
        await ContentSteps.ArrangeAsync(app, Recits.IndexTests.Item(ContentType.Portrait, "Retraité heureux", ["vacances-pour-la-vie"]));

        var page = (await app.CreateBrowserlessClient().GetPageAsync("/profils/jeunes")).Page;

        Assert.Equal(["Forum de l’emploi", "Revenue au pays"], page.QuerySelectorAll(".highlights .content-card h3").Select(h => h.TextContent.Trim()));
        Assert.Equal("/recits?profil=jeunes", page.QuerySelector(".highlights p a")!.GetAttribute("href"));
    }
}
