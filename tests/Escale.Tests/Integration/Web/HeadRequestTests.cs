using System.Net;
using Escale.Core.Content;
using Escale.Tests.Infrastructure;
using Escale.Tests.Integration.Pages.Admin.Contenus;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Escale.Tests.Integration.Web;

/// <summary>
/// The application on a real port: leaving the body out of a HEAD response is the server's part (Kestrel does it,
/// the in-memory test server does not), so these tests read what a crawler would.
/// </summary>
public sealed class KestrelAppFixture : IAsyncLifetime
{
    public EscaleAppFactory App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = await EscaleAppFactory.CreateAsync(DatabaseProvider.Sqlite);
        App.UseKestrel(0);
        App.StartServer();
    }

    /// <summary>A client of the real port (the factory's default client would call localhost:80).</summary>
    public HttpClient Client() => App.CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = App.ClientOptions.BaseAddress, AllowAutoRedirect = false, HandleCookies = true,
    });

    public async Task DisposeAsync() => await App.DisposeAsync();
}

/// <summary>Crawlers and link checkers ask with HEAD: every address that answers GET answers HEAD the same way, without a body.</summary>
public sealed class HeadRequestTests(KestrelAppFixture fixture) : IClassFixture<KestrelAppFixture>
{
    /// <summary>Every GET endpoint whose route has no parameter: Razor Pages (which list no method) and MapGet endpoints alike.</summary>
    private static List<string> GetPathsWithoutParameters(EscaleAppFactory app) =>
        [.. app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.Parameters.Count == 0)
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>() is not { } methods || methods.HttpMethods.Count == 0
                || methods.HttpMethods.Contains(HttpMethods.Get, StringComparer.OrdinalIgnoreCase))
            .Select(e => "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];

    private static async Task AssertHeadAnswersLikeGetAsync(HttpClient client, string path)
    {
        using var get = await client.GetAsync(new Uri(path, UriKind.Relative));
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri(path, UriKind.Relative)));
        var body = await head.Content.ReadAsByteArrayAsync();

        Assert.True(get.StatusCode == head.StatusCode, $"{path}: GET {(int)get.StatusCode}, HEAD {(int)head.StatusCode}");
        Assert.True(get.Content.Headers.ContentType?.MediaType == head.Content.Headers.ContentType?.MediaType,
            $"{path}: GET {get.Content.Headers.ContentType}, HEAD {head.Content.Headers.ContentType}");
        Assert.True(get.Headers.Location == head.Headers.Location, $"{path}: GET → {get.Headers.Location}, HEAD → {head.Headers.Location}");
        Assert.True(body.Length == 0, $"{path}: HEAD answered a body of {body.Length} bytes");
    }

    [Fact]
    public async Task EveryGetEndpointWithoutParameters_AnswersHeadWithTheSameStatus()
    {
        var app = fixture.App;
        var client = fixture.Client();
        var paths = GetPathsWithoutParameters(app);

        Assert.Contains("/robots.txt", paths);
        Assert.Contains("/sitemap.xml", paths);
        Assert.Contains("/api/v1/offres", paths);
        Assert.Contains("/offres", paths);
        foreach (var path in paths)
        {
            await AssertHeadAnswersLikeGetAsync(client, path);
        }
    }

    [Fact]
    public async Task GetEndpointsWithParameters_AnswerHeadWithTheSameStatus()
    {
        var app = fixture.App;
        var client = fixture.Client();
        var (user, organisationId) = await PartnerSteps.PartnerAsync(app);
        var opportunity = await PartnerSteps.OpportunityAsync(app, organisationId, "Menuisière " + Guid.NewGuid().ToString("N")[..6], submittedBy: user.Id);
        var story = await ContentSteps.ArrangeAsync(app, ContentSteps.Story("Un récit " + Guid.NewGuid().ToString("N")[..6]));
        var party = await ContentSteps.ArrangeAsync(app, new ContentDraft
        {
            Type = ContentType.Event,
            StartsAt = DateTimeOffset.UtcNow.AddDays(20),
            Texts = [new ContentText("fr", $"Fête du village {Guid.NewGuid():N}", "Une fête.", null)],
        });

        string[] paths =
        [
            $"/offres/{opportunity.Id}/{opportunity.Slug}", $"/offres/{opportunity.Id}", $"/api/v1/offres/{opportunity.Id}", "/api/v1/offres/999999",
            $"/recits/{story.Slug}", $"/evenements/{party.Slug}", $"/evenements/{party.Slug}.ics", "/evenements/inconnu.ics",
            "/communes/46042/cahors", "/api/v1/communes/46042", "/langue/en?retour=%2F", "/offres?type=emploi", "/openapi/v1.json",
        ];
        foreach (var path in paths)
        {
            await AssertHeadAnswersLikeGetAsync(client, path);
        }
        using var ics = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri($"/evenements/{party.Slug}.ics", UriKind.Relative)));
        Assert.Equal(HttpStatusCode.OK, ics.StatusCode);
        Assert.Equal("text/calendar", ics.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task OpenApiDocument_DoesNotListHeadOperations()
    {
        var client = fixture.Client();

        var document = await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        Assert.Contains("\"get\"", document, StringComparison.Ordinal);
        Assert.DoesNotContain("\"head\"", document, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HeadFirst_DoesNotLeaveAnEmptyPageInTheCacheForGet()
    {
        var client = fixture.Client();
        var path = "/sitemap.xml?essai=" + Guid.NewGuid().ToString("N"); // a cache entry of its own

        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri(path, UriKind.Relative)));
        var sitemap = await client.GetStringAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Contains("<urlset", sitemap, StringComparison.Ordinal);
    }
}
