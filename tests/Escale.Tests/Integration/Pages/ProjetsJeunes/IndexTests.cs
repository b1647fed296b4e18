using AngleSharp.Dom;
using Escale.Core.Calls;
using Escale.Tests.Infrastructure;

namespace Escale.Tests.Integration.Pages.ProjetsJeunes;

[Collection(AccountsCollection.Name)]
public sealed class IndexTests(MailAppFixture fixture)
{
    [Theory, EveryDatabase]
    public async Task Showcase_ListsOnlyPublishedYouthProjects(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var youth = await CallSteps.CallAsync(app, resultsPublished: true);
        var business = await CallSteps.CallAsync(app, resultsPublished: true, audience: CallAudience.Anyone);
        var published = await CallSteps.LaureateAsync(app, youth, await MailAppFixture.CreateUserAsync(app), CallSteps.Unique("Publié"), new Dictionary<string, string>());
        var unpublished = await CallSteps.LaureateAsync(app, youth, await MailAppFixture.CreateUserAsync(app), CallSteps.Unique("Pas publié"), new Dictionary<string, string>());
        var adult = await CallSteps.LaureateAsync(app, business, await MailAppFixture.CreateUserAsync(app), CallSteps.Unique("Entreprise"), new Dictionary<string, string>());
        var shown = await CallSteps.FollowUpAsync(app, published.Id, published: true);
        var hidden = await CallSteps.FollowUpAsync(app, unpublished.Id, published: false);
        var adults = await CallSteps.FollowUpAsync(app, adult.Id, published: true);

        var (_, page) = await app.CreateBrowserlessClient().GetPageAsync("/projets-de-jeunes");

        var links = page.QuerySelectorAll("#projets a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/projets-de-jeunes/" + shown.Slug, links);
        Assert.DoesNotContain("/projets-de-jeunes/" + hidden.Slug, links);
        Assert.DoesNotContain("/projets-de-jeunes/" + adults.Slug, links);
        Assert.Contains(published.ProjectTitle, page.Text("#projets"), StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.NotFound,
            (await app.CreateBrowserlessClient().GetAsync(new Uri("/projets-de-jeunes/" + hidden.Slug, UriKind.Relative))).StatusCode);
    }
}
