using System.Net;
using Escale.Tests.Infrastructure;

namespace Escale.Tests.Integration.Pages;

[Collection(IntegrationCollection.Name)]
public sealed class ErreurTests(AppFixture apps)
{
    [Fact]
    public async Task UnknownPage_ShowsTheSiteNotFoundPage()
    {
        var client = await apps.ClientAsync(DatabaseProvider.Sqlite);

        var response = await client.GetAsync(new Uri("/cette-page-n-existe-pas", UriKind.Relative));
        var page = await Html.ParseAsync(response);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page introuvable", page.Text("h1"));
        Assert.NotNull(page.QuerySelector("a.skip-link"));
    }

    [Fact]
    public async Task Health_AnswersLiveAndReady()
    {
        var client = await apps.ClientAsync(DatabaseProvider.Postgres);

        var live = await client.GetAsync(new Uri("/health", UriKind.Relative));
        var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }
}
