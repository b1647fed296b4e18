using Escale.Core.Data;
using Escale.Core.Welcome;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.EspacePartenaire.ProfilsConjoints;

/// <summary>
/// A spouse profile as an employer may see it before any introduction: occupation, experience, availability, area and
/// languages — nothing that names the person. The presentation is left out too: written freely, it may hold a name.
/// </summary>
public sealed record SpouseProfileCard(int Id, string? RomeCode, string Occupation, string? DomainCode, int? ExperienceYears, DateOnly? AvailableOn,
    IReadOnlyList<int> IntercommunalityIds, IReadOnlyList<string> Places, int? DistanceKm, IReadOnlyList<string> Languages);

public static class SpouseProfileCards
{
    /// <summary>The profiles employers may find today: shared until today or later, on a case the household still holds.</summary>
    public static IQueryable<SpouseProfile> Shared(this EscaleDbContext db, DateOnly today) =>
        db.SpouseProfiles.Where(p => p.SharedUntil != null && p.SharedUntil >= today
            && db.Cases.Any(c => c.Id == p.CaseId && c.HouseholdUserId != null && !c.Anonymised));

    /// <summary>The profiles a partner may open: those shared today, and those its organisations asked to meet (whatever came of it).</summary>
    public static IQueryable<SpouseProfile> VisibleTo(this EscaleDbContext db, string userId, DateOnly today) =>
        db.SpouseProfiles.Where(p => (p.SharedUntil != null && p.SharedUntil >= today && db.Cases.Any(c => c.Id == p.CaseId && c.HouseholdUserId != null && !c.Anonymised))
            || p.Introductions.Any(i => i.PartnerOrganisation!.Members.Any(m => m.UserId == userId)));

    public static async Task<List<SpouseProfileCard>> CardsAsync(EscaleDbContext db, IQueryable<SpouseProfile> profiles, CancellationToken cancellationToken)
    {
        var rows = await profiles.OrderByDescending(p => p.SharingConsentedAt).ThenBy(p => p.Id)
            .Select(p => new
            {
                p.Id, p.CaseId, p.RomeCode, p.ExperienceYears, p.AvailableOn, p.IntercommunalityIds, p.CommuneIds, p.DistanceKm, p.Languages,
            })
            .AsNoTracking().ToListAsync(cancellationToken);
        var caseIds = rows.Select(r => r.CaseId).ToList();
        var projects = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).Select(c => new { c.Id, c.Project })
            .ToDictionaryAsync(c => c.Id, c => c.Project, cancellationToken);
        var romeCodes = rows.Select(r => r.RomeCode).OfType<string>().Distinct().ToList();
        var occupations = await db.RomeOccupations.Where(r => romeCodes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Label, cancellationToken);
        var communeIds = rows.SelectMany(r => r.CommuneIds).Concat(projects.Values.SelectMany(p => p.TargetCommuneIds)).Distinct().ToList();
        var communes = await db.Communes.Where(c => communeIds.Contains(c.Id)).Select(c => new { c.Id, c.Name, c.IntercommunalityId })
            .ToDictionaryAsync(c => c.Id, cancellationToken);
        var intercommunalities = await db.Intercommunalities.ToDictionaryAsync(e => e.Id, e => e.Name, cancellationToken);
        return rows.Select(r =>
        {
            // No wished area: the household's own target places, which say where the person will live.
            var own = r.IntercommunalityIds.Count > 0 || r.CommuneIds.Count > 0;
            var project = projects.GetValueOrDefault(r.CaseId);
            var epciIds = own ? r.IntercommunalityIds : project?.TargetIntercommunalityIds ?? [];
            var placeIds = own ? r.CommuneIds : project?.TargetCommuneIds ?? [];
            var places = epciIds.Select(id => intercommunalities.GetValueOrDefault(id)).OfType<string>()
                .Concat(placeIds.Select(id => communes.GetValueOrDefault(id)?.Name).OfType<string>()).ToList();
            var allEpci = epciIds.Concat(placeIds.Select(id => communes.GetValueOrDefault(id)?.IntercommunalityId).OfType<int>()).Distinct().ToList();
            return new SpouseProfileCard(r.Id, r.RomeCode, r.RomeCode is null ? "—" : occupations.GetValueOrDefault(r.RomeCode, r.RomeCode),
                r.RomeCode is { Length: >= 3 } code ? code[..3] : null, r.ExperienceYears, r.AvailableOn, allEpci, places, r.DistanceKm,
                r.Languages);
        }).ToList();
    }
}
