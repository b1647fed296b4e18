using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Escale.Core.Content;
using Escale.Core.Identity;
using Escale.Tests.Infrastructure;
using Escale.Tests.Integration.Pages.Admin.Contenus;
using Microsoft.EntityFrameworkCore;

namespace Escale.Tests.Integration.Pages.ProposerUnRecit;

[Collection(AccountsCollection.Name)]
public sealed class IndexTests(MailAppFixture fixture)
{
    [Theory, EveryDatabase]
    public async Task Partner_ProposesAStory_ItLandsInReview_AndTheyCannotPublishIt(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var client = await ContentSteps.EditorAsync(app, Roles.Partner);
        var title = $"Une pépite à Figeac {Guid.NewGuid():N}";
        var form = (await client.GetPageAsync("/proposer-un-recit")).Page.QuerySelector<IHtmlFormElement>("main form")!;

        var sent = await client.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.Type"] = "CompanyStory",
            ["Input.Title"] = title,
            ["Input.Body"] = "Elle embauche.",
            ["Input.Status"] = "Published",
        });
        var item = await app.WithDbAsync(db => db.ContentItems.SingleAsync(c => c.Translations.Any(t => t.Title == title)));
        var token = form.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        var publish = await client.PostAsync(new Uri($"/admin/contenus/edition/{item.Id}?handler=Workflow", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["action"] = "Publish" }));
        var status = await app.WithDbAsync(db => db.ContentItems.Where(c => c.Id == item.Id).Select(c => c.Status).SingleAsync());
        var publicPage = await app.CreateBrowserlessClient().GetAsync(new Uri($"/recits/{item.Slug}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal(ContentType.CompanyStory, item.Type);
        Assert.Equal(HttpStatusCode.Forbidden, publish.StatusCode);
        Assert.Equal(ContentStatus.InReview, status);
        Assert.Equal(HttpStatusCode.NotFound, publicPage.StatusCode);
    }

    [Fact]
    public async Task Ambassador_ProposingAnEvent_IsRefused()
    {
        var app = await fixture.AppAsync(DatabaseProvider.Sqlite);
        var client = await ContentSteps.EditorAsync(app, Roles.Ambassador);
        var form = (await client.GetPageAsync("/proposer-un-recit")).Page.QuerySelector<IHtmlFormElement>("main form")!;

        var response = await client.SubmitAsync(form, new Dictionary<string, string> { ["Input.Type"] = "Event", ["Input.Title"] = "Fête" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Newcomer_CannotPropose()
    {
        var app = await fixture.AppAsync(DatabaseProvider.Sqlite);
        var client = await ContentSteps.EditorAsync(app, Roles.Newcomer);

        var response = await client.GetAsync(new Uri("/proposer-un-recit", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
