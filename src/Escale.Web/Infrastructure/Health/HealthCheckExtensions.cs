using Escale.Core.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Escale.Web.Infrastructure.Health;

public static class HealthCheckExtensions
{
    private const string Ready = "ready";

    public static IServiceCollection AddEscaleHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddDbContextCheck<EscaleDbContext>("database", tags: [Ready]);
        return services;
    }

    /// <summary><c>/health</c>: the process answers. <c>/health/ready</c>: the database is reachable too.</summary>
    public static IEndpointRouteBuilder MapEscaleHealthChecks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health", new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready) });
        return endpoints;
    }
}
