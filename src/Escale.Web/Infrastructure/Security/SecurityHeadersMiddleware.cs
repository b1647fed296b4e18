namespace Escale.Web.Infrastructure.Security;

public static class SecurityHeadersExtensions
{
    // No inline script or style anywhere: scripts and styles come from the site's own files only.
    // Leaflet sets element.style from script, which CSP does not restrict (only style attributes and elements).
    // Frames: only the video and podcast players that a story may embed, loaded when the visitor asks (ContentEmbed).
    // Media: a podcast may be a plain .mp3 on any https host, played by an audio element after the visitor's click.
    private static readonly string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; media-src 'self' https:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'; " +
        "frame-src " + string.Join(' ', Escale.Core.Content.ContentEmbed.FrameOrigins);

    public static IApplicationBuilder UseEscaleSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), interest-cohort=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            await next(context);
        });
}
