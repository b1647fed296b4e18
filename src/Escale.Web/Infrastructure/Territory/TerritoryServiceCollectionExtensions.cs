using Escale.Core.Territories;

namespace Escale.Web.Infrastructure.Territory;

public static class TerritoryServiceCollectionExtensions
{
    /// <summary>The territory pack's importer, and the territory kept in memory for every page's layout.</summary>
    public static IServiceCollection AddEscaleTerritory(this IServiceCollection services)
    {
        services.AddMemoryCache();
        services.AddSingleton<TerritoryCatalog>();
        services.AddScoped<TerritoryImporter>();
        return services;
    }
}
