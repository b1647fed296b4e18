using Microsoft.Extensions.Primitives;

namespace Escale.Web.Infrastructure.Http;

/// <summary>
/// HEAD wherever GET is answered. Razor Pages already run their GET handler for a HEAD request, but an endpoint
/// mapped with <c>MapGet</c> lists only GET in its <see cref="IHttpMethodMetadata"/>, so crawlers and link checkers
/// got 405 on robots.txt, the sitemap, the feeds and the API. Rather than a second mapping beside every MapGet, the
/// endpoints are given "GET, HEAD" as they are read (what .NET 11 does for Razor components); the servers leave the
/// body out of a HEAD response, so a HEAD runs the GET handler and answers its status and headers.
/// </summary>
public static class HeadRequestExtensions
{
    /// <summary>Call after every endpoint is mapped: data sources added later are not covered (the HEAD test lists them all).</summary>
    public static IEndpointRouteBuilder AnswerHeadLikeGet(this IEndpointRouteBuilder endpoints)
    {
        var sources = endpoints.DataSources.ToList();
        endpoints.DataSources.Clear();
        foreach (var source in sources)
        {
            endpoints.DataSources.Add(new HeadLikeGetDataSource(source));
        }
        return endpoints;
    }

    private sealed class HeadLikeGetDataSource(EndpointDataSource inner) : EndpointDataSource
    {
        public override IReadOnlyList<Endpoint> Endpoints => [.. inner.Endpoints.Select(WithHead)];

        public override IReadOnlyList<Endpoint> GetGroupedEndpoints(RouteGroupContext context) => [.. inner.GetGroupedEndpoints(context).Select(WithHead)];

        public override IChangeToken GetChangeToken() => inner.GetChangeToken();

        private static Endpoint WithHead(Endpoint endpoint)
        {
            if (endpoint is not RouteEndpoint route
                || route.Metadata.GetMetadata<IHttpMethodMetadata>() is not { } methods
                || !methods.HttpMethods.Contains(HttpMethods.Get, StringComparer.OrdinalIgnoreCase)
                || methods.HttpMethods.Contains(HttpMethods.Head, StringComparer.OrdinalIgnoreCase))
            {
                return endpoint;
            }
            // The last IHttpMethodMetadata is the one routing reads; the original stays for whoever lists all of them.
            var metadata = new EndpointMetadataCollection([.. route.Metadata, new HttpMethodMetadata([.. methods.HttpMethods, HttpMethods.Head], methods.AcceptCorsPreflight)]);
            return new RouteEndpoint(route.RequestDelegate!, route.RoutePattern, route.Order, metadata, route.DisplayName);
        }
    }
}
