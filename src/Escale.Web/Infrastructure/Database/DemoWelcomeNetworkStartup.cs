using Escale.Core.Data;
using Escale.Core.WelcomeNetworks;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Infrastructure.Database;

/// <summary>
/// In Development only: the welcome network's structures are brought in line with the demo referents, and — when no
/// structure has been added by hand — a fictive town hall in the demo household's target commune (coordinated by the demo
/// referent), a fictive association with demo members, and a newcomers' evening next month with a few seats. Real town
/// halls and associations are added in the network's back office.
/// </summary>
public static class DemoWelcomeNetworkStartup
{
    public static async Task SeedDemoWelcomeNetworkAsync(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            return;
        }
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EscaleDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        await scope.ServiceProvider.GetRequiredService<WelcomeStructureSync>().SyncAsync();
        if (await db.WelcomeStructures.AnyAsync(s => s.TerritoryServiceId == null && s.WelcomeOrganisationId == null))
        {
            return;
        }
        var household = await db.Users.Where(u => u.Email == "nouvel-arrivant@demo.escale.test").Select(u => u.Id).FirstOrDefaultAsync();
        var target = await db.Cases.AsNoTracking().Where(c => c.HouseholdUserId == household).Select(c => c.Project).FirstOrDefaultAsync();
        var communeId = target?.TargetCommuneIds.FirstOrDefault() is { } id and > 0 ? id : (int?)null;
        var commune = communeId is null
            ? await db.Communes.OrderByDescending(c => c.Population).FirstOrDefaultAsync()
            : await db.Communes.FirstOrDefaultAsync(c => c.Id == communeId);
        if (commune is null)
        {
            return;
        }
        var referent = await db.Users.Where(u => u.Email == "referent@demo.escale.test").Select(u => new { u.Id, u.DisplayName, u.Email }).FirstOrDefaultAsync();
        var townHall = new WelcomeStructure
        {
            Name = $"Mairie de {commune.Name} (démo)",
            Kind = WelcomeStructureKind.TownHall,
            IntercommunalityId = commune.IntercommunalityId,
            CommuneId = commune.Id,
            Email = "mairie@demo.escale.test",
            Description = "Structure fictive de démonstration : l’accueil des nouveaux habitants en mairie.",
            CreatedAt = now,
            Members =
            [
                new WelcomeStructureMember { Name = "Élu·e à l’accueil (démo)", Role = WelcomeMemberRole.ElectedOfficial, Email = "elu@demo.escale.test", InDirectory = true, CreatedAt = now },
                new WelcomeStructureMember { Name = "Secrétariat de mairie (démo)", Role = WelcomeMemberRole.Staff, Email = "secretariat@demo.escale.test", InDirectory = true, CreatedAt = now },
            ],
        };
        if (referent is not null)
        {
            townHall.Members.Add(new WelcomeStructureMember
            {
                Name = referent.DisplayName ?? referent.Email!, Role = WelcomeMemberRole.Coordinator, Email = referent.Email, UserId = referent.Id, CreatedAt = now,
            });
        }
        var association = new WelcomeStructure
        {
            Name = "Association Bienvenue au pays (démo)",
            Kind = WelcomeStructureKind.Association,
            IntercommunalityId = commune.IntercommunalityId,
            CommuneId = commune.Id,
            Email = "bienvenue@demo.escale.test",
            Description = "Association fictive de démonstration : des bénévoles qui font découvrir le pays aux nouveaux venus.",
            CreatedAt = now,
            Members =
            [
                new WelcomeStructureMember { Name = "Bénévole accueillant (démo)", Role = WelcomeMemberRole.Volunteer, Email = "benevole@demo.escale.test", InDirectory = true, CreatedAt = now },
            ],
        };
        db.WelcomeStructures.AddRange(townHall, association);
        var evening = now.Date.AddDays(30).AddHours(17);
        db.NewcomerEvents.Add(new NewcomerEvent
        {
            Structure = townHall,
            Title = "Soirée des nouveaux arrivants (démo)",
            Description = "Rencontre avec les élus, les associations et les services de la commune, autour d’un verre.",
            StartsAt = new DateTimeOffset(evening, TimeSpan.Zero),
            EndsAt = new DateTimeOffset(evening.AddHours(2), TimeSpan.Zero),
            Place = "Salle des fêtes",
            CommuneId = commune.Id,
            Capacity = 4,
            CreatedAt = now,
        });
        await db.SaveChangesAsync();
    }
}
