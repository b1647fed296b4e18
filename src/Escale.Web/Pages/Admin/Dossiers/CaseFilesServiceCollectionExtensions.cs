using Escale.Web.Infrastructure.Jobs;

namespace Escale.Web.Pages.Admin.Dossiers;

public static class CaseFilesServiceCollectionExtensions
{
    /// <summary>The referents' case files: the daily reminder of tasks due (the welcome pack comes from <c>AddEscaleWelcome</c>).</summary>
    public static IServiceCollection AddEscaleCaseFiles(this IServiceCollection services)
    {
        return services.AddScheduledJob<TaskReminderJob>(TaskReminderJob.Name, TimeSpan.FromDays(1));
    }
}
