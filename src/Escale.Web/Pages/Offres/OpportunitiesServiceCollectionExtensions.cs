using Escale.Core.Opportunities.Import;
using Escale.Core.Opportunities.Search;
using Escale.Web.Infrastructure.Jobs;

namespace Escale.Web.Pages.Offres;

public static class OpportunitiesServiceCollectionExtensions
{
    /// <summary>Offers: imports, the in-memory search, and their recurring jobs.</summary>
    public static IServiceCollection AddEscaleOpportunities(this IServiceCollection services)
    {
        services.AddScoped<OpportunityImporter>();
        services.AddSingleton<OpportunitySearch>();
        services.AddScheduledJob<Escale.Web.Pages.EspacePartenaire.ExpiryReminderJob>(Escale.Web.Pages.EspacePartenaire.ExpiryReminderJob.Name, TimeSpan.FromDays(1));
        return services;
    }
}
