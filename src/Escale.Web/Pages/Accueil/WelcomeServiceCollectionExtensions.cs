using Escale.Core.Welcome;
using Escale.Web.Infrastructure.Territory;

namespace Escale.Web.Pages.Accueil;

public static class WelcomeServiceCollectionExtensions
{
    /// <summary>
    /// The welcome journey: the pack's welcome organisations and first-response commitment (read once, at start-up,
    /// from the territory pack's <c>welcome.json</c>), and the intake that turns a household's project into a case.
    /// </summary>
    public static IServiceCollection AddEscaleWelcome(this IServiceCollection services)
    {
        services.AddSingleton(provider => WelcomePack.Load(TerritoryPackLocator.Resolve(
            provider.GetRequiredService<IConfiguration>(), provider.GetRequiredService<IHostEnvironment>())));
        services.AddScoped<CaseIntake>();
        return services;
    }
}
