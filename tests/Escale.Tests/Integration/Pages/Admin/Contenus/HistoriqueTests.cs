using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Escale.Core.Content;
using Escale.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Escale.Tests.Integration.Pages.Admin.Contenus;

[Collection(AccountsCollection.Name)]
public sealed class HistoriqueTests(MailAppFixture fixture)
{
    [Theory, EveryDatabase]
    public async Task EverySave_IsARevision_TheDiffShowsTheChangedLines_AndRestoreMakesANewRevision(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var client = await ContentSteps.EditorAsync(app);
        var item = await ContentSteps.ArrangeAsync(app, ContentSteps.Story($"Révisions {Guid.NewGuid():N}"));
        var form = ContentSteps.ContentForm((await client.GetPageAsync($"/admin/contenus/edition/{item.Id}")).Page);
        await client.SubmitAsync(form, new Dictionary<string, string> { ["Input.BodyFr"] = "Une ligne neuve.", ["Input.Note"] = "Réécriture" });

        var history = (await client.GetPageAsync($"/admin/contenus/{item.Id}/historique")).Page;
        var restore = history.QuerySelectorAll<IHtmlFormElement>("form[action*='handler=Restore']").Single();
        var restored = await client.SubmitAsync(restore, new Dictionary<string, string>());
        var revisions = await app.WithDbAsync(db => db.ContentRevisions.Where(r => r.ContentItemId == item.Id).OrderBy(r => r.Number).ToListAsync());
        var publicPage = (await app.CreateBrowserlessClient().GetPageAsync($"/recits/{item.Slug}")).Page;

        Assert.Equal("Ajouté : Une ligne neuve.", history.QuerySelector("ins")!.TextContent.Trim());
        Assert.Equal("Retiré : Un **texte**.", history.QuerySelector("del")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        Assert.Equal([1, 2, 3], revisions.Select(r => r.Number));
        Assert.Equal("Réécriture", revisions[1].Note);
        Assert.Equal(ContentDraft.FromJson(revisions[0].SnapshotJson).ToJson(), ContentDraft.FromJson(revisions[2].SnapshotJson).ToJson());
        Assert.Equal("texte", publicPage.Text(".content-body strong"));
    }
}
