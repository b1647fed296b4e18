using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Escale.Tests.Infrastructure;
using Escale.Tests.Integration.Pages.Admin.Contenus;
using Microsoft.EntityFrameworkCore;

namespace Escale.Tests.Integration.Pages.Admin.Campagnes;

/// <summary>Building a landing page from blocks with plain forms, previewing it, publishing it.</summary>
[Collection(AccountsCollection.Name)]
public sealed class LandingTests(MailAppFixture fixture)
{
    [Theory, EveryDatabase]
    public async Task Editor_AddsAndReordersBlocks_PreviewsThenPublishes(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var campaign = await CampaignSteps.ArrangeAsync(app);
        var story = await ContentSteps.ArrangeAsync(app, ContentSteps.Story($"Léa, ébéniste à Figeac {Guid.NewGuid():N}"));
        var client = await ContentSteps.EditorAsync(app);
        var slug = "vivre-" + Guid.NewGuid().ToString("N")[..8];
        var edit = (await client.GetPageAsync($"/admin/campagnes/edition/{campaign.Id}")).Page;
        var created = await client.SubmitAsync(edit.QuerySelector<IHtmlFormElement>("form.landing-form")!,
            new Dictionary<string, string> { ["title"] = "Venez vivre dans le Lot", ["slug"] = slug });
        var editorPath = created.Headers.Location!.OriginalString;

        async Task<HttpResponseMessage> AddAsync(IEnumerable<KeyValuePair<string, string>> values)
        {
            var form = (await client.GetPageAsync(editorPath)).Page.QuerySelector<IHtmlFormElement>("form.block-form")!;
            return await client.SubmitPairsAsync(form, values);
        }
        await AddAsync([new("NewBlock.Kind", "Text"), new("NewBlock.Heading", "Un territoire qui recrute"), new("NewBlock.Body", "Des **emplois**.<script>alert(1)</script>")]);
        await AddAsync([new("NewBlock.Kind", "Contents"), new("NewBlock.ContentIds", story.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        var refused = await AddAsync([new("NewBlock.Kind", "Opportunities"), new("NewBlock.LinkLabel", "Voir les offres"), new("NewBlock.LinkUrl", "https://evil.example/")]);
        await AddAsync([new("NewBlock.Kind", "CallToAction"), new("NewBlock.LinkLabel", "Parlez-nous de votre projet"), new("NewBlock.LinkUrl", "/contact")]);
        // The call to action goes up, above the stories.
        var editor = (await client.GetPageAsync(editorPath)).Page;
        var lastRow = editor.QuerySelectorAll("li.landing-block-row")[^1];
        await client.SubmitPairsAsync(lastRow.QuerySelector<IHtmlFormElement>("form")!, [new("blockId", lastRow.QuerySelector<IHtmlInputElement>("input[name=blockId]")!.Value), new("up", "true")]);

        var beforePublishing = await CampaignSteps.Visitor(app).GetAsync(new Uri("/decouvrir/" + slug, UriKind.Relative));
        var previewPath = (await client.GetPageAsync(editorPath)).Page.QuerySelector<IHtmlAnchorElement>("a.preview-link")!.PathName;
        var preview = (await client.GetPageAsync(previewPath)).Page;
        var settings = (await client.GetPageAsync(editorPath)).Page.QuerySelector<IHtmlFormElement>("form.landing-settings")!;
        await client.SubmitAsync(settings, new Dictionary<string, string> { ["summary"] = "Emplois, récits, accueil.", ["published"] = "true" });
        var (response, page) = await CampaignSteps.Visitor(app).GetPageAsync("/decouvrir/" + slug);

        Assert.Equal("Le lien doit mener à une recherche d’offres : /offres?… (copiez l’adresse de la recherche).",
            (await Html.ParseAsync(refused)).Text("[data-valmsg-for='NewBlock.LinkUrl']"));
        Assert.Equal(HttpStatusCode.NotFound, beforePublishing.StatusCode);
        Assert.Equal("Venez vivre dans le Lot", preview.Text("article.landing h1"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["landing-text", "landing-calltoaction", "landing-contents"],
            page.QuerySelectorAll("section.landing-block").Select(s => s.ClassList[1]!));
        Assert.Empty(page.QuerySelectorAll("article.landing script"));
        Assert.Equal("emplois", page.Text(".landing-text strong"));
        Assert.Equal("/contact", page.QuerySelector(".landing-calltoaction a")!.GetAttribute("href"));
        Assert.Single(page.QuerySelectorAll(".landing-contents .content-card"));
        Assert.EndsWith("/decouvrir/" + slug, page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Equal("Emplois, récits, accueil.", page.QuerySelector("meta[property='og:description']")!.GetAttribute("content"));
        var blocks = await app.WithDbAsync(db => db.LandingPages.Where(p => p.Slug == slug).Select(p => p.Blocks.Count).SingleAsync());
        Assert.Equal(3, blocks);
    }

    [Theory, EveryDatabase]
    public async Task AddingOrRemovingOnlyABlock_MovesThePagesUpdatedAt(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var campaign = await CampaignSteps.ArrangeAsync(app);
        var client = await ContentSteps.EditorAsync(app);
        var editorPath = $"/admin/campagnes/{campaign.Id}/pages/{campaign.LandingPageId}";
        Task<DateTimeOffset> UpdatedAtAsync() =>
            app.WithDbAsync(db => db.LandingPages.Where(p => p.Id == campaign.LandingPageId).Select(p => p.UpdatedAt).SingleAsync());

        await CampaignSteps.AgeLandingPageAsync(app, campaign.LandingPageId);
        var aged = await UpdatedAtAsync();
        var form = (await client.GetPageAsync(editorPath)).Page.QuerySelector<IHtmlFormElement>("form.block-form")!;
        await client.SubmitPairsAsync(form, [new("NewBlock.Kind", "CallToAction"), new("NewBlock.LinkLabel", "Écrivez-nous"), new("NewBlock.LinkUrl", "/contact")]);
        var afterAdding = await UpdatedAtAsync();
        await CampaignSteps.AgeLandingPageAsync(app, campaign.LandingPageId);
        var remove = (await client.GetPageAsync(editorPath)).Page.QuerySelectorAll<IHtmlFormElement>("li.landing-block-row form")
            .First(f => f.Action.Contains("handler=Remove", StringComparison.Ordinal));
        var removed = await client.SubmitAsync(remove, new Dictionary<string, string>());
        var afterRemoving = await UpdatedAtAsync();

        Assert.Equal(ContentSteps.LongAgo, aged);
        Assert.True(afterAdding > aged.AddYears(1), $"{afterAdding:O}");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.True(afterRemoving > aged.AddYears(1), $"{afterRemoving:O}");
    }
}
