using Escale.Core.Content.Search;
using Escale.Core.Data;
using Escale.Core.Reference;
using Escale.Core.Territories;
using Escale.Core.Welcome;
using Escale.Core.WelcomeNetworks;
using Escale.Web.Infrastructure.Territory;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Infrastructure.Database;

public static class DatabaseStartup
{
    /// <summary>Migrates (unless <c>Database:MigrateOnStartup</c> is false) and seeds the territory pack (and its welcome organisations) into an empty database.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EscaleDbContext>();
        if (app.Configuration.GetValue("Database:MigrateOnStartup", true))
        {
            await MigrateAsync(db);
        }
        // The search index is derived data kept outside the migrations: created here, filled when empty.
        await scope.ServiceProvider.GetRequiredService<IContentSearch>().PrepareAsync();
        var referenceFolder = TerritoryPackLocator.Find(app.Configuration["Reference:Folder"] ?? "reference", app.Environment);
        if (await scope.ServiceProvider.GetRequiredService<ReferenceDataLoader>().LoadAsync(referenceFolder))
        {
            app.Logger.LogInformation("Loaded the national reference data (ROME, NAF)");
        }
        if (!await db.Territories.AnyAsync())
        {
            var pack = TerritoryPackLocator.Resolve(app.Configuration, app.Environment);
            var result = await scope.ServiceProvider.GetRequiredService<TerritoryImporter>().ImportAsync(TerritoryPack.Load(pack));
            app.Logger.LogInformation("Seeded territory {Territory}: {Intercommunalities} intercommunalities, {Communes} communes",
                result.TerritoryName, result.Intercommunalities, result.Communes);
        }
        // A database made before the welcome journey gets its organisations once, from the same pack.
        if (!await db.WelcomeOrganisations.AnyAsync())
        {
            var pack = TerritoryPackLocator.Resolve(app.Configuration, app.Environment);
            var count = await scope.ServiceProvider.GetRequiredService<WelcomeOrganisationImporter>().ImportAsync(WelcomePack.Load(pack));
            app.Logger.LogInformation("Seeded {Count} welcome organisations", count);
        }
        // The welcome network's structures known from the data (France Services offices, welcome organisations), once.
        if (!await db.WelcomeStructures.AnyAsync())
        {
            await scope.ServiceProvider.GetRequiredService<WelcomeStructureSync>().SyncAsync();
        }
    }

    public static async Task MigrateAsync(EscaleDbContext db)
    {
        await db.Database.MigrateAsync();
        if (db.Database.ProviderName == DatabaseProviders.SqliteProviderName)
        {
            // Write-ahead logging lets readers proceed while a request writes (https://sqlite.org/wal.html).
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
    }
}
