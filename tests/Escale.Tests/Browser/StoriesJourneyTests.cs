using System.Globalization;
using System.Xml.Linq;
using Escale.Core.Content;
using Escale.Core.Identity;
using Escale.Tests.Infrastructure;
using Escale.Tests.Integration.Pages.Admin.Contenus;
using Escale.Tests.Unit.Media;
using Escale.Web.Infrastructure.Localization;
using Microsoft.Playwright;

namespace Escale.Tests.Browser;

/// <summary>
/// The editorial portal end to end: an editor writes and publishes, proposals come in from partners and ambassadors,
/// and visitors find the result on the pages, in the feeds, the sitemap and their calendar.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class StoriesJourneyTests(BrowserFixture browser) : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => browser.CloseVisitorsAsync();

    private static readonly TimeSpan VisibleWithin = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Editor_WritesPortraitWithImage_PreviewsAndPublishesIt_VisitorFindsItOnEveryPageAndFeed()
    {
        var editor = await MailAppFixture.CreateUserAsync(browser.App, roles: Roles.Editor);
        var suffix = StorySteps.Unique();
        var title = $"Élodie, ébéniste à Saint-Céré {suffix}";
        var alt = $"Élodie rabote une planche de noyer dans son atelier {suffix}";
        var page = await browser.NewPageAsync();
        await BrowserSteps.SignInAsync(page, editor.Email!);
        var editorProblems = BrowserSteps.WatchForProblems(page);

        // Writing: a portrait for young people, in Saint-Céré, with a script slipped into the Markdown.
        await page.GotoAsync("/admin/contenus");
        await page.GetByRole(AriaRole.Link, new() { Name = "Portrait", Exact = true }).ClickAsync();
        await page.Locator("#Input_TitleFr").FillAsync(title);
        await page.Locator("#Input_SummaryFr").FillAsync("Revenue au pays après dix ans à Lyon, elle fabrique des meubles sur mesure.");
        await page.Locator("#Input_BodyFr").FillAsync(
            "Elle a repris l’atelier de son grand-père en **2021**.\n\n<script>window.injected = true</script>\n\n<p onclick=\"window.injected = true\">Cliquez ici</p>\n\nSes clients viennent de tout le *Ségala*.");
        await page.Locator("#Input_CommuneId").SelectOptionAsync(new SelectOptionValue { Label = "Saint-Céré" });
        await page.Locator("#persona-jeunes").CheckAsync();
        await page.Locator("#theme-Heritage").CheckAsync();
        await page.Locator("#Input_Featured").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await page.WaitForURLAsync("**/admin/contenus/edition/*");
        Assert.Equal("Le contenu est enregistré.", (await page.Locator(".status-message").InnerTextAsync()).Trim());
        Assert.Equal("Brouillon", (await page.Locator("#content-status").InnerTextAsync()).Trim());
        var slug = await page.Locator("#Input_Slug").InputValueAsync();
        Assert.Equal($"elodie-ebeniste-a-saint-cere-{suffix}", slug);
        var path = "/recits/" + slug;

        // The lead image: a real PNG, its text alternative, and the renditions the browser picks from.
        await page.Locator("#Upload_File").SetInputFilesAsync(new FilePayload { Name = "atelier.png", MimeType = "image/png", Buffer = TestImages.Png(1600, 1000) });
        await page.Locator("#Upload_AltFr").FillAsync(alt);
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer l’image" }).ClickAsync();
        await page.Locator(".current-lead-image").WaitForAsync();
        Assert.Equal("L’image est enregistrée.", (await page.Locator(".status-message").InnerTextAsync()).Trim());
        Assert.Equal(alt, (await page.Locator(".current-alt").InnerTextAsync()).Trim());
        await AssertPictureAsync(page.Locator(".current-lead-image picture"), alt);

        // The preview: the article as the public will see it, never indexed; the public address still answers 404.
        var preview = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Link, new() { Name = "Aperçu de la dernière révision" }).ClickAsync(),
            response => response.Url.EndsWith("/apercu", StringComparison.Ordinal));
        await page.WaitForURLAsync("**/apercu");
        Assert.Equal(200, preview.Status);
        Assert.Equal("noindex", await preview.HeaderValueAsync("x-robots-tag"));
        Assert.Equal("noindex", await page.Locator("meta[name=robots]").GetAttributeAsync("content"));
        Assert.Equal(title, (await page.Locator("article h1").InnerTextAsync()).Trim());
        await AssertPictureAsync(page.Locator("article picture"), alt);
        await AssertBodyIsSafeAsync(page);
        Assert.Equal(404, await StorySteps.AnonymousStatusAsync(browser, path));

        // Review, then publication.
        await page.GetByRole(AriaRole.Link, new() { Name = "Retour au contenu" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer en relecture" }).ClickAsync();
        await page.Locator(".status-message", new() { HasTextString = "envoyé en relecture" }).WaitForAsync();
        Assert.Equal("En relecture", (await page.Locator("#content-status").InnerTextAsync()).Trim());
        await page.GetByRole(AriaRole.Button, new() { Name = "Publier maintenant" }).ClickAsync();
        await page.Locator(".status-message", new() { HasTextString = "est publié" }).WaitForAsync();
        Assert.Equal("Publié", (await page.Locator("#content-status").InnerTextAsync()).Trim());
        Assert.Equal(path, await page.Locator(".content-workflow a", new() { HasTextString = slug }).GetAttributeAsync("href"));
        Assert.Empty(editorProblems);

        // A visitor: the home page, the persona page, the story itself.
        var visitor = await browser.NewPageAsync();
        var problems = BrowserSteps.WatchForProblems(visitor);
        Assert.True(await StorySteps.EventuallyAsync(visitor, "/", async _ => (await StorySteps.CardTitlesAsync(visitor)).Contains(title), VisibleWithin),
            "The published portrait is not on the home page.");
        await visitor.GotoAsync("/profils/jeunes");
        Assert.Contains(title, await StorySteps.CardTitlesAsync(visitor));
        await visitor.GotoAsync("/profils/changer-de-vie");
        Assert.DoesNotContain(title, await StorySteps.CardTitlesAsync(visitor));
        await visitor.GotoAsync("/profils/jeunes");
        await visitor.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await visitor.WaitForURLAsync("**" + path);
        Assert.Equal(title, (await visitor.Locator("main h1").InnerTextAsync()).Trim());
        Assert.Contains("Saint-Céré", await visitor.Locator(".content-type").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("Patrimoine", (await visitor.Locator(".content-themes li").InnerTextAsync()).Trim());
        await AssertPictureAsync(visitor.Locator("article picture"), alt);
        await AssertBodyIsSafeAsync(visitor);
        Assert.Empty(problems);
        // Shared on a social network, the link shows the photo: an absolute JPEG that answers, with its alt text.
        Assert.Equal("summary_large_image", await visitor.Locator("meta[name='twitter:card']").GetAttributeAsync("content"));
        Assert.Equal(alt, await visitor.Locator("meta[property='og:image:alt']").GetAttributeAsync("content"));
        var ogImage = new Uri((await visitor.Locator("meta[property='og:image']").GetAttributeAsync("content"))!);
        var shared = await visitor.Context.APIRequest.GetAsync(ogImage.PathAndQuery);
        Assert.Equal(200, shared.Status);
        Assert.Equal("image/jpeg", shared.Headers["content-type"]);
        // Search engines get the same image in the Article's JSON-LD; the browser fetches it first, not when scrolled to.
        using (var jsonLd = System.Text.Json.JsonDocument.Parse(await visitor.Locator("script[type='application/ld+json']").First.TextContentAsync() ?? ""))
        {
            var article = jsonLd.RootElement.ValueKind == System.Text.Json.JsonValueKind.Array ? jsonLd.RootElement[0] : jsonLd.RootElement;
            Assert.Equal(ogImage.AbsoluteUri, article.GetProperty("image").GetProperty("url").GetString());
            Assert.Equal(alt, article.GetProperty("image").GetProperty("caption").GetString());
        }
        Assert.Equal("eager", await visitor.Locator("article picture img").GetAttributeAsync("loading"));

        // The site's search finds it from the header box, typed without accents (« Ségala » is only in the body) and in
        // the singular (the summary says « meubles »), with the words marked in the snippet.
        var searchBox = visitor.GetByRole(AriaRole.Search).GetByLabel("Rechercher sur le site");
        await searchBox.FillAsync($"segala meuble {suffix}");
        await searchBox.PressAsync("Enter");
        await visitor.WaitForURLAsync("**/recherche?q=*");
        var hit = visitor.Locator("section[aria-labelledby=recherche-contenus] .search-hit");
        Assert.Equal(1, await hit.CountAsync());
        Assert.Equal(title, (await hit.Locator("h3 a").InnerTextAsync()).Trim());
        var marked = await hit.Locator(".search-snippet mark").AllInnerTextsAsync();
        Assert.Contains("meubles", marked);

        // The feeds the listing announces, the persona's feed, and the sitemap.
        await visitor.GotoAsync("/recits");
        Assert.Contains(title, await StorySteps.CardTitlesAsync(visitor));
        var rss = await visitor.Locator("link[rel=alternate][type='application/rss+xml']").GetAttributeAsync("href");
        var atom = await visitor.Locator("link[rel=alternate][type='application/atom+xml']").GetAttributeAsync("href");
        var (rssResponse, rssFeed) = await StorySteps.XmlAsync(visitor, rss!);
        Assert.StartsWith("application/rss+xml", rssResponse.Headers["content-type"], StringComparison.Ordinal);
        var rssItem = Assert.Single(rssFeed.Descendants("item"), i => (string?)i.Element("title") == title);
        Assert.EndsWith(path, (string?)rssItem.Element("link"), StringComparison.Ordinal);
        XNamespace atomNs = "http://www.w3.org/2005/Atom";
        var (_, atomFeed) = await StorySteps.XmlAsync(visitor, atom!);
        var atomEntry = Assert.Single(atomFeed.Descendants(atomNs + "entry"), e => (string?)e.Element(atomNs + "title") == title);
        Assert.EndsWith(path, atomEntry.Element(atomNs + "link")?.Attribute("href")?.Value, StringComparison.Ordinal);
        var (_, personaFeed) = await StorySteps.XmlAsync(visitor, rss + "?profil=jeunes");
        Assert.Contains(title, personaFeed.Descendants("item").Select(i => (string?)i.Element("title")));
        var (_, otherPersonaFeed) = await StorySteps.XmlAsync(visitor, rss + "?profil=changer-de-vie");
        Assert.DoesNotContain(title, otherPersonaFeed.Descendants("item").Select(i => (string?)i.Element("title")));
        XNamespace sitemapNs = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var (_, sitemap) = await StorySteps.XmlAsync(visitor, "/sitemap.xml");
        Assert.Single(sitemap.Descendants(sitemapNs + "loc"), loc => loc.Value.EndsWith(path, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Editor_PublishesEvent_VisitorDownloadsItsIcsInParisTime_AndFindsItInItsMonth()
    {
        var editor = await MailAppFixture.CreateUserAsync(browser.App, roles: Roles.Editor);
        var suffix = StorySteps.Unique();
        var title = $"Festival de jazz de Souillac {suffix}";
        // Forty days ahead, 20:30 in Paris, whatever the season: the file must say so in Europe/Paris.
        var day = DateOnly.FromDateTime(ParisTime.ToLocal(DateTimeOffset.UtcNow)).AddDays(40);
        var starts = day.ToDateTime(new TimeOnly(20, 30));
        var ends = day.ToDateTime(new TimeOnly(23, 45));
        var page = await browser.NewPageAsync();
        await BrowserSteps.SignInAsync(page, editor.Email!);

        await page.GotoAsync("/admin/contenus");
        await page.GetByRole(AriaRole.Link, new() { Name = "Événement", Exact = true }).ClickAsync();
        await page.Locator("#Input_TitleFr").FillAsync(title);
        await page.Locator("#Input_SummaryFr").FillAsync("Trois soirs de concerts au bord de la Dordogne.");
        await page.Locator("#Input_StartsAt").FillAsync(starts.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
        await page.Locator("#Input_EndsAt").FillAsync(ends.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
        await page.Locator("#Input_Venue").FillAsync("Jardin de l’abbaye");
        await page.Locator("#Input_Organiser").FillAsync("Association Souillac en jazz");
        await page.Locator("#Input_Price").FillAsync("15 €");
        await page.Locator("#Input_CommuneId").SelectOptionAsync(new SelectOptionValue { Label = "Souillac" });
        await page.Locator("#theme-Culture").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await page.WaitForURLAsync("**/admin/contenus/edition/*");
        var slug = await page.Locator("#Input_Slug").InputValueAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Publier maintenant" }).ClickAsync();
        await page.Locator(".status-message", new() { HasTextString = "est publié" }).WaitForAsync();
        var path = "/evenements/" + slug;

        var visitor = await browser.NewPageAsync();
        Assert.True(await StorySteps.EventuallyAsync(visitor, path, response => Task.FromResult(response?.Status == 200), VisibleWithin),
            "The published event's page does not answer.");
        Assert.Equal(title, (await visitor.Locator("main h1").InnerTextAsync()).Trim());
        Assert.Equal(ParisTime.FromLocal(starts), DateTimeOffset.Parse(
            (await visitor.Locator(".event-facts time").First.GetAttributeAsync("datetime"))!, CultureInfo.InvariantCulture));
        var download = await visitor.RunAndWaitForDownloadAsync(
            () => visitor.GetByRole(AriaRole.Link, new() { Name = "Ajouter à mon agenda (.ics)" }).ClickAsync());
        Assert.Equal(slug + ".ics", download.SuggestedFilename);
        var text = await File.ReadAllTextAsync((await download.PathAsync())!);

        var calendar = Ical.Net.Calendar.Load(text)!;
        var vevent = Assert.Single(calendar.Events);
        Assert.Equal(title, vevent.Summary);
        Assert.Equal("Europe/Paris", vevent.DtStart!.TzId);
        Assert.Equal(starts, vevent.DtStart.Value);
        Assert.Equal(ends, vevent.DtEnd!.Value);
        Assert.Contains("Jardin de l’abbaye", vevent.Location, StringComparison.Ordinal);
        Assert.EndsWith(path, vevent.Url!.ToString(), StringComparison.Ordinal);
        Assert.Contains($"DTSTART;TZID=Europe/Paris:{starts:yyyyMMdd'T'HHmmss}", text.Replace("\r\n ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains(calendar.TimeZones, zone => zone.TzId == "Europe/Paris");

        // Its month lists it; the month before does not.
        var month = new DateOnly(day.Year, day.Month, 1);
        await visitor.GotoAsync("/evenements?mois=" + month.ToString("yyyy-MM", CultureInfo.InvariantCulture));
        Assert.Contains(title, await StorySteps.CardTitlesAsync(visitor));
        var previous = month.AddMonths(-1).ToString("MMMM yyyy", CultureInfo.GetCultureInfo("fr-FR"));
        await visitor.GetByRole(AriaRole.Link, new() { Name = previous }).ClickAsync();
        await visitor.Locator("main h2", new() { HasTextString = previous }).WaitForAsync();
        Assert.DoesNotContain(title, await StorySteps.CardTitlesAsync(visitor));
        await visitor.GotoAsync("/evenements");
        Assert.Contains(title, await StorySteps.CardTitlesAsync(visitor));
    }

    [Theory]
    [InlineData(Roles.Partner)]
    [InlineData(Roles.Ambassador)]
    public async Task Proposal_LandsInTheEditorsReviewQueue_AndTheEditorPublishesIt(string role)
    {
        var proposer = await MailAppFixture.CreateUserAsync(browser.App, roles: role);
        var editor = await MailAppFixture.CreateUserAsync(browser.App, roles: Roles.Editor);
        var title = $"La fromagerie de Gramat recrute {StorySteps.Unique()}";

        var page = await browser.NewPageAsync();
        await BrowserSteps.SignInAsync(page, proposer.Email!);
        await page.GotoAsync("/recits");
        await page.GetByRole(AriaRole.Link, new() { Name = "Proposer un récit" }).ClickAsync();
        await page.WaitForURLAsync("**/proposer-un-recit");
        await page.GetByLabel("Pépite", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Titre").FillAsync(title);
        await page.GetByLabel("Chapeau").FillAsync("Trente salariés et des rocamadours vendus jusqu’au Japon.");
        await page.GetByLabel("Texte (Markdown)").FillAsync("Une **pépite** du causse.");
        await page.GetByLabel("Site de l’entreprise (pour une pépite)").FillAsync("https://fromagerie.exemple.invalid");
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer ma proposition" }).ClickAsync();
        await page.WaitForURLAsync("**/proposer-un-recit/merci");
        Assert.Equal("Merci pour votre proposition", (await page.Locator("main h1").InnerTextAsync()).Trim());

        var editorPage = await browser.NewPageAsync();
        await BrowserSteps.SignInAsync(editorPage, editor.Email!);
        // The way in: the header's back-office link, then the count of what waits for review.
        await editorPage.GetByRole(AriaRole.Link, new() { Name = "Administration" }).ClickAsync();
        await editorPage.Locator("#admin-a-relire").ClickAsync();
        await editorPage.WaitForURLAsync("**/admin/contenus?status=InReview");
        Assert.Equal("InReview", await editorPage.Locator("#status").InputValueAsync());
        var row = editorPage.Locator("tbody tr", new() { HasTextString = title });
        Assert.Equal(["Pépite", "En relecture"], [.. (await row.Locator("td").AllInnerTextsAsync()).Skip(1).Take(2).Select(t => t.Trim())]);
        await row.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        Assert.Equal("En relecture", (await editorPage.Locator("#content-status").InnerTextAsync()).Trim());
        Assert.Equal("https://fromagerie.exemple.invalid", await editorPage.Locator("#Input_Website").InputValueAsync());
        await editorPage.GetByRole(AriaRole.Button, new() { Name = "Publier maintenant" }).ClickAsync();
        await editorPage.Locator(".status-message", new() { HasTextString = "est publié" }).WaitForAsync();
        var path = await editorPage.Locator(".content-workflow a[href^='/recits/']").GetAttributeAsync("href");

        var visitor = await browser.NewPageAsync();
        Assert.True(await StorySteps.EventuallyAsync(visitor, path!, response => Task.FromResult(response?.Status == 200), VisibleWithin),
            "The published proposal's page does not answer.");
        Assert.Equal(title, (await visitor.Locator("main h1").InnerTextAsync()).Trim());
        Assert.Equal("https://fromagerie.exemple.invalid", await visitor.Locator(".company-website a").GetAttributeAsync("href"));
        await editorPage.GotoAsync("/admin/contenus?status=InReview");
        Assert.Equal(0, await editorPage.Locator("tbody tr", new() { HasTextString = title }).CountAsync());
    }

    [Fact]
    public async Task ScheduledStory_IsHiddenUntilItsTime_ThenAppearsOnItsPageAndTheListing()
    {
        var title = $"Le marché de nuit de Lacapelle-Marival {StorySteps.Unique()}";
        var item = await StorySteps.PublishedAsync(browser.App, StorySteps.Draft(ContentType.News, title), publishAt: DateTimeOffset.UtcNow.AddSeconds(8));
        var path = "/recits/" + item.Slug;
        var visitor = await browser.NewPageAsync();

        var before = await visitor.GotoAsync(path);
        Assert.Equal(404, before!.Status);
        await visitor.GotoAsync("/recits");
        Assert.DoesNotContain(title, await StorySteps.CardTitlesAsync(visitor));
        Assert.True(DateTimeOffset.UtcNow < item.PublishAt, "Too slow to see the story before its time: the checks above proved nothing.");

        Assert.True(await StorySteps.EventuallyAsync(visitor, path, response => Task.FromResult(response?.Status == 200), VisibleWithin),
            "The scheduled story never became visible.");
        Assert.Equal(title, (await visitor.Locator("main h1").InnerTextAsync()).Trim());
        Assert.True(await StorySteps.EventuallyAsync(visitor, "/recits", async _ => (await StorySteps.CardTitlesAsync(visitor)).Contains(title), VisibleWithin),
            "The scheduled story is visible but not listed.");
    }

    [Fact]
    public async Task Editor_SchedulesPublicationForTomorrow_ItStaysHiddenAndTheEditorSeesWhen()
    {
        var editor = await MailAppFixture.CreateUserAsync(browser.App, roles: Roles.Editor);
        var title = $"Les halles de Figeac rouvrent {StorySteps.Unique()}";
        var item = await ContentSteps.ArrangeAsync(browser.App, StorySteps.Draft(ContentType.News, title), publish: false);
        var at = DateOnly.FromDateTime(ParisTime.ToLocal(DateTimeOffset.UtcNow)).AddDays(1).ToDateTime(new TimeOnly(9, 0));
        var page = await browser.NewPageAsync();
        await BrowserSteps.SignInAsync(page, editor.Email!);

        await page.GotoAsync($"/admin/contenus/edition/{item.Id}");
        await page.GetByLabel("Ou publier le (heure de Paris)").FillAsync(at.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Programmer la publication" }).ClickAsync();
        await page.Locator(".status-message", new() { HasTextString = "Publication programmée" }).WaitForAsync();

        Assert.Contains(InFrench(() => ParisTime.LongDateTime(ParisTime.FromLocal(at))), await page.Locator(".status-message").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(404, await StorySteps.AnonymousStatusAsync(browser, "/recits/" + item.Slug));
    }

    [Fact]
    public async Task Editor_PublishNow_WithADateLeftInTheScheduleField_PublishesNow()
    {
        var editor = await MailAppFixture.CreateUserAsync(browser.App, roles: Roles.Editor);
        var item = await ContentSteps.ArrangeAsync(browser.App, StorySteps.Draft(ContentType.News, $"Le pont de Cajarc rouvert {StorySteps.Unique()}"), publish: false);
        var tomorrow = DateOnly.FromDateTime(ParisTime.ToLocal(DateTimeOffset.UtcNow)).AddDays(1).ToDateTime(new TimeOnly(9, 0));
        var page = await browser.NewPageAsync();
        await BrowserSteps.SignInAsync(page, editor.Email!);

        await page.GotoAsync($"/admin/contenus/edition/{item.Id}");
        await page.GetByLabel("Ou publier le (heure de Paris)").FillAsync(tomorrow.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Publier maintenant" }).ClickAsync();
        await page.Locator(".status-message").WaitForAsync();

        Assert.Equal("Le contenu est publié.", (await page.Locator(".status-message").InnerTextAsync()).Trim());
        Assert.Equal(200, await StorySteps.AnonymousStatusAsync(browser, "/recits/" + item.Slug));
    }

    [Fact]
    public async Task Editor_SchedulesWithoutADate_IsAskedForOne_AndNothingGoesPublic()
    {
        var editor = await MailAppFixture.CreateUserAsync(browser.App, roles: Roles.Editor);
        var item = await ContentSteps.ArrangeAsync(browser.App, StorySteps.Draft(ContentType.News, $"La voie verte de Cazals {StorySteps.Unique()}"), publish: false);
        var page = await browser.NewPageAsync();
        await BrowserSteps.SignInAsync(page, editor.Email!);

        await page.GotoAsync($"/admin/contenus/edition/{item.Id}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Programmer la publication" }).ClickAsync();
        await page.Locator(".error-detail").WaitForAsync();

        Assert.Equal("Indiquez la date et l’heure de publication.", (await page.Locator(".error-detail").InnerTextAsync()).Trim());
        Assert.Equal("Brouillon", (await page.Locator("#content-status").InnerTextAsync()).Trim());
        Assert.Equal(404, await StorySteps.AnonymousStatusAsync(browser, "/recits/" + item.Slug));
    }

    /// <summary>What the app writes for a French visitor, whatever the culture the tests run in.</summary>
    private static string InFrench(Func<string> format)
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr-FR");
        try
        {
            return format();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }

    /// <summary>A &lt;picture&gt; offering WebP and JPEG in several widths, whose image the browser really loaded.</summary>
    private static async Task AssertPictureAsync(ILocator picture, string alt)
    {
        var webp = await picture.Locator("source[type='image/webp']").GetAttributeAsync("srcset");
        var img = picture.Locator("img");
        var jpeg = await img.GetAttributeAsync("srcset");
        Assert.Matches(@"^/media/\w+-\d+\.webp \d+w(, /media/\w+-\d+\.webp \d+w)+$", webp);
        Assert.Matches(@"^/media/\w+-\d+\.jpg \d+w(, /media/\w+-\d+\.jpg \d+w)+$", jpeg);
        Assert.Equal(alt, await img.GetAttributeAsync("alt"));
        await img.ScrollIntoViewIfNeededAsync();
        await img.EvaluateAsync("img => img.complete && img.naturalWidth > 0 ? null : new Promise((ok, ko) => { img.onload = ok; img.onerror = ko; })");
        Assert.EndsWith(".webp", await img.EvaluateAsync<string>("img => img.currentSrc"), StringComparison.Ordinal);
        Assert.True(await img.EvaluateAsync<int>("img => img.naturalWidth") > 0);
    }

    /// <summary>The Markdown came out as HTML, and neither the script nor the event handler slipped into it became markup.</summary>
    private static async Task AssertBodyIsSafeAsync(IPage page)
    {
        var body = page.Locator("article .content-body");
        Assert.Equal("2021", (await body.Locator("strong").InnerTextAsync()).Trim());
        Assert.Equal(0, await body.Locator("script").CountAsync());
        Assert.Equal(0, await body.Locator("[onclick]").CountAsync());
        // Raw HTML in Markdown is escaped (ContentMarkdown): the editor sees their mistake as text, nothing runs.
        Assert.Contains("<script>window.injected = true</script>", await body.InnerTextAsync(), StringComparison.Ordinal);
        Assert.False(await page.EvaluateAsync<bool>("() => window.injected === true"));
    }
}
