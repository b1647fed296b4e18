using Escale.Core.Territories;
using Escale.Core.Welcome;
using Escale.Core.WelcomeNetworks;
using Escale.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Escale.Tests.Integration.WelcomeNetworks;

public sealed class WelcomeStructureSyncTests
{
    [Theory, EveryDatabase]
    public async Task Import_MakesAStructurePerFranceServicesOfficeAndWelcomeOrganisation_AndKeepsThemInStep(DatabaseProvider provider)
    {
        await using var app = await EscaleAppFactory.CreateAsync(provider);
        var offices = await app.WithDbAsync(db => db.TerritoryServices.CountAsync(s => s.Kind == TerritoryServiceKind.FranceServices));
        var organisations = await app.WithDbAsync(db => db.WelcomeOrganisations.CountAsync());
        var office = await app.WithDbAsync(db => db.WelcomeStructures.Include(s => s.Commune)
            .SingleAsync(s => s.TerritoryService!.SourceKey == "262" && s.TerritoryService.Kind == TerritoryServiceKind.FranceServices));
        var figeacService = await app.WithDbAsync(db => db.WelcomeOrganisations.SingleAsync(o => o.Kind == WelcomeOrganisationKind.IntercommunalityService && o.Name.Contains("Figeac")));
        var referent = await MailAppFixture.CreateUserAsync(app);
        await app.WithDbAsync(db =>
        {
            db.WelcomeOrganisationMembers.Add(new WelcomeOrganisationMember { OrganisationId = figeacService.Id, UserId = referent.Id });
            return db.SaveChangesAsync();
        });
        var folder = RepoPaths.CopyOfLotPack();
        var path = Path.Combine(folder, "france_services.csv");
        await File.WriteAllTextAsync(path, (await File.ReadAllTextAsync(path)).Replace("Bus France services Communauté d'agglomération Grand Cahors", "Bus France services du Grand Cahors", StringComparison.Ordinal));

        await using (var scope = app.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<TerritoryImporter>().ImportAsync(TerritoryPack.Load(folder));
            await scope.ServiceProvider.GetRequiredService<WelcomeStructureSync>().SyncAsync();
            await scope.ServiceProvider.GetRequiredService<WelcomeStructureSync>().SyncAsync();
        }

        Assert.Equal(24, offices);
        Assert.Equal((WelcomeStructureKind.FranceServices, "46042"), (office.Kind, office.Commune!.InseeCode));
        Assert.Equal(offices, await app.WithDbAsync(db => db.WelcomeStructures.CountAsync(s => s.TerritoryServiceId != null)));
        Assert.Equal(organisations, await app.WithDbAsync(db => db.WelcomeStructures.CountAsync(s => s.WelcomeOrganisationId != null)));
        var renamed = await app.WithDbAsync(db => db.WelcomeStructures.SingleAsync(s => s.Id == office.Id));
        Assert.Equal("Bus France services du Grand Cahors", renamed.Name);
        var members = await app.WithDbAsync(db => db.WelcomeStructureMembers.Where(m => m.Structure!.WelcomeOrganisationId == figeacService.Id && m.UserId == referent.Id).ToListAsync());
        var member = Assert.Single(members);
        Assert.Equal((WelcomeMemberRole.Referent, true), (member.Role, member.FromOrganisation));
        Assert.Equal(figeacService.IntercommunalityId, await app.WithDbAsync(db => db.WelcomeStructures.Where(s => s.WelcomeOrganisationId == figeacService.Id).Select(s => s.IntercommunalityId).SingleAsync()));
    }
}
