using Microsoft.AspNetCore.Diagnostics;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Escale.Web.Infrastructure.Security;

public static class RateLimitingExtensions
{
    /// <summary>
    /// Every POST is limited per client address (<c>RateLimiting:PostsPerMinute</c>, default 30): the public
    /// forms (contact, sign-up, sign-in) are what robots hammer. Rejections get the site's 429 page.
    /// </summary>
    public static IServiceCollection AddEscaleRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var perMinute = configuration.GetValue("RateLimiting:PostsPerMinute", 30);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // A re-executed error page keeps the request's method: it must not count (or be refused) again.
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                HttpMethods.IsPost(context.Request.Method) && context.Features.Get<IStatusCodeReExecuteFeature>() is null
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter("reads"));
        });
        return services;
    }
}
