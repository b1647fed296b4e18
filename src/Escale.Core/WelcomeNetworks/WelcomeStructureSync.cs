using Escale.Core.Data;
using Escale.Core.Territories;
using Escale.Core.Welcome;
using Microsoft.EntityFrameworkCore;

namespace Escale.Core.WelcomeNetworks;

/// <summary>
/// Keeps the structures the territory's data already knows in step with it: one per France Services office and one per
/// welcome organisation (its referents as members with the role referent). Run after each territory and welcome import;
/// structures gone from the data go with it (cascade), those added by hand are never touched.
/// </summary>
public sealed class WelcomeStructureSync(EscaleDbContext db, TimeProvider clock)
{
    public async Task<int> SyncAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var structures = await db.WelcomeStructures.Include(s => s.Members)
            .Where(s => s.TerritoryServiceId != null || s.WelcomeOrganisationId != null)
            .ToListAsync(cancellationToken);
        var byService = structures.Where(s => s.TerritoryServiceId != null).ToDictionary(s => s.TerritoryServiceId!.Value);
        var byOrganisation = structures.Where(s => s.WelcomeOrganisationId != null).ToDictionary(s => s.WelcomeOrganisationId!.Value);

        var offices = await db.TerritoryServices.Where(s => s.Kind == TerritoryServiceKind.FranceServices)
            .Select(s => new { s.Id, s.Name, s.CommuneId, s.Commune!.IntercommunalityId, s.Address, s.Phone, s.Email, s.Note })
            .ToListAsync(cancellationToken);
        foreach (var office in offices)
        {
            if (!byService.TryGetValue(office.Id, out var structure))
            {
                structure = new WelcomeStructure { Name = office.Name, TerritoryServiceId = office.Id, CreatedAt = now };
                db.WelcomeStructures.Add(structure);
            }
            structure.Name = office.Name;
            structure.Kind = WelcomeStructureKind.FranceServices;
            structure.CommuneId = office.CommuneId;
            structure.IntercommunalityId = office.IntercommunalityId;
            structure.Address = office.Address;
            structure.Phone = office.Phone;
            structure.Email = office.Email;
        }

        var organisations = await db.WelcomeOrganisations.AsNoTracking().Include(o => o.Members).ToListAsync(cancellationToken);
        var memberIds = organisations.SelectMany(o => o.Members.Select(m => m.UserId)).Distinct().ToList();
        var people = await db.Users.Where(u => memberIds.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.Email })
            .ToDictionaryAsync(u => u.Id, cancellationToken);
        foreach (var organisation in organisations)
        {
            if (!byOrganisation.TryGetValue(organisation.Id, out var structure))
            {
                structure = new WelcomeStructure { Name = organisation.Name, WelcomeOrganisationId = organisation.Id, CreatedAt = now };
                db.WelcomeStructures.Add(structure);
            }
            structure.Name = organisation.Name;
            structure.Kind = organisation.Kind switch
            {
                WelcomeOrganisationKind.Chamber => WelcomeStructureKind.Chamber,
                WelcomeOrganisationKind.TourismAgency => WelcomeStructureKind.TouristOffice,
                _ => WelcomeStructureKind.WelcomeService,
            };
            structure.IntercommunalityId = organisation.IntercommunalityId;
            structure.Email = organisation.Email ?? structure.Email;

            var wanted = organisation.Members.Where(m => people.ContainsKey(m.UserId)).ToDictionary(m => m.UserId);
            foreach (var member in structure.Members.Where(m => m.FromOrganisation && (m.UserId is null || !wanted.ContainsKey(m.UserId))).ToList())
            {
                structure.Members.Remove(member);
            }
            foreach (var (userId, membership) in wanted)
            {
                var person = people[userId];
                var name = person.DisplayName ?? person.Email ?? userId;
                // A member typed in by hand under the same name is the same person (names are unique in a structure).
                var member = structure.Members.Find(m => m.UserId == userId) ?? structure.Members.Find(m => m.UserId is null && m.Name == name);
                if (member is null)
                {
                    member = new WelcomeStructureMember { Name = name, CreatedAt = now, Email = person.Email };
                    structure.Members.Add(member);
                }
                member.UserId = userId;
                member.FromOrganisation = true;
                if (member.FromOrganisation)
                {
                    member.Role = membership.IsCoordinator ? WelcomeMemberRole.Coordinator : WelcomeMemberRole.Referent;
                }
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return offices.Count + organisations.Count;
    }
}
