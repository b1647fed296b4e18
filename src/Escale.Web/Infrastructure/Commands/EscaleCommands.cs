using Escale.Core.Data;
using Escale.Core.Opportunities.Import;
using Escale.Core.Territories;
using Escale.Core.Welcome;
using Escale.Core.WelcomeNetworks;
using Escale.Web.Infrastructure.Database;
using Escale.Web.Infrastructure.Territory;
using Escale.Web.Pages.Admin.Imports;

namespace Escale.Web.Infrastructure.Commands;

/// <summary>Operations run from the command line instead of serving: <c>migrate</c>, <c>import-territory PATH</c>, <c>import-offers FORMAT PATH</c>.</summary>
public static class EscaleCommands
{
    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "migrate" or "import-territory" or "import-offers";

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
                WelcomePack welcome;
                try
                {
                    pack = TerritoryPack.Load(args[1]);
                    welcome = WelcomePack.Load(args[1]);
                }
                catch (TerritoryPackException ex)
                {
                    await Console.Error.WriteLineAsync(ex.Message);
                    return 1;
                }
                await DatabaseStartup.MigrateAsync(db);
                var result = await scope.ServiceProvider.GetRequiredService<TerritoryImporter>().ImportAsync(pack);
                var organisations = await scope.ServiceProvider.GetRequiredService<WelcomeOrganisationImporter>().ImportAsync(welcome);
                await scope.ServiceProvider.GetRequiredService<WelcomeStructureSync>().SyncAsync();
                scope.ServiceProvider.GetRequiredService<TerritoryCatalog>().Invalidate();
                await Console.Out.WriteLineAsync(
                    $"Territoire « {result.TerritoryName} » importé : {result.Intercommunalities} intercommunalités, {result.Communes} communes, {result.Personas} cibles, {result.Services} services, {organisations} organisations d’accueil.");
                return 0;
            case "import-offers" when args.Length == 3 && ImportFiles.Parse(args[1]) is { } format:
                if (!File.Exists(args[2]))
                {
                    await Console.Error.WriteLineAsync($"Fichier introuvable : {args[2]}");
                    return 1;
                }
                // Opportunities are checked against the territory and the ROME/NAF tables: load them as start-up does.
                await app.PrepareDatabaseAsync();
                await using (var file = File.OpenRead(args[2]))
                {
                    if (await ImportFiles.CheckAsync(format, args[2], file, CancellationToken.None) is { } refusal)
                    {
                        await Console.Error.WriteLineAsync(refusal);
                        return 1;
                    }
                    var report = await scope.ServiceProvider.GetRequiredService<OpportunityImporter>().ImportAsync(format, file);
                    if (!report.Succeeded)
                    {
                        foreach (var error in report.Errors)
                        {
                            await Console.Error.WriteLineAsync(error.ToString());
                        }
                        await Console.Error.WriteLineAsync($"Rien n’a été importé ({report.Errors.Count} erreurs).");
                        return 1;
                    }
                    await Console.Out.WriteLineAsync(ImportFiles.Summary(report));
                    return 0;
                }
            default:
                await Console.Error.WriteLineAsync("Usage : migrate | import-territory CHEMIN_DU_PAQUET | import-offers france-travail|jobposting|reprises-csv CHEMIN");
                return 2;
        }
    }
}
