using Escale.Web.Api;
using Escale.Web.Infrastructure.Seo;
using Escale.Web.Pages.Offres;
using Escale.Web.Pages.Recits;

namespace Escale.Web.Infrastructure.Api;

public static class ApiEndpointRouteBuilderExtensions
{
    /// <summary>The public, read-only JSON API under <c>/api/v1</c>, its OpenAPI description, the offers' feeds and open-data exports, the content's feeds and calendars, and the site's sitemap and robots.txt.</summary>
    public static IEndpointRouteBuilder MapEscaleApi(this IEndpointRouteBuilder endpoints)
    {
        var v1 = endpoints.MapGroup("/api/v1");
        v1.MapTerritoryApi();
        v1.MapOffersApi();
        v1.MapContentSearchApi();
        endpoints.MapOpenApi();
        endpoints.MapOfferFeeds();
        endpoints.MapContentFeeds();
        endpoints.MapEscaleSeo();
        return endpoints;
    }
}
