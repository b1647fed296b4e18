using Escale.Web.Api;

namespace Escale.Web.Infrastructure.Api;

public static class ApiEndpointRouteBuilderExtensions
{
    /// <summary>The public, read-only JSON API under <c>/api/v1</c> and its OpenAPI description.</summary>
    public static IEndpointRouteBuilder MapEscaleApi(this IEndpointRouteBuilder endpoints)
    {
        // Any endpoint may fail unexpectedly: the API's exception handler answers with problem details (ErrorHandlingExtensions).
        var v1 = endpoints.MapGroup("/api/v1").ProducesProblem(StatusCodes.Status500InternalServerError);
        v1.MapTerritoryApi();
        v1.MapOpportunitiesApi();
        v1.MapContentSearchApi();
        endpoints.MapOpenApi();
        return endpoints;
    }
}
