using Escale.Core.Content;
using Escale.Core.Content.Search;
using Escale.Core.Data;

namespace Escale.Web.Pages.Recits;

public static class ContentServiceCollectionExtensions
{
    /// <summary>
    /// Stories, events and quality-of-life pages: the in-memory index of published content (facets, and the state
    /// that keys the public page cache, refreshed every <c>Content:FreshnessMilliseconds</c>), and the full-text
    /// search engine that matches the database provider (docs/adr/0007-content-search.md).
    /// </summary>
    public static IServiceCollection AddEscaleContent(this IServiceCollection services, IConfiguration configuration)
    {
        var freshness = TimeSpan.FromMilliseconds(configuration.GetValue("Content:FreshnessMilliseconds", 500));
        services.AddSingleton(provider => new ContentIndex(
            provider.GetRequiredService<IServiceScopeFactory>(), provider.GetRequiredService<TimeProvider>(), freshness));
        services.AddScoped<IContentSearch>(provider => ContentSearchEngines.For(provider.GetRequiredService<EscaleDbContext>()));
        services.AddSingleton<Recherche.PlaceSearch>();
        return services;
    }
}
