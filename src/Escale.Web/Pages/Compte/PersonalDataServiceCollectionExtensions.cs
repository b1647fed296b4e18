using Escale.Web.Infrastructure.Jobs;

namespace Escale.Web.Pages.Compte;

public static class PersonalDataServiceCollectionExtensions
{
    /// <summary>Personal data: export, erasure, and the daily retention job.</summary>
    public static IServiceCollection AddEscalePersonalData(this IServiceCollection services)
    {
        services.AddScoped<PersonalData>();
        services.AddScheduledJob<PersonalDataRetentionJob>(PersonalDataRetentionJob.Name, TimeSpan.FromDays(1));
        return services;
    }
}
