namespace Escale.Web.Pages.Candidatures;

public static class ApplicationsServiceCollectionExtensions
{
    /// <summary>Applications to calls for projects: their links' tokens, e-mails and submission.</summary>
    public static IServiceCollection AddEscaleApplications(this IServiceCollection services)
    {
        services.AddSingleton<ApplicationTokens>();
        services.AddScoped<ApplicationEmails>();
        services.AddScoped<ApplicationSubmission>();
        return services;
    }
}
