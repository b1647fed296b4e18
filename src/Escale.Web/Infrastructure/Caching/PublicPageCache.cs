using System.Globalization;
using Escale.Core.Content;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Escale.Web.Infrastructure.Caching;

/// <summary>
/// Public content pages (home, persona pages, listings, stories, events, feeds, sitemap, iCalendar) are served from
/// ASP.NET Core's output cache, for anonymous visitors only. An entry is keyed by path, query, language and the state
/// of the published content (<see cref="ContentFacets.Version"/> and how many scheduled publications or event ends have
/// passed), so a publication, an edit or a due time gives new keys at once, with no race against a page being rendered;
/// writers also evict the <see cref="Tag"/> to free the old entries. See docs/adr/0008-public-page-output-cache.md.
/// </summary>
public static class PublicPageCache
{
    public const string Policy = "public-content";
    public const string Tag = "content";

    /// <summary>Backstop for what the content state does not cover (territory texts, opportunities in the sitemap).</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    /// <summary>The output cache and its policy; the keys come from the content chapter's <see cref="ContentIndex"/>.</summary>
    public static IServiceCollection AddEscalePublicPageCache(this IServiceCollection services) =>
        services.AddOutputCache(options => options.AddPolicy(Policy, new ContentPolicy()));

    /// <summary>After authentication (a signed-in visitor is never served nor stored) and the request culture (a key part).</summary>
    public static IApplicationBuilder UseEscalePublicPageCache(this IApplicationBuilder app) => app.UseOutputCache();

    /// <summary>After an editor's write has committed: this instance shows it at its next request (others within the index's freshness).</summary>
    public static async Task ContentChangedAsync(this HttpContext context, CancellationToken cancellationToken)
    {
        context.RequestServices.GetRequiredService<ContentIndex>().Invalidate();
        await context.RequestServices.GetRequiredService<IOutputCacheStore>().EvictByTagAsync(Tag, cancellationToken);
    }

    private sealed class ContentPolicy : IOutputCachePolicy
    {
        async ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellationToken)
        {
            var http = context.HttpContext;
            var request = http.Request;
            var anonymous = (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
                && StringValues.IsNullOrEmpty(request.Headers.Authorization)
                && http.User.Identity?.IsAuthenticated != true;
            context.EnableOutputCaching = true;
            context.AllowCacheLookup = anonymous;
            context.AllowCacheStorage = anonymous;
            context.AllowLocking = true;
            if (!anonymous)
            {
                return;
            }
            var facets = await http.RequestServices.GetRequiredService<ContentIndex>().FacetsAsync(cancellationToken);
            var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
            context.Tags.Add(Tag);
            context.CacheVaryByRules.QueryKeys = "*";
            context.CacheVaryByRules.VaryByValues["culture"] = CultureInfo.CurrentUICulture.Name;
            context.CacheVaryByRules.VaryByValues["content"] = string.Create(CultureInfo.InvariantCulture, $"{facets.Version}.{facets.MomentsPassed(now)}");
            var lifetime = MaxAge;
            if (facets.NextMomentAfter(now) is { } next && next - now < lifetime)
            {
                lifetime = next - now; // the entry could not be served after it anyway: let it go then
            }
            context.ResponseExpirationTimeSpan = lifetime;
        }

        ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellationToken)
        {
            var response = context.HttpContext.Response;
            // Only a plain public 200 is shared: never one that sets a cookie (a session, a campaign, an anti-forgery
            // token, whose form token would then be someone else's) or that asks not to be stored (anti-forgery does).
            if (response.StatusCode != StatusCodes.Status200OK
                || !StringValues.IsNullOrEmpty(response.Headers.SetCookie)
                || CacheControlHeaderValue.TryParse(response.Headers.CacheControl.ToString(), out var control) && (control.NoStore || control.NoCache || control.Private))
            {
                context.AllowCacheStorage = false;
            }
            return ValueTask.CompletedTask;
        }
    }
}
