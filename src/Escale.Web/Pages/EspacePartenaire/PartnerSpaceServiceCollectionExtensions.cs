using Escale.Web.Infrastructure.Jobs;

namespace Escale.Web.Pages.EspacePartenaire;

public static class PartnerSpaceServiceCollectionExtensions
{
    /// <summary>The partner space: the daily job that expires opportunities and reminds partners before their opportunities expire.</summary>
    public static IServiceCollection AddEscalePartnerSpace(this IServiceCollection services) =>
        services.AddScheduledJob<ExpiryReminderJob>(ExpiryReminderJob.Name, TimeSpan.FromDays(1));
}
