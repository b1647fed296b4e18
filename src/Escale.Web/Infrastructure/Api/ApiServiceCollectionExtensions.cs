using System.Text.Json;
using System.Text.Json.Serialization;

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
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            // The web defaults read numbers from strings too, so the OpenAPI schemas typed every integer as
            // ["integer", "string"] with a pattern; the API writes numbers as numbers and reads no JSON body.
            // https://learn.microsoft.com/aspnet/core/fundamentals/openapi/include-metadata#numeric-types
            options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        return services.AddOpenApi(options => options.ShouldInclude = description =>
            description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true
            && !string.Equals(description.HttpMethod, HttpMethods.Head, StringComparison.OrdinalIgnoreCase));
    }
}
