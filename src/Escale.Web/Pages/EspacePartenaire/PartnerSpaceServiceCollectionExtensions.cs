using Escale.Web.Infrastructure.Jobs;

namespace Escale.Web.Pages.EspacePartenaire;

public static class PartnerSpaceServiceCollectionExtensions
{
    /// <summary>The partner space: the daily job that expires offers and reminds partners before their offers expire.</summary>
    public static IServiceCollection AddEscalePartnerSpace(this IServiceCollection services) =>
        services.AddScheduledJob<ExpiryReminderJob>(ExpiryReminderJob.Name, TimeSpan.FromDays(1));
}
