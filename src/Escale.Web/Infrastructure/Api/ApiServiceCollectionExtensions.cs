using System.Text.Json;

namespace Escale.Web.Infrastructure.Api;

public static class ApiServiceCollectionExtensions
{
    /// <summary>
    /// JSON in camelCase for every endpoint that writes it (the API, the open-data exports), and the OpenAPI
    /// description of the public API, served at <c>/openapi/v1.json</c>. HEAD, answered by every GET endpoint
    /// (<see cref="Http.HeadRequestExtensions"/>), is left out: it would repeat each operation.
    /// </summary>
    public static IServiceCollection AddEscaleApi(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase);
        return services.AddOpenApi(options => options.ShouldInclude = description =>
            description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true
            && !string.Equals(description.HttpMethod, HttpMethods.Head, StringComparison.OrdinalIgnoreCase));
    }
}
