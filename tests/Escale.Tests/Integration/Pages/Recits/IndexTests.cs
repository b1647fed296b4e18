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
    [InlineData("/recits?type=inconnu", "#filtre-type-erreur", "existe")]
    [InlineData("/recits?type=evenement", "#filtre-type-erreur", "existe")]
    [InlineData("/recits?theme=plage", "#filtre-theme-erreur", "existe")]
    [InlineData("/recits?profil=inconnu", "#filtre-persona-erreur", "existe")]
    [InlineData("/recits?intercommunalite=nulle-part", "#filtre-intercommunality-erreur", "existe")]
    [InlineData("/recits?page=-1", ".validation-summary", "entier")]
    [InlineData("/vivre-ici?page=abc", ".validation-summary", "entier")]
    [InlineData("/vivre-ici?theme=plage", "#filtre-theme-erreur", "existe")]
    public async Task AMalformedFilter_IsA400ShowingTheListingWithTheMessageBesideItsField(string url, string where, string expected)
    {
        var client = await apps.ClientAsync(DatabaseProvider.Sqlite);

        var (response, page) = await client.GetPageAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, page.Text(where), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("form.content-filters"));
        Assert.NotNull(page.QuerySelector(".content-results"));
    }

    [Fact]
    public async Task AMalformedFilter_KeepsTheOtherFilters()
    {
        var client = await apps.ClientAsync(DatabaseProvider.Sqlite);

        var (_, page) = await client.GetPageAsync("/recits?type=portrait&theme=plage&profil=jeunes");

        Assert.Equal("portrait", page.QuerySelector("#filtre-type option[selected]")!.GetAttribute("value"));
        Assert.Equal("jeunes", page.QuerySelector("#filtre-persona option[selected]")!.GetAttribute("value"));
        Assert.Null(page.QuerySelector("#filtre-theme option[selected]"));
        Assert.Equal("filtre-theme-erreur", page.QuerySelector("#filtre-theme")!.GetAttribute("aria-describedby"));
    }

    /// <summary>What a visitor may paste or a robot may send: search-engine syntax, SQL, emoji, markup, a very long value.</summary>
    public static readonly IReadOnlyList<string> HostileValues =
    [
        new string('a', 10_000), "🏡🌳", "\"", "'", "*", "NEAR(", "' OR 1=1 --", "AND", "-", "'; DROP TABLE \"ContentItems\"; --",
        "%_%", "<script>alert(1)</script>", "2026-12-01' OR '1'='1", "-1", "99999999999999999999",
    ];

    public static readonly TheoryData<string, string> ListingParameters = new()
    {
        { "/recits", "type" }, { "/recits", "profil" }, { "/recits", "theme" }, { "/recits", "intercommunalite" }, { "/recits", "page" },
        { "/vivre-ici", "profil" }, { "/vivre-ici", "theme" }, { "/vivre-ici", "page" },
        { "/evenements", "type" }, { "/evenements", "profil" }, { "/evenements", "theme" }, { "/evenements", "intercommunalite" },
        { "/evenements", "page" }, { "/evenements", "du" }, { "/evenements", "au" }, { "/evenements", "mois" }, { "/evenements", "vue" },
    };

    [Theory, EveryDatabase]
    public async Task HostileValues_InAnyFilter_GiveTheListingWithResultsOrAMessage_NeverAnErrorPage(DatabaseProvider provider)
    {
        var client = await apps.ClientAsync(provider);
        foreach (var (listing, parameter) in ListingParameters.Select(row => ((string)row[0], (string)row[1])))
        {
            foreach (var value in HostileValues)
            {
                var (response, page) = await client.GetPageAsync($"{listing}?{parameter}={Uri.EscapeDataString(value)}");
                var what = $"{listing}?{parameter}=« {value[..Math.Min(value.Length, 30)]} »";
                Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{what} gave {(int)response.StatusCode}");
                Assert.True(page.QuerySelector("form.content-filters") is not null, $"{what} did not show the listing");
                Assert.True(page.QuerySelector("script:not([src])")?.TextContent.Contains("alert(1)", StringComparison.Ordinal) is not true, $"{what} ran a script");
                if (parameter is "du" or "au")
                {
                    Assert.Equal(value, page.QuerySelector($"#filtre-{parameter}")!.GetAttribute("value"));
                }
            }
        }
    }
}
