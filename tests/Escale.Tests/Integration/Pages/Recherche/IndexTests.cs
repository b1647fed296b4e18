using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Escale.Core.Content;
using Escale.Core.Content.Search;
using Escale.Core.Data;
using Escale.Core.Opportunities;
using Escale.Tests.Infrastructure;
using Escale.Tests.Integration.Pages.Admin.Contenus;
using Escale.Tests.Integration.Pages.Offres;
using Microsoft.Extensions.DependencyInjection;

namespace Escale.Tests.Integration.Pages.Recherche;

/// <summary>
/// Search on both engines. Each test's items carry an invented word of their own, and each query includes it, so that
/// tests sharing the application only ever find their own items (the words of a query must all match).
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class IndexTests(AppFixture fixture)
{
    private static string Marker() => "zq" + new string(Guid.NewGuid().ToString("N").Where(char.IsAsciiLetter).Take(8).ToArray()) + "xw";

    private static ContentDraft Draft(string title, string body, ContentType type = ContentType.Portrait, string? english = null, string? englishBody = null) => new()
    {
        Type = type,
        StartsAt = type == ContentType.Event ? DateTimeOffset.UtcNow.AddDays(10) : null,
        Texts = english is null
            ? [new ContentText("fr", title, null, body)]
            : [new ContentText("fr", title, null, body), new ContentText("en", english, null, englishBody ?? body)],
    };

    private static async Task<JsonElement> ApiAsync(HttpClient client, string query, string language = "fr")
    {
        var response = await client.GetAsync(new Uri($"/api/v1/recherche?q={Uri.EscapeDataString(query)}&langue={language}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static List<string> Titles(JsonElement answer) => [.. answer.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("title").GetString()!)];

    [Theory, EveryDatabase]
    public async Task PluralAndUnaccentedWords_FindTheSingularAndAccentedText_WithTheWordsMarked(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var marker = Marker();
        await ContentSteps.ArrangeAsync(app, Draft($"Claire, institutrice {marker}", "Elle a rouvert l’École du village : chaque enfant y apprend à nager."));
        var client = app.CreateBrowserlessClient();

        var (response, page) = await client.GetPageAsync($"/recherche?q={Uri.EscapeDataString("enfants ecole " + marker)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"Claire, institutrice {marker}", page.Text(".search-hit h3 a"));
        Assert.Equal(["École", "enfant"], page.QuerySelectorAll(".search-snippet mark").Select(m => m.TextContent));
        Assert.Equal("Portrait", page.Text(".search-hit-type"));
        Assert.StartsWith("/recits/", page.QuerySelector(".search-hit h3 a")!.GetAttribute("href"));
        Assert.Equal("1 résultat", page.Text(".result-count"));
    }

    [Theory, EveryDatabase]
    public async Task TheTitle_WeighsMoreThanTheBody(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var marker = Marker();
        await ContentSteps.ArrangeAsync(app, Draft($"Un domaine {marker}", "Le vigneron taille ses vignes en hiver, avant les autres travaux de la saison."));
        await ContentSteps.ArrangeAsync(app, Draft($"Paul, vigneron {marker}", "Il a repris le domaine familial."));

        var answer = await ApiAsync(app.CreateBrowserlessClient(), "vigneron " + marker);

        Assert.Equal([$"Paul, vigneron {marker}", $"Un domaine {marker}"], Titles(answer));
    }

    [Theory, EveryDatabase]
    public async Task InEnglish_TheEnglishTextIsSearched_AndItemsWithoutOneAreSearchedInFrench(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var marker = Marker();
        await ContentSteps.ArrangeAsync(app, Draft($"Le fromager {marker}", "Des fromages de chèvre.", english: $"The cheesemaker {marker}", englishBody: "Goat cheeses."));
        await ContentSteps.ArrangeAsync(app, Draft($"La boulangère {marker}", "Du pain au levain."));
        var client = app.CreateBrowserlessClient();

        Assert.Equal([$"The cheesemaker {marker}"], Titles(await ApiAsync(client, "goat " + marker, "en")));
        Assert.Equal([$"La boulangère {marker}"], Titles(await ApiAsync(client, "levain " + marker, "en")));
        Assert.Empty(Titles(await ApiAsync(client, "chevre " + marker, "en")));
        Assert.Equal([$"Le fromager {marker}"], Titles(await ApiAsync(client, "chevre " + marker)));

        var (_, page) = await (await app.CreateBrowserlessClient().InEnglishAsync()).GetPageAsync("/recherche?q=goat+" + marker);
        Assert.Equal($"The cheesemaker {marker}", page.Text(".search-hit h3 a"));
    }

    [Theory, EveryDatabase]
    public async Task Drafts_ScheduledAndArchivedItems_AreNotFound(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var marker = Marker();
        await ContentSteps.ArrangeAsync(app, Draft($"Publié {marker}", "Randonnée."));
        await ContentSteps.ArrangeAsync(app, Draft($"Brouillon {marker}", "Randonnée."), publish: false);
        await ContentSteps.ArrangeAsync(app, Draft($"Programmé {marker}", "Randonnée."), publishAt: DateTimeOffset.UtcNow.AddDays(2));
        var archived = await ContentSteps.ArrangeAsync(app, Draft($"Archivé {marker}", "Randonnée."));
        await ChangeAsync(app, archived.Id, (item, now) => ContentWorkflow.Apply(item, ContentAction.Archive, now));

        Assert.Equal([$"Publié {marker}"], Titles(await ApiAsync(app.CreateBrowserlessClient(), "randonnee " + marker)));
    }

    [Theory, EveryDatabase]
    public async Task TheIndex_FollowsPublishingEditingWithdrawingAndArchiving(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var marker = Marker();
        var client = app.CreateBrowserlessClient();
        var item = await ContentSteps.ArrangeAsync(app, Draft($"Le moulin {marker}", "Une meunière."), publish: false);
        Assert.Empty(Titles(await ApiAsync(client, "moulin " + marker)));

        await ChangeAsync(app, item.Id, (i, now) => ContentWorkflow.Apply(i, ContentAction.Publish, now));
        Assert.Single(Titles(await ApiAsync(client, "moulin " + marker)));

        await EditAsync(app, item.Id, Draft($"La forge {marker}", "Un forgeron."));
        Assert.Empty(Titles(await ApiAsync(client, "moulin " + marker)));
        Assert.Equal([$"La forge {marker}"], Titles(await ApiAsync(client, "forgeron " + marker)));

        await ChangeAsync(app, item.Id, (i, now) => ContentWorkflow.Apply(i, ContentAction.ReturnToDraft, now));
        Assert.Empty(Titles(await ApiAsync(client, "forge " + marker)));

        await ChangeAsync(app, item.Id, (i, now) => ContentWorkflow.Apply(i, ContentAction.Publish, now));
        Assert.Single(Titles(await ApiAsync(client, "forge " + marker)));
        await ChangeAsync(app, item.Id, (i, now) => ContentWorkflow.Apply(i, ContentAction.Archive, now));
        Assert.Empty(Titles(await ApiAsync(client, "forge " + marker)));
    }

    [Theory, EveryDatabase]
    public async Task Rebuild_RefillsTheIndexFromThePublishedItems(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var marker = Marker();
        await ContentSteps.ArrangeAsync(app, Draft($"La gabarre {marker}", "Sur le Lot."));
        await using (var scope = app.Scope())
        {
            var search = scope.ServiceProvider.GetRequiredService<IContentSearch>();
            await search.RemoveAsync([.. await app.WithDbAsync(db => Task.FromResult(db.ContentItems.Select(c => c.Id).ToList()))]);
            Assert.Empty(Titles(await ApiAsync(app.CreateBrowserlessClient(), "gabarre " + marker)));
            await search.RebuildAsync();
        }

        Assert.Single(Titles(await ApiAsync(app.CreateBrowserlessClient(), "gabarre " + marker)));
    }

    [Theory, EveryDatabase]
    public async Task TheSnippet_NeverCarriesTheTextsMarkup_AndMarksOnlyTheMatches(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var marker = Marker();
        await ContentSteps.ArrangeAsync(app, Draft($"Atelier {marker}", "Le code <script>alert(1)</script> & la céramique <b>émaillée</b>."));

        var snippet = (await ApiAsync(app.CreateBrowserlessClient(), "ceramique " + marker)).GetProperty("hits")[0].GetProperty("snippetHtml").GetString()!;

        Assert.Contains("<mark>céramique</mark>", snippet);
        // SQLite shows the tags as text; PostgreSQL's ts_headline drops what its parser reads as tags. Neither runs them.
        Assert.DoesNotContain("<script", snippet);
        Assert.DoesNotContain("<b>", snippet);
    }

    [Theory, EveryDatabase]
    public async Task Results_AreCountedByType_FilteredByType_AndPaged(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var marker = Marker();
        for (var i = 0; i < 12; i++)
        {
            await ContentSteps.ArrangeAsync(app, Draft($"Portrait {i} {marker}", "Un chef cuisinier."));
        }
        await ContentSteps.ArrangeAsync(app, Draft($"Fête de la cuisine {marker}", "Avec les cuisiniers du Lot.", ContentType.Event));
        var client = app.CreateBrowserlessClient();

        var (_, first) = await client.GetPageAsync($"/recherche?q=cuisinier+{marker}");
        Assert.Equal(10, first.QuerySelectorAll(".search-hit").Length);
        Assert.Equal("13", Html.Digits(first.Text(".result-count")));
        Assert.Contains("(12)", first.QuerySelector("#recherche-type option[value=portrait]")!.TextContent);
        Assert.Contains("(1)", first.QuerySelector("#recherche-type option[value=evenement]")!.TextContent);

        var (_, second) = await client.GetPageAsync(first.QuerySelector(".pagination a[rel=next]")!.GetAttribute("href")!);
        Assert.Equal(3, second.QuerySelectorAll(".search-hit").Length);

        var (_, events) = await client.GetPageAsync($"/recherche?q=cuisinier+{marker}&type=evenement");
        Assert.Equal($"Fête de la cuisine {marker}", events.Text(".search-hit h3 a"));
        Assert.StartsWith("/evenements/", events.QuerySelector(".search-hit h3 a")!.GetAttribute("href"));
    }

    /// <summary>How a nurse's title is written in real stories and offers.</summary>
    private static readonly string[] NurseTitles =
        ["Infirmière", "Infirmier·e libéral·e", "Infirmiers", "Infirmier(e)", "Infirmier-ère", "INFIRMIÈRE", "Infirmier/ère", "Infirmières de nuit"];

    [Theory, EveryDatabase]
    public async Task ANurseTitle_IsFound_WhicheverFormIsWrittenAndWhicheverIsTyped(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var marker = Marker();
        foreach (var title in NurseTitles)
        {
            await ContentSteps.ArrangeAsync(app, Draft($"{title} au village {marker}", "Des tournées dans la vallée."));
        }
        await ContentSteps.ArrangeAsync(app, Draft($"Infographiste au village {marker}", "Des affiches pour la vallée."));
        var client = app.CreateBrowserlessClient();

        foreach (var typed in new[] { "infirmier", "infirmière", "INFIRMIERES", "infirmiers", "Infirmier·e", "infirmier(e)", "infirmière libérale" })
        {
            var found = Titles(await ApiAsync(client, $"{typed} {marker}"));
            var expected = typed.Contains("libérale", StringComparison.Ordinal) ? 1 : NurseTitles.Length;
            Assert.True(found.Count == expected, $"« {typed} » found {found.Count}: {string.Join(" | ", found)}");
        }
        var (_, page) = await client.GetPageAsync($"/recherche?q=infirmier+{marker}&type=portrait");
        Assert.Equal(NurseTitles.Length.ToString(CultureInfo.InvariantCulture), Html.Digits(page.Text(".result-count")));
    }

    [Theory, EveryDatabase]
    public async Task AQuotedPhrase_FindsThePhrase(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var marker = Marker();
        await ContentSteps.ArrangeAsync(app, Draft($"Infirmière de bloc opératoire {marker}", "À l’hôpital de Figeac."));

        Assert.Equal([$"Infirmière de bloc opératoire {marker}"], Titles(await ApiAsync(app.CreateBrowserlessClient(), $"\"infirmier de bloc\" {marker}")));
        Assert.Equal([$"Infirmière de bloc opératoire {marker}"], Titles(await ApiAsync(app.CreateBrowserlessClient(), $"\"infirmier de bloc {marker}")));
    }

    [Theory, EveryDatabase]
    public async Task Offers_AndPlaces_AreFound_CountedByKind_WithLinksToTheirOwnSearch(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var word = OpportunityData.UniqueWord();
        await OpportunityData.AddAsync(app, $"Infirmière de nuit {word}", o => o.RomeCode = null, OpportunityData.Figeac);
        await OpportunityData.AddAsync(app, $"Infirmier·e libéral·e {word}", o => (o.Kind, o.Contract, o.RomeCode) = (OpportunityKind.HealthInstallation, ContractType.Liberal, null), OpportunityData.Figeac);
        await OpportunityData.AddAsync(app, $"Menuisier {word}", o => o.RomeCode = null, OpportunityData.Figeac);
        var client = app.CreateBrowserlessClient();
        var query = $"infirmier figeac {word}";

        var (response, page) = await client.GetPageAsync("/recherche?q=" + Uri.EscapeDataString(query));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var offers = page.QuerySelectorAll(".search-offer h3 a").Select(a => a.TextContent).Order(StringComparer.Ordinal).ToList();
        Assert.Equal([$"Infirmier·e libéral·e {word}", $"Infirmière de nuit {word}"], offers);
        var kinds = page.QuerySelectorAll(".search-kinds a").ToDictionary(a => a.TextContent.Trim(), a => a.GetAttribute("href"));
        Assert.Equal("/offres?q=" + Uri.EscapeDataString(query), kinds["2 offres"]);
        Assert.Equal("/communes?q=" + Uri.EscapeDataString(query), kinds["1 commune"]);
        var perKind = page.QuerySelectorAll(".search-group-kinds a").ToDictionary(a => a.TextContent.Trim(), a => a.GetAttribute("href"));
        Assert.Equal("/offres?q=" + Uri.EscapeDataString(query) + "&type=emploi", perKind["Offre d’emploi (1)"]);
        Assert.Equal("/offres?q=" + Uri.EscapeDataString(query) + "&type=sante", perKind["Installation en santé (1)"]);
        var figeac = page.QuerySelectorAll(".search-place a").Single();
        Assert.Equal(("Figeac", "/communes/46102/figeac"), (figeac.TextContent, figeac.GetAttribute("href")));
        Assert.Equal("3", Html.Digits(page.Text(".result-count")));

        var (_, offersPage) = await client.GetPageAsync(kinds["2 offres"]!);
        Assert.Equal("2 offres", offersPage.Text("#resultats-titre"));
    }

    [Theory]
    [InlineData("st cere", "Saint-Céré")]
    [InlineData("SAINT-CÉRÉ", "Saint-Céré")]
    [InlineData("saint cere", "Saint-Céré")]
    [InlineData("cahors", "Cahors")]
    [InlineData("grand figeac", "Grand-Figeac")]
    public async Task Places_AreFoundByName_AccentsCaseAndSaintAside(string typed, string name)
    {
        var (_, page) = await (await fixture.ClientAsync(DatabaseProvider.Sqlite)).GetPageAsync("/recherche?q=" + Uri.EscapeDataString(typed));

        Assert.Contains(page.QuerySelectorAll(".search-place a"), a => a.TextContent.Contains(name, StringComparison.Ordinal));
    }

    [Theory, EveryDatabase]
    public async Task NoResult_SuggestsWhatToTry_AndTheKindsPages(DatabaseProvider provider)
    {
        var (_, page) = await (await fixture.ClientAsync(provider)).GetPageAsync("/recherche?q=" + Marker());

        Assert.Contains("Les accents et les majuscules ne comptent pas", page.Text(".empty"), StringComparison.Ordinal);
        Assert.Contains("retirez-en un", page.Text(".empty"), StringComparison.Ordinal);
        Assert.Equal(["/offres", "/recits", "/evenements", "/vivre-ici", "/communes"], page.QuerySelectorAll(".empty a").Select(a => a.GetAttribute("href")));
    }

    public static readonly TheoryData<string> SyntaxInputs =
    [
        "\"", "\"unbalanced", "*", "cuisine*", "NEAR(a b)", "a AND b", "a OR b NOT c", "-vin", "(", ")", "title:vin", "{title}: vin",
        "'", "l'école", "\\", "%", "%_%", ";--", "'; DROP TABLE \"ContentItems\"; --", "vin:*", "!vin & (truffe | noix)", "<->", "^vin",
        "🏡🌳", "🍷 vin", "\u0000vin", "a\u200Bb", "NEAR(", "NEAR(vin", "' OR 1=1 --", "AND", "OR", "NOT", "-", "--", "\"\"", "vin\"",
    ];

    [Theory, EveryDatabase]
    public async Task SyntaxCharacters_SqlAndEmoji_GiveResultsOrAMessage_NeverAnError(DatabaseProvider provider)
    {
        var client = await fixture.ClientAsync(provider);
        foreach (var input in SyntaxInputs)
        {
            var page = await client.GetAsync(new Uri("/recherche?q=" + Uri.EscapeDataString(input), UriKind.Relative));
            Assert.True(page.StatusCode == HttpStatusCode.OK, $"« {input} » gave {(int)page.StatusCode}");
            var events = await client.GetAsync(new Uri("/recherche?type=evenement&q=" + Uri.EscapeDataString(input), UriKind.Relative));
            Assert.True(events.StatusCode == HttpStatusCode.OK, $"« {input} » among events gave {(int)events.StatusCode}");
            var api = await client.GetAsync(new Uri("/api/v1/recherche?q=" + Uri.EscapeDataString(input), UriKind.Relative));
            Assert.True(api.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"« {input} » gave {(int)api.StatusCode} from the API");
        }
    }

    [Theory, EveryDatabase]
    public async Task AnUnknownType_IsRefusedBesideItsSelect_AndTheWordsAreSearchedInEveryType(DatabaseProvider provider)
    {
        var client = await fixture.ClientAsync(provider);
        var marker = Marker();
        await ContentSteps.ArrangeAsync(await fixture.AppAsync(provider), new ContentDraft
        {
            Type = ContentType.Portrait,
            Texts = [new ContentText("fr", $"Portrait {marker}", "Chapeau.", "Texte.")],
        });

        var (response, page) = await client.GetPageAsync($"/recherche?q={marker}&type=" + Uri.EscapeDataString("' OR 1=1 --"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Ce type de contenu n’existe pas.", page.Text("#recherche-type-erreur"));
        Assert.Equal(marker, page.QuerySelector("#recherche-q")!.GetAttribute("value"));
        Assert.Equal($"Portrait {marker}", page.Text(".search-hit h3 a"));
    }

    [Theory, EveryDatabase]
    public async Task ALongQuery_OrOnlyStopWords_GetAFrenchMessage(DatabaseProvider provider)
    {
        var client = await fixture.ClientAsync(provider);

        var (longResponse, longPage) = await client.GetPageAsync("/recherche?q=" + new string('a', 10_000));
        var (_, stopPage) = await client.GetPageAsync("/recherche?q=le+la+les+de+et");
        var (_, emojiPage) = await client.GetPageAsync("/recherche?q=" + Uri.EscapeDataString("🏡 🌳"));
        var api = await client.GetAsync(new Uri("/api/v1/recherche?q=" + new string('a', 10_000), UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, longResponse.StatusCode);
        Assert.Contains("trop longue", longPage.Text("[role=alert]"));
        Assert.Contains("trop courants", stopPage.Text("[role=alert]"));
        Assert.Contains("au moins un mot", emojiPage.Text("[role=alert]"));
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.Contains("trop longue", await api.Content.ReadAsStringAsync());
    }

    [Theory, EveryDatabase]
    public async Task NoResult_SaysSo_WithHelp(DatabaseProvider provider)
    {
        var client = await fixture.ClientAsync(provider);

        var (_, page) = await client.GetPageAsync("/recherche?q=" + Marker());

        Assert.Equal("0", Html.Digits(page.Text(".result-count")));
        Assert.Contains("Aucun résultat", page.Text(".empty"));
    }

    [Fact]
    public async Task TheHeader_HasASearchBox_ThatWorksWithoutJavaScript()
    {
        var (_, page) = await (await fixture.ClientAsync(DatabaseProvider.Sqlite)).GetPageAsync("/");

        var form = page.QuerySelector("header form[role=search]")!;
        Assert.Equal("/recherche", form.GetAttribute("action"));
        Assert.Equal("get", form.GetAttribute("method"));
        var input = form.QuerySelector("input[name=q]")!;
        Assert.NotNull(form.QuerySelector($"label[for={input.Id}]"));
    }

    private static async Task ChangeAsync(EscaleAppFactory app, int id, Action<ContentItem, DateTimeOffset> change)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<EscaleDbContext>();
        var item = (await ContentEditing.LoadAsync(db, id, CancellationToken.None))!;
        change(item, DateTimeOffset.UtcNow);
        await db.SaveChangesAsync();
    }

    private static async Task EditAsync(EscaleAppFactory app, int id, ContentDraft draft)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<EscaleDbContext>();
        var item = (await ContentEditing.LoadAsync(db, id, CancellationToken.None))!;
        await ContentEditing.SaveAsync(db, item, draft, null, null, DateTimeOffset.UtcNow, CancellationToken.None);
    }
}
