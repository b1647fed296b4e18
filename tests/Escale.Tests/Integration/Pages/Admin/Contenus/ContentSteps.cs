using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Escale.Core.Content;
using Escale.Core.Data;
using Escale.Core.Identity;
using Escale.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Escale.Tests.Integration.Pages.Admin.Contenus;

/// <summary>Content arranged directly in the database, and an editor's client.</summary>
public static class ContentSteps
{
    public static async Task<HttpClient> EditorAsync(EscaleAppFactory app, string role = Roles.Editor)
    {
        var user = await MailAppFixture.CreateUserAsync(app, roles: role);
        var client = app.CreateBrowserlessClient();
        await client.SignInAsync(user.Email!, MailAppFixture.Password);
        return client;
    }

    public static async Task<ContentItem> ArrangeAsync(EscaleAppFactory app, ContentDraft draft, DateTimeOffset? publishAt = null, bool publish = true)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<EscaleDbContext>();
        var now = DateTimeOffset.UtcNow;
        var item = new ContentItem { Slug = "" };
        await ContentEditing.SaveAsync(db, item, draft, null, null, now, CancellationToken.None);
        if (publish)
        {
            ContentWorkflow.Apply(item, ContentAction.Publish, now, publishAt);
            await db.SaveChangesAsync();
        }
        return item;
    }

    /// <summary>An UpdatedAt no save of today could give: set on purpose, so the save keeps it.</summary>
    public static readonly DateTimeOffset LongAgo = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static Task AgeAsync(EscaleAppFactory app, int id) =>
        app.WithDbAsync(async db =>
        {
            (await db.ContentItems.SingleAsync(c => c.Id == id)).UpdatedAt = LongAgo;
            return await db.SaveChangesAsync();
        });

    public static ContentDraft Story(string title, string? english = null) => new()
    {
        Type = ContentType.Portrait,
        Texts = english is null
            ? [new ContentText("fr", title, "Chapeau", "Un **texte**.")]
            : [new ContentText("fr", title, "Chapeau", "Un **texte**."), new ContentText("en", english, "Summary", "A **text**.")],
    };

    public static IHtmlFormElement ContentForm(IHtmlDocument page) => page.QuerySelector<IHtmlFormElement>("form.content-form")!;

    public static int IdFrom(HttpResponseMessage response) =>
        int.Parse(response.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
}
