using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Escale.Web.Infrastructure.Media;

public static class MediaExtensions
{
    /// <summary>Image uploads (<c>Media:*</c>).</summary>
    public static IServiceCollection AddEscaleMedia(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MediaSettings>(configuration.GetSection("Media"));
        services.AddSingleton<MediaLibrary>();
        return services;
    }

    /// <summary>
    /// Serves <c>/media/{key}-{width}.{webp|jpg}</c> from the media folder. A file never changes once written (a new
    /// upload gets a new key), so browsers and proxies may keep it a year. Only the two rendition types are served.
    /// </summary>
    public static IApplicationBuilder UseEscaleMedia(this IApplicationBuilder app)
    {
        var library = app.ApplicationServices.GetRequiredService<MediaLibrary>();
        var types = new FileExtensionContentTypeProvider(new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [".webp"] = "image/webp",
            [".jpg"] = "image/jpeg",
        });
        return app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = "/media",
            FileProvider = new PhysicalFileProvider(library.Folder),
            ContentTypeProvider = types,
            OnPrepareResponse = context =>
                context.Context.Response.Headers[HeaderNames.CacheControl] = "public, max-age=31536000, immutable",
        });
    }
}
