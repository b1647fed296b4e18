using Escale.Core.Welcome;
using Escale.Web.Infrastructure.Jobs;
using Escale.Web.Infrastructure.Territory;
using Escale.Web.Pages.Admin.Dossiers;
using Escale.Web.Pages.MonEspace;
using Escale.Web.Pages.Questionnaire;

namespace Escale.Web.Pages.Accueil;

public static class WelcomeServiceCollectionExtensions
{
    /// <summary>
    /// The welcome journey: the pack's welcome organisations and first-response commitment (read once, at start-up,
    /// from the territory pack's <c>welcome.json</c>), the intake that turns a household's project into a case, the
    /// household's live matches and their daily e-mail, the notices to referents, the daily reminder of the referents'
    /// tasks due, and the 6/12-month follow-up.
    /// </summary>
    public static IServiceCollection AddEscaleWelcome(this IServiceCollection services)
    {
        services.AddSingleton(provider => WelcomePack.Load(TerritoryPackLocator.Resolve(
            provider.GetRequiredService<IConfiguration>(), provider.GetRequiredService<IHostEnvironment>())));
        services.AddScoped<CaseIntake>();
        services.AddSingleton<HouseholdMatching>();
        services.AddScoped<ReferentNotices>();
        services.AddScoped<MatchEmails>();
        services.AddScoped<HousingDecisions>();
        services.AddScheduledJob<MatchEmailJob>(MatchEmailJob.Name, TimeSpan.FromDays(1));
        services.AddScheduledJob<FollowUpJob>(FollowUpJob.Name, TimeSpan.FromDays(1));
        services.AddScheduledJob<TaskReminderJob>(TaskReminderJob.Name, TimeSpan.FromDays(1));
        return services;
    }
}
