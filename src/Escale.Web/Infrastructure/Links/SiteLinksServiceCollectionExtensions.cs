namespace Escale.Web.Infrastructure.Links;

public static class SiteLinksServiceCollectionExtensions
{
    /// <summary>The site's addresses (<see cref="SiteLinks"/>), from <c>Site:BaseUrl</c>; refuses settings that would build links on a client's Host header.</summary>
    public static IServiceCollection AddEscaleSiteLinks(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddSingleton(new SiteLinks(SiteSettings.From(configuration, environment)));
        return services;
    }
}
