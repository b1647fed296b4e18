using Escale.Core.Data;
using Escale.Core.Territories;
using Escale.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Escale.Tests.Integration;

public sealed class ImportTerritoryTests
{
    [Theory, EveryDatabase]
    public async Task Import_ChangedPack_UpdatesInPlaceAndKeepsIdentities(DatabaseProvider provider)
    {
        await using var app = await EscaleAppFactory.CreateAsync(provider);
        var cahorsId = await app.WithDbAsync(db => db.Communes.Where(c => c.InseeCode == "46042").Select(c => c.Id).SingleAsync());
        var folder = RepoPaths.CopyOfLotPack();
        var path = Path.Combine(folder, "communes.csv");
        await File.WriteAllTextAsync(path, (await File.ReadAllTextAsync(path)).Replace("46042,Cahors,", "46042,Cahors-sur-Lot,", StringComparison.Ordinal));

        await using (var scope = app.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<TerritoryImporter>().ImportAsync(TerritoryPack.Load(folder));
        }

        var cahors = await app.WithDbAsync(db => db.Communes.SingleAsync(c => c.InseeCode == "46042"));
        Assert.Equal((cahorsId, "Cahors-sur-Lot", "cahors-sur-lot"), (cahors.Id, cahors.Name, cahors.Slug));
        Assert.Equal(312, await app.WithDbAsync(db => db.Communes.CountAsync()));
    }

    [Theory, EveryDatabase]
    public async Task Import_FailingMidway_LeavesTheDatabaseUntouched(DatabaseProvider provider)
    {
        await using var app = await EscaleAppFactory.CreateAsync(provider);
        var pack = TerritoryPack.Load(RepoPaths.LotPack);
        // Two intercommunalities with the same slug pass the in-memory checks of this hand-made pack but break
        // the unique index: the importer must roll everything back.
        var renamed = pack.Communes.First(c => c.InseeCode == "46042");
        renamed.Name = "Renamed";
        pack.Intercommunalities[0].Slug = pack.Intercommunalities[1].Slug;

        await using (var scope = app.Scope())
        {
            var importer = scope.ServiceProvider.GetRequiredService<TerritoryImporter>();
            await Assert.ThrowsAsync<DbUpdateException>(() => importer.ImportAsync(pack));
        }

        Assert.Equal("Cahors", await app.WithDbAsync(db => db.Communes.Where(c => c.InseeCode == "46042").Select(c => c.Name).SingleAsync()));
        Assert.Equal(10, await app.WithDbAsync(db => db.Intercommunalities.Select(e => e.Slug).Distinct().CountAsync()));
    }
}
