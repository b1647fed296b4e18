using Escale.Core.Data;
using Escale.Core.Territories;
using Microsoft.EntityFrameworkCore;

namespace Escale.Core.WelcomeNetworks;

public sealed record DirectoryMember(string Name, WelcomeMemberRole Role, string? Email, string? Phone);

/// <summary>A structure as the public sees it, placed at its France Services office or at its commune's centre.</summary>
public sealed record DirectoryStructure(
    int Id, string Name, WelcomeStructureKind Kind, int? IntercommunalityId, string? IntercommunalityName, int? CommuneId, string? CommuneName,
    string? Address, string? Phone, string? Email, string? Website, string? Description, double? Latitude, double? Longitude,
    IReadOnlyList<DirectoryMember> Members);

public sealed record DirectoryEvent(
    int Id, string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Place, string? CommuneName, string StructureName,
    int Capacity, int ConfirmedPersons);

/// <summary>
/// The welcome network as the public reads it: an intercommunality's structures (by kind) and its next newcomer events.
/// The directory, the commune and intercommunality pages and the welcome kit read it here.
/// </summary>
public sealed class WelcomeNetworkDirectory(EscaleDbContext db)
{
    /// <summary>
    /// Structures matching the filters, by intercommunality then kind then name. <paramref name="intercommunalityId"/> also
    /// brings those serving the whole territory when <paramref name="withTerritoryWide"/>.
    /// </summary>
    public async Task<IReadOnlyList<DirectoryStructure>> StructuresAsync(
        int? intercommunalityId = null, int? communeId = null, WelcomeStructureKind? kind = null, bool withTerritoryWide = false,
        CancellationToken cancellationToken = default)
    {
        var query = db.WelcomeStructures.AsNoTracking();
        if (intercommunalityId is { } epci)
        {
            query = withTerritoryWide ? query.Where(s => s.IntercommunalityId == epci || s.IntercommunalityId == null) : query.Where(s => s.IntercommunalityId == epci);
        }
        if (communeId is { } commune)
        {
            query = query.Where(s => s.CommuneId == commune);
        }
        if (kind is { } k)
        {
            query = query.Where(s => s.Kind == k);
        }
        var rows = await query
            .Select(s => new
            {
                s.Id, s.Name, s.Kind, s.IntercommunalityId, IntercommunalityName = s.Intercommunality != null ? s.Intercommunality.Name : null,
                s.CommuneId, CommuneName = s.Commune != null ? s.Commune.Name : null,
                s.Address, s.Phone, s.Email, s.Website, s.Description,
                Latitude = s.TerritoryService != null ? (double?)s.TerritoryService.Latitude : s.Commune != null ? (double?)s.Commune.Latitude : null,
                Longitude = s.TerritoryService != null ? (double?)s.TerritoryService.Longitude : s.Commune != null ? (double?)s.Commune.Longitude : null,
                Members = s.Members.Where(m => m.InDirectory).OrderBy(m => m.Role).ThenBy(m => m.Name)
                    .Select(m => new DirectoryMember(m.Name, m.Role, m.Email, m.Phone)).ToList(),
            })
            .ToListAsync(cancellationToken);
        return rows
            .Select(s => new DirectoryStructure(s.Id, s.Name, s.Kind, s.IntercommunalityId, s.IntercommunalityName, s.CommuneId, s.CommuneName,
                s.Address, s.Phone, s.Email, s.Website, s.Description, s.Latitude, s.Longitude, s.Members))
            .OrderBy(s => s.IntercommunalityName is null).ThenBy(s => s.IntercommunalityName, StringComparer.Ordinal)
            .ThenBy(s => s.Kind).ThenBy(s => s.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>An intercommunality's structures grouped by kind (town halls, associations, France Services…).</summary>
    public async Task<IReadOnlyDictionary<WelcomeStructureKind, IReadOnlyList<DirectoryStructure>>> StructuresByKindAsync(
        int intercommunalityId, CancellationToken cancellationToken = default)
    {
        var structures = await StructuresAsync(intercommunalityId, cancellationToken: cancellationToken);
        return structures.GroupBy(s => s.Kind).ToDictionary(g => g.Key, g => (IReadOnlyList<DirectoryStructure>)g.ToList());
    }

    /// <summary>The coming newcomer events, soonest first: all, or those of an intercommunality's structures and communes.</summary>
    public async Task<IReadOnlyList<DirectoryEvent>> NextEventsAsync(
        DateTimeOffset now, int? intercommunalityId = null, int take = 20, CancellationToken cancellationToken = default)
    {
        var query = db.NewcomerEvents.AsNoTracking().Where(e => e.EndsAt >= now);
        if (intercommunalityId is { } epci)
        {
            query = query.Where(e => e.Structure!.IntercommunalityId == epci || (e.Commune != null && e.Commune.IntercommunalityId == epci));
        }
        return await query.OrderBy(e => e.StartsAt).ThenBy(e => e.Id).Take(take)
            .Select(e => new DirectoryEvent(e.Id, e.Title, e.StartsAt, e.EndsAt, e.Place, e.Commune != null ? e.Commune.Name : null, e.Structure!.Name,
                e.Capacity, e.Registrations.Where(r => r.Status == RegistrationStatus.Confirmed).Sum(r => r.Persons)))
            .ToListAsync(cancellationToken);
    }
}
