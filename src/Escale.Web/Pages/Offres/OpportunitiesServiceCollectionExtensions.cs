using Escale.Core.Opportunities.Import;
using Escale.Core.Opportunities.Search;
using Escale.Web.Infrastructure.Jobs;
using Escale.Web.Pages.Offres.Alertes;

namespace Escale.Web.Pages.Offres;

public static class OpportunitiesServiceCollectionExtensions
{
    /// <summary>Offers: imports, the in-memory search, and their recurring jobs.</summary>
    public static IServiceCollection AddEscaleOpportunities(this IServiceCollection services)
    {
        services.AddScoped<OpportunityImporter>();
        services.AddSingleton<OpportunitySearch>();
        services.AddSingleton<OfferQueryCatalogCache>();
        services.AddSingleton<AlertMail>();
        services.AddScheduledJob<AlertDigestJob>("alert-digests", TimeSpan.FromDays(1));
        return services;
    }
}
