using System.Net;
using Escale.Tests.Infrastructure;

namespace Escale.Tests.Integration;

public sealed class RateLimitingTests
{
    [Fact]
    public async Task PublicPosts_OverTheLimit_GetTheSiteTooManyRequestsPage()
    {
        await using var app = await EscaleAppFactory.CreateAsync(DatabaseProvider.Sqlite,
            new Dictionary<string, string?> { ["RateLimiting:PostsPerMinute"] = "3" });
        var client = app.CreateBrowserlessClient();
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)(await Html.ParseAsync(await client.GetAsync(new Uri("/compte/connexion", UriKind.Relative))))
            .QuerySelector("main form")!;

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 4; i++)
        {
            last = await client.SubmitAsync(form, new Dictionary<string, string> { ["Input.Email"] = "personne@example.org", ["Input.Password"] = "mauvais-mot-de-passe" });
            statuses.Add(last.StatusCode);
        }
        var page = await Html.ParseAsync(last);
        var reading = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(3));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[3]);
        Assert.Equal("Trop de demandes", page.Text("h1"));
        Assert.Equal(HttpStatusCode.OK, reading.StatusCode);
    }
}
