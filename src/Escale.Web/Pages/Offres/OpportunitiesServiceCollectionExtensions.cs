using Escale.Core.Opportunities.Import;
using Escale.Core.Opportunities.Search;
using Escale.Web.Infrastructure.Jobs;
using Escale.Web.Pages.Offres.Alertes;

namespace Escale.Web.Pages.Offres;

public static class OpportunitiesServiceCollectionExtensions
{
    /// <summary>Opportunities: imports, the in-memory search, alerts and their daily digest, and the offers' e-mails.</summary>
    public static IServiceCollection AddEscaleOpportunities(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMemoryCache();
        services.AddScoped<OpportunityImporter>();
        var freshness = TimeSpan.FromMilliseconds(configuration.GetValue("Search:FreshnessMilliseconds", 500));
        services.AddSingleton(provider => new OpportunitySearch(
            provider.GetRequiredService<IServiceScopeFactory>(), provider.GetRequiredService<TimeProvider>(), freshness));
        services.AddSingleton<OpportunityQueryCatalogCache>();
        services.AddSingleton<AlertMail>();
        services.AddScheduledJob<AlertDigestJob>("alert-digests", TimeSpan.FromDays(1));
        services.AddScoped<OpportunitySearchRunner>();
        services.AddScoped<OpportunityEmails>();
        return services;
    }
}
