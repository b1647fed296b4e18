namespace Escale.Web.Infrastructure.Api;

public static class ApiServiceCollectionExtensions
{
    /// <summary>The OpenAPI description of the public API, served at <c>/openapi/v1.json</c>.</summary>
    public static IServiceCollection AddEscaleApi(this IServiceCollection services) =>
        services.AddOpenApi(options => options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true);
}
