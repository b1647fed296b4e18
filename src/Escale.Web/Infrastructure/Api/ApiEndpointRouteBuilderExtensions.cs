using Escale.Web.Api;
using Escale.Web.Pages.Offres;

namespace Escale.Web.Infrastructure.Api;

public static class ApiEndpointRouteBuilderExtensions
{
    /// <summary>The public, read-only JSON API under <c>/api/v1</c>, its OpenAPI description, and the offers' feeds and open-data exports.</summary>
    public static IEndpointRouteBuilder MapEscaleApi(this IEndpointRouteBuilder endpoints)
    {
        var v1 = endpoints.MapGroup("/api/v1");
        v1.MapTerritoryApi();
        v1.MapOffersApi();
        endpoints.MapOpenApi();
        endpoints.MapOfferFeeds();
        return endpoints;
    }
}
