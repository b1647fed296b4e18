namespace Escale.Web.Pages.KitsAccueil;

public static class WelcomeKitServiceCollectionExtensions
{
    /// <summary>The welcome kits: one builder of the kit's model, one PDF printer of it (which installs the PDF fonts).</summary>
    public static IServiceCollection AddEscaleWelcomeKits(this IServiceCollection services)
    {
        services.AddScoped<WelcomeKitBuilder>();
        services.AddSingleton<WelcomeKitPdf>();
        return services;
    }
}
