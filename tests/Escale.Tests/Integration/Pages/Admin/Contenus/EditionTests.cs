using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Escale.Core.Content;
using Escale.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Escale.Tests.Integration.Pages.Admin.Contenus;

[Collection(AccountsCollection.Name)]
public sealed class EditionTests(MailAppFixture fixture)
{
    [Theory, EveryDatabase]
    public async Task Editor_WritesThenPublishes_AndTheStoryBecomesPublic_WithoutItsScript(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var client = await ContentSteps.EditorAsync(app);
        var title = $"Élodie, vigneronne à Cahors {Guid.NewGuid():N}";
        var form = ContentSteps.ContentForm((await client.GetPageAsync("/admin/contenus/edition?type=Portrait")).Page);

        var saved = await client.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.TitleFr"] = title,
            ["Input.BodyFr"] = "## Le choix\n\n<script>alert('x')</script>\n\n[piège](javascript:alert(1))",
        });
        var id = ContentSteps.IdFrom(saved);
        var slug = await app.WithDbAsync(db => db.ContentItems.Where(c => c.Id == id).Select(c => c.Slug).SingleAsync());
        var beforePublishing = await client.GetAsync(new Uri($"/recits/{slug}", UriKind.Relative));
        var edit = (await client.GetPageAsync($"/admin/contenus/edition/{id}")).Page;
        var workflow = edit.QuerySelector<IHtmlFormElement>("form.workflow-form")!;
        var published = await client.SubmitPairsAsync(workflow, [new("action", "Publish")]);
        var (response, page) = await app.CreateBrowserlessClient().GetPageAsync($"/recits/{slug}");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.StartsWith("elodie-vigneronne-a-cahors-", slug, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, beforePublishing.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(title, page.Text("h1"));
        Assert.Equal("Le choix", page.Text(".content-body h2"));
        Assert.Empty(page.QuerySelectorAll(".content-body script"));
        Assert.DoesNotContain(page.QuerySelectorAll(".content-body a"), a => a.GetAttribute("href")?.Contains("javascript", StringComparison.OrdinalIgnoreCase) == true);
    }

    [Theory, EveryDatabase]
    public async Task Create_PostedTwice_MakesOneItem(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var client = await ContentSteps.EditorAsync(app);
        var title = $"Double envoi {Guid.NewGuid():N}";
        var form = ContentSteps.ContentForm((await client.GetPageAsync("/admin/contenus/edition?type=News")).Page);
        var values = new Dictionary<string, string> { ["Input.TitleFr"] = title };

        var first = await client.SubmitAsync(form, values);
        var second = await client.SubmitAsync(form, values);
        var count = await app.WithDbAsync(db => db.ContentTranslations.CountAsync(t => t.Title == title));

        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(1, count);
    }

    [Fact]
    public async Task Event_EndingBeforeItStarts_ShowsTheErrorBesideTheEndField()
    {
        var app = await fixture.AppAsync(DatabaseProvider.Sqlite);
        var client = await ContentSteps.EditorAsync(app);
        var form = ContentSteps.ContentForm((await client.GetPageAsync("/admin/contenus/edition?type=Event")).Page);

        var response = await client.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.TitleFr"] = "Festival",
            ["Input.StartsAt"] = "2026-07-14T18:00",
            ["Input.EndsAt"] = "2026-07-13T18:00",
        });
        var page = await Html.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("La fin de l’événement ne peut pas précéder son début.", page.Text("[data-valmsg-for='Input.EndsAt']"));
    }

    [Fact]
    public async Task Body_WithAnEmbedFromAnUnknownHost_IsRefusedWithAFrenchMessageBesideTheBody()
    {
        var app = await fixture.AppAsync(DatabaseProvider.Sqlite);
        var client = await ContentSteps.EditorAsync(app);
        var form = ContentSteps.ContentForm((await client.GetPageAsync("/admin/contenus/edition?type=Portrait")).Page);

        var response = await client.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.TitleFr"] = $"Vidéo douteuse {Guid.NewGuid():N}",
            ["Input.BodyFr"] = "Texte.\n\n::video https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ",
        });
        var page = await Html.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("ne peut pas être intégrée", page.Text("[data-valmsg-for='Input.BodyFr']"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_FromTheUnsavedForm_ShowsTheArticle_MarkedAndNotIndexed_AndSavesNothing()
    {
        var app = await fixture.AppAsync(DatabaseProvider.Sqlite);
        var client = await ContentSteps.EditorAsync(app);
        var title = $"Aperçu seulement {Guid.NewGuid():N}";
        var form = ContentSteps.ContentForm((await client.GetPageAsync("/admin/contenus/edition?type=Portrait")).Page);
        var token = form.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;

        var response = await client.PostAsync(new Uri("/admin/contenus/edition?handler=Preview", UriKind.Relative), new FormUrlEncodedContent(
            new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Input.Type"] = "Portrait", ["Input.TitleFr"] = title }));
        var page = await Html.ParseAsync(response);
        var saved = await app.WithDbAsync(db => db.ContentTranslations.AnyAsync(t => t.Title == title));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(title, page.Text("article h1"));
        Assert.StartsWith("Aperçu", page.Text(".preview-banner"), StringComparison.Ordinal);
        Assert.Equal("noindex", page.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
        Assert.False(saved);
    }

    [Theory, EveryDatabase]
    public async Task Preview_OfASavedItem_IsNotPublic(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var item = await ContentSteps.ArrangeAsync(app, ContentSteps.Story($"Brouillon {Guid.NewGuid():N}"), publish: false);

        var anonymous = await app.CreateBrowserlessClient().GetAsync(new Uri($"/admin/contenus/{item.Id}/apercu", UriKind.Relative));
        var partner = await (await ContentSteps.EditorAsync(app, Core.Identity.Roles.Partner)).GetAsync(new Uri($"/admin/contenus/{item.Id}/apercu", UriKind.Relative));
        var (editor, page) = await (await ContentSteps.EditorAsync(app)).GetPageAsync($"/admin/contenus/{item.Id}/apercu");

        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, partner.StatusCode);
        Assert.Equal(HttpStatusCode.OK, editor.StatusCode);
        Assert.Equal("noindex", page.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
    }

    [Fact]
    public async Task WelcomeReferent_InTheBackOffice_CannotEditContent()
    {
        var app = await fixture.AppAsync(DatabaseProvider.Sqlite);
        var client = await ContentSteps.EditorAsync(app, Core.Identity.Roles.WelcomeReferent);

        var response = await client.GetAsync(new Uri("/admin/contenus", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory, EveryDatabase]
    public async Task ScheduledPublication_IsPublicOnlyOncePublishAtHasPassed(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var later = await ContentSteps.ArrangeAsync(app, ContentSteps.Story($"Demain {Guid.NewGuid():N}"), DateTimeOffset.UtcNow.AddDays(1));
        var due = await ContentSteps.ArrangeAsync(app, ContentSteps.Story($"Maintenant {Guid.NewGuid():N}"));
        var client = app.CreateBrowserlessClient();

        var hidden = await client.GetAsync(new Uri($"/recits/{later.Slug}", UriKind.Relative));
        var shown = await client.GetAsync(new Uri($"/recits/{due.Slug}", UriKind.Relative));
        await app.WithDbAsync(async db =>
        {
            var item = await db.ContentItems.SingleAsync(c => c.Id == later.Id);
            item.PublishAt = DateTimeOffset.UtcNow.AddSeconds(-1);
            return await db.SaveChangesAsync();
        });
        var nowShown = await client.GetAsync(new Uri($"/recits/{later.Slug}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, nowShown.StatusCode);
    }

    [Theory, EveryDatabase]
    public async Task Archive_TakesTheItemOffThePublicSite(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var item = await ContentSteps.ArrangeAsync(app, ContentSteps.Story($"Archivé {Guid.NewGuid():N}"));
        var client = await ContentSteps.EditorAsync(app);
        var workflow = (await client.GetPageAsync($"/admin/contenus/edition/{item.Id}")).Page.QuerySelector<IHtmlFormElement>("form.workflow-form")!;

        await client.SubmitPairsAsync(workflow, [new("action", "Archive")]);
        var status = await app.WithDbAsync(db => db.ContentItems.Where(c => c.Id == item.Id).Select(c => c.Status).SingleAsync());
        var response = await app.CreateBrowserlessClient().GetAsync(new Uri($"/recits/{item.Slug}", UriKind.Relative));

        Assert.Equal(ContentStatus.Archived, status);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory, EveryDatabase]
    public async Task Save_ChangingOnlyTheEnglishText_MovesTheItemsUpdatedAt(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var title = $"Léa, ébéniste à Figeac {Guid.NewGuid():N}";
        var story = await ContentSteps.ArrangeAsync(app, ContentSteps.Story(title, "Léa, cabinetmaker in Figeac"));
        await ContentSteps.AgeAsync(app, story.Id);
        var aged = await app.WithDbAsync(db => db.ContentItems.Where(c => c.Id == story.Id).Select(c => c.UpdatedAt).SingleAsync());
        var client = await ContentSteps.EditorAsync(app);
        var form = ContentSteps.ContentForm((await client.GetPageAsync($"/admin/contenus/edition/{story.Id}")).Page);

        var saved = await client.SubmitAsync(form, new Dictionary<string, string> { ["Input.TitleEn"] = "Léa, woodworker in Figeac" });
        var stored = await app.WithDbAsync(db => db.ContentItems.AsNoTracking().Include(c => c.Translations).SingleAsync(c => c.Id == story.Id));

        Assert.Equal(ContentSteps.LongAgo, aged);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("Léa, woodworker in Figeac", stored.Translations.Single(t => t.Language == "en").Title);
        Assert.Equal(title, stored.Translations.Single(t => t.Language == "fr").Title);
        Assert.True(stored.UpdatedAt > aged.AddYears(1), $"{stored.UpdatedAt:O}");
    }
}
