using System.Net;
using Escale.Core.Content;
using Escale.Core.Data;
using Escale.Tests.Infrastructure;
using Escale.Tests.Integration.Pages.Admin.Contenus;
using Microsoft.EntityFrameworkCore;

namespace Escale.Tests.Integration.Pages.Recits;

/// <summary>Listings on a database of their own, so that counts are exact.</summary>
public sealed class IndexTests
{
    internal static ContentDraft Item(ContentType type, string title, string[]? personas = null, ContentTheme[]? themes = null,
        int? communeId = null, bool featured = false, DateTimeOffset? startsAt = null, DateTimeOffset? endsAt = null) => new()
    {
        Type = type,
        Personas = personas ?? [],
        Themes = themes ?? (type == ContentType.QualityOfLife ? [ContentTheme.Nature] : []),
        CommuneId = communeId,
        Featured = featured,
        StartsAt = startsAt ?? (type == ContentType.Event ? DateTimeOffset.UtcNow.AddDays(10) : null),
        EndsAt = endsAt,
        Texts = [new ContentText("fr", title, "Chapeau de " + title, "Texte.")],
    };

    internal static Task<int> CommuneIdAsync(EscaleAppFactory app, string insee) =>
        app.WithDbAsync(db => db.Communes.Where(c => c.InseeCode == insee).Select(c => c.Id).SingleAsync());

    [Theory, EveryDatabase]
    public async Task Facets_FilterTheStories_AndCountEachValueIgnoringItsOwnChoice(DatabaseProvider provider)
    {
        await using var app = await EscaleAppFactory.CreateAsync(provider);
        var cahors = await CommuneIdAsync(app, "46042");
        var epci = await app.WithDbAsync(db => db.Communes.Where(c => c.Id == cahors).Select(c => c.Intercommunality!.Slug).SingleAsync());
        await ContentSteps.ArrangeAsync(app, Item(ContentType.Portrait, "Léa, infirmière", ["jeunes"], [ContentTheme.Health], cahors));
        await ContentSteps.ArrangeAsync(app, Item(ContentType.Portrait, "Marc, menuisier", ["changer-de-vie"], [ContentTheme.Nature]));
        await ContentSteps.ArrangeAsync(app, Item(ContentType.CompanyStory, "Une pépite du numérique", ["jeunes"], [ContentTheme.Broadband]));
        await ContentSteps.ArrangeAsync(app, Item(ContentType.News, "Brouillon", ["jeunes"]), publish: false);
        await ContentSteps.ArrangeAsync(app, Item(ContentType.News, "Programmé", ["jeunes"]), publishAt: DateTimeOffset.UtcNow.AddDays(3));
        await ContentSteps.ArrangeAsync(app, Item(ContentType.QualityOfLife, "Pas un récit", ["jeunes"]));

        var (response, page) = await app.CreateBrowserlessClient().GetPageAsync("/recits?profil=jeunes");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Une pépite du numérique", "Léa, infirmière"], page.QuerySelectorAll(".content-card h3").Select(h => h.TextContent.Trim()));
        string Count(string facet, string value) => page.QuerySelector($"select[data-facet={facet}] option[value='{value}']")?.GetAttribute("data-count") ?? "none";
        // The persona facet ignores its own choice: "changer-de-vie" still says what choosing it would give.
        Assert.Equal("2", Count("persona", "jeunes"));
        Assert.Equal("1", Count("persona", "changer-de-vie"));
        Assert.Equal("1", Count("type", "portrait"));
        Assert.Equal("1", Count("type", "pepite"));
        Assert.Equal("none", Count("type", "actualite"));
        Assert.Equal("1", Count("theme", "sante"));
        Assert.Equal("1", Count("intercommunality", epci));
        Assert.NotNull(page.QuerySelector("select[name=profil] option[value=jeunes][selected]"));

        var byPlace = (await app.CreateBrowserlessClient().GetPageAsync($"/recits?intercommunalite={epci}&type=portrait")).Page;
        Assert.Equal(["Léa, infirmière"], byPlace.QuerySelectorAll(".content-card h3").Select(h => h.TextContent.Trim()));
        Assert.Equal("/recits/" + Slug("Léa, infirmière"), byPlace.QuerySelector(".content-card h3 a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task ManyStories_ArePaged_WithLinksKeepingTheFilters()
    {
        await using var app = await EscaleAppFactory.CreateAsync(DatabaseProvider.Sqlite);
        for (var i = 1; i <= 14; i++)
        {
            await ContentSteps.ArrangeAsync(app, Item(ContentType.News, $"Nouvelle {i:00}", ["jeunes"]));
        }
        var client = app.CreateBrowserlessClient();

        var first = (await client.GetPageAsync("/recits?profil=jeunes")).Page;
        var next = first.QuerySelector(".pagination a[rel=next]")!.GetAttribute("href")!;
        var second = (await client.GetPageAsync(next)).Page;

        Assert.Equal(12, first.QuerySelectorAll(".content-card").Length);
        Assert.Equal("Nouvelle 14", first.QuerySelector(".content-card h3")!.TextContent.Trim());
        Assert.Equal("/recits?profil=jeunes&page=2", next);
        Assert.Equal(["Nouvelle 02", "Nouvelle 01"], second.QuerySelectorAll(".content-card h3").Select(h => h.TextContent.Trim()));
    }

    [Theory, EveryDatabase]
    public async Task QualityOfLife_ListsOnlyItsPages_FilteredByTheme(DatabaseProvider provider)
    {
        await using var app = await EscaleAppFactory.CreateAsync(provider);
        await ContentSteps.ArrangeAsync(app, Item(ContentType.QualityOfLife, "Randonnées", themes: [ContentTheme.Nature, ContentTheme.Sport]));
        await ContentSteps.ArrangeAsync(app, Item(ContentType.QualityOfLife, "Crèches", themes: [ContentTheme.Childcare]));
        await ContentSteps.ArrangeAsync(app, Item(ContentType.Portrait, "Un portrait", themes: [ContentTheme.Nature]));

        var page = (await app.CreateBrowserlessClient().GetPageAsync("/vivre-ici?theme=nature")).Page;

        Assert.Equal(["Randonnées"], page.QuerySelectorAll(".content-card h3").Select(h => h.TextContent.Trim()));
        Assert.Equal("/vivre-ici/randonnees", page.QuerySelector(".content-card a")!.GetAttribute("href"));
        Assert.Equal("1", page.QuerySelector("select[data-facet=theme] option[value=petite-enfance]")!.GetAttribute("data-count"));
        Assert.Null(page.QuerySelector("select[data-facet=type]"));
    }

    private static string Slug(string title) => Escale.Core.Territories.Slug.From(title);
}

[Collection(IntegrationCollection.Name)]
public sealed class ListingInputTests(AppFixture apps)
{
    [Theory]
    [InlineData("/recits?type=inconnu")]
    [InlineData("/recits?type=evenement")]
    [InlineData("/recits?theme=plage")]
    [InlineData("/recits?page=-1")]
    [InlineData("/vivre-ici?page=abc")]
    public async Task MalformedFilter_IsA400WithAFrenchMessage(string url)
    {
        var client = await apps.ClientAsync(DatabaseProvider.Sqlite);

        var (response, page) = await client.GetPageAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Matches("existe|entier", page.Body!.TextContent);
    }
}
