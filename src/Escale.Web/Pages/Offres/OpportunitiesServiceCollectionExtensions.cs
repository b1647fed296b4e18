using Escale.Core.Opportunities.Import;
using Escale.Core.Opportunities.Search;

namespace Escale.Web.Pages.Offres;

public static class OpportunitiesServiceCollectionExtensions
{
    /// <summary>Offers: imports, the in-memory search, and their recurring jobs.</summary>
    public static IServiceCollection AddEscaleOpportunities(this IServiceCollection services)
    {
        services.AddScoped<OpportunityImporter>();
        services.AddSingleton<OpportunitySearch>();
        services.AddScoped<OfferSearchRunner>();
        services.AddScoped<OfferEmails>();
        return services;
    }
}
