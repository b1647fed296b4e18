using Escale.Core.Territories;
using Escale.Core.Welcome;
using Escale.Core.WelcomeNetworks;

namespace Escale.Web.Infrastructure.Territory;

public static class TerritoryServiceCollectionExtensions
{
    /// <summary>The territory pack's importers (territory, welcome organisations), and the territory kept in memory for every page's layout.</summary>
    public static IServiceCollection AddEscaleTerritory(this IServiceCollection services)
    {
        services.AddMemoryCache();
        services.AddSingleton<TerritoryCatalog>();
        services.AddScoped<TerritoryImporter>();
        services.AddScoped<WelcomeOrganisationImporter>();
        services.AddScoped<Pages.Communes.PlaceHighlights>();
        services.AddSingleton<Pages.Communes.PlaceCache>();
        services.AddScoped<WelcomeStructureSync>();
        services.AddScoped<WelcomeNetworkDirectory>();
        return services;
    }
}
