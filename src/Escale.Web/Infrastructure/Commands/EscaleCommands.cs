using Escale.Core.Data;
using Escale.Core.Territories;
using Escale.Web.Infrastructure.Database;
using Escale.Web.Infrastructure.Territory;

namespace Escale.Web.Infrastructure.Commands;

/// <summary>Operations run from the command line instead of serving: <c>migrate</c>, <c>import-territory PATH</c>.</summary>
public static class EscaleCommands
{
    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "migrate" or "import-territory";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EscaleDbContext>();
        switch (args[0])
        {
            case "migrate":
                await DatabaseStartup.MigrateAsync(db);
                await Console.Out.WriteLineAsync("Base de données à jour.");
                return 0;
            case "import-territory" when args.Length == 2:
                TerritoryPack pack;
                try
                {
                    pack = TerritoryPack.Load(args[1]);
                }
                catch (TerritoryPackException ex)
                {
                    await Console.Error.WriteLineAsync(ex.Message);
                    return 1;
                }
                await DatabaseStartup.MigrateAsync(db);
                var result = await scope.ServiceProvider.GetRequiredService<TerritoryImporter>().ImportAsync(pack);
                scope.ServiceProvider.GetRequiredService<TerritoryCatalog>().Invalidate();
                await Console.Out.WriteLineAsync(
                    $"Territoire « {result.TerritoryName} » importé : {result.Intercommunalities} intercommunalités, {result.Communes} communes, {result.Personas} cibles.");
                return 0;
            default:
                await Console.Error.WriteLineAsync("Usage : migrate | import-territory CHEMIN_DU_PAQUET");
                return 2;
        }
    }
}
