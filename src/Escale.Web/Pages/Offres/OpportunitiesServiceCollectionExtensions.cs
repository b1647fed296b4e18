using Escale.Core.Opportunities.Import;
using Escale.Core.Opportunities.Search;
using Escale.Web.Infrastructure.Caching;
using Escale.Web.Infrastructure.Jobs;
using Escale.Web.Pages.Offres.Alertes;

namespace Escale.Web.Pages.Offres;

public static class OpportunitiesServiceCollectionExtensions
{
    /// <summary>Offers: imports, the in-memory search, and their recurring jobs.</summary>
    public static IServiceCollection AddEscaleOpportunities(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<OpportunityImporter>();
        var freshness = TimeSpan.FromMilliseconds(configuration.GetValue("Search:FreshnessMilliseconds", 500));
        services.AddSingleton(provider => new OpportunitySearch(
            provider.GetRequiredService<IServiceScopeFactory>(), provider.GetRequiredService<TimeProvider>(), freshness));
        services.AddSingleton<OfferQueryCatalogCache>();
        services.AddSingleton<AlertMail>();
        services.AddScheduledJob<AlertDigestJob>("alert-digests", TimeSpan.FromDays(1));
        services.AddScheduledJob<Escale.Web.Pages.EspacePartenaire.ExpiryReminderJob>(Escale.Web.Pages.EspacePartenaire.ExpiryReminderJob.Name, TimeSpan.FromDays(1));
        services.AddScoped<OfferSearchRunner>();
        services.AddScoped<OfferEmails>();
        services.AddEscalePublicPageCache(configuration); // issue 3: the content index and the public pages' output cache
        // Content search (not offers): the engine that matches the context's database provider.
        services.AddScoped<Escale.Core.Content.Search.IContentSearch>(provider =>
            Escale.Core.Content.Search.ContentSearchEngines.For(provider.GetRequiredService<Escale.Core.Data.EscaleDbContext>()));
        return services;
    }
}
