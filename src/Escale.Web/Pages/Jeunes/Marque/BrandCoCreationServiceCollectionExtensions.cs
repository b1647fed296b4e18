namespace Escale.Web.Pages.Jeunes.Marque;

public static class BrandCoCreationServiceCollectionExtensions
{
    /// <summary>The co-creation of the territory's brand: the e-mails its authors receive.</summary>
    public static IServiceCollection AddEscaleBrandCoCreation(this IServiceCollection services)
    {
        services.AddScoped<BrandEmails>();
        return services;
    }
}
