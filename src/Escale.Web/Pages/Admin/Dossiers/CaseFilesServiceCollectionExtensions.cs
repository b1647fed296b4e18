using Escale.Core.Welcome;
using Escale.Web.Infrastructure.Jobs;
using Escale.Web.Infrastructure.Territory;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Escale.Web.Pages.Admin.Dossiers;

public static class CaseFilesServiceCollectionExtensions
{
    /// <summary>
    /// The referents' case files: the welcome pack (first-response deadlines of transfers) when the project form has not
    /// registered it already, and the daily reminder of tasks due.
    /// </summary>
    public static IServiceCollection AddEscaleCaseFiles(this IServiceCollection services)
    {
        services.TryAddSingleton(provider => WelcomePack.Load(TerritoryPackLocator.Resolve(
            provider.GetRequiredService<IConfiguration>(), provider.GetRequiredService<IHostEnvironment>())));
        return services.AddScheduledJob<TaskReminderJob>(TaskReminderJob.Name, TimeSpan.FromDays(1));
    }
}
