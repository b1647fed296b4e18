using Escale.Web.Infrastructure.Jobs;

namespace Escale.Web.Pages.EspacePartenaire;

public static class PartnerSpaceServiceCollectionExtensions
{
    /// <summary>
    /// The partner space: the daily job that expires opportunities and reminds partners before their opportunities
    /// expire, and the e-mails that tell candidates of the employer's follow-up.
    /// </summary>
    public static IServiceCollection AddEscalePartnerSpace(this IServiceCollection services) =>
        services.AddScoped<CandidateEmails>()
            .AddScheduledJob<ExpiryReminderJob>(ExpiryReminderJob.Name, TimeSpan.FromDays(1));
}
