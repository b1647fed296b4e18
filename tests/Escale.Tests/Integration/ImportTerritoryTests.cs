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
    public async Task Import_ServicesAgain_UpdatesThemInPlaceWithoutDuplicates(DatabaseProvider provider)
    {
        await using var app = await EscaleAppFactory.CreateAsync(provider);
        var before = await app.WithDbAsync(db => db.TerritoryServices.CountAsync());
        var stationId = await app.WithDbAsync(db => db.TerritoryServices.Where(s => s.SourceKey == "87613000").Select(s => s.Id).SingleAsync());
        var folder = RepoPaths.CopyOfLotPack();
        var path = Path.Combine(folder, "stations.csv");
        await File.WriteAllTextAsync(path, (await File.ReadAllTextAsync(path)).Replace("Cahors,CAH,", "Cahors Centre,CAH,", StringComparison.Ordinal));

        await using (var scope = app.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<TerritoryImporter>().ImportAsync(TerritoryPack.Load(folder));
        }

        Assert.Equal(226 + 19 + 18 + 24, before);
        Assert.Equal(before, await app.WithDbAsync(db => db.TerritoryServices.CountAsync()));
        var station = await app.WithDbAsync(db => db.TerritoryServices.Include(s => s.Commune).SingleAsync(s => s.SourceKey == "87613000"));
        Assert.Equal((stationId, "Cahors Centre", "46042"), (station.Id, station.Name, station.Commune!.InseeCode));
        var office = await app.WithDbAsync(db => db.TerritoryServices.SingleAsync(s => s.Kind == TerritoryServiceKind.FranceServices && s.SourceKey == "262"));
        Assert.Equal(5, office.OpeningHours.Count);
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
