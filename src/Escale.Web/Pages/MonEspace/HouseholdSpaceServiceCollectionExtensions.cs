using Escale.Web.Infrastructure.Jobs;
using Escale.Web.Pages.Accueil;
using Escale.Web.Pages.Questionnaire;

namespace Escale.Web.Pages.MonEspace;

public static class HouseholdSpaceServiceCollectionExtensions
{
    /// <summary>The household's space: live matches and their daily e-mail, notices to referents, and the 6/12-month follow-up.</summary>
    public static IServiceCollection AddEscaleHouseholdSpace(this IServiceCollection services)
    {
        services.AddSingleton<HouseholdMatching>();
        services.AddScoped<ReferentNotices>();
        services.AddScoped<MatchEmails>();
        services.AddScheduledJob<MatchEmailJob>(MatchEmailJob.Name, TimeSpan.FromDays(1));
        services.AddScheduledJob<FollowUpJob>(FollowUpJob.Name, TimeSpan.FromDays(1));
        return services;
    }
}
