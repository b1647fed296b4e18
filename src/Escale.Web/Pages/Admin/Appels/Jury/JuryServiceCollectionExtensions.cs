namespace Escale.Web.Pages.Admin.Appels.Jury;

public static class JuryServiceCollectionExtensions
{
    /// <summary>The jury's deliberation: the rankings kept in memory, and the results e-mails.</summary>
    public static IServiceCollection AddEscaleJury(this IServiceCollection services)
    {
        services.AddMemoryCache();
        services.AddSingleton<JuryRankingCache>();
        return services;
    }
}
