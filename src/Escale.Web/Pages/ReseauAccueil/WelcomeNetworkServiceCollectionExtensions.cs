using Escale.Web.Infrastructure.Jobs;

namespace Escale.Web.Pages.ReseauAccueil;

public static class WelcomeNetworkServiceCollectionExtensions
{
    /// <summary>The welcome network: who manages which structure, newcomer events' registrations and their hourly reminder, mailings.</summary>
    public static IServiceCollection AddEscaleWelcomeNetwork(this IServiceCollection services)
    {
        services.AddScoped<WelcomeNetworkAccess>();
        services.AddScoped<NetworkEmails>();
        services.AddScoped<NewcomerEventBooking>();
        services.AddScoped<NetworkMailings>();
        services.AddScheduledJob<NewcomerEventReminderJob>(NewcomerEventReminderJob.Name, TimeSpan.FromHours(1));
        return services;
    }
}
