using Escale.Core.Data;
using Escale.Core.Welcome;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Admin.Dossiers;

/// <summary>The spouse profile of a case as its referents read it: everything, with its sharing and the employers' requests.</summary>
public sealed record SpouseCaseView(string? AdultName, string? Occupation, int? ExperienceYears, DateOnly? AvailableOn, IReadOnlyList<string> Places,
    int? DistanceKm, IReadOnlyList<string> Languages, string? Presentation, string? CvFileName, DateOnly? SharedUntil, DateTimeOffset? SharingConsentedAt,
    DateTimeOffset? SharingStoppedAt, IReadOnlyList<SpouseCaseView.Request> Requests)
{
    public sealed record Request(string Partner, string Message, IntroductionStatus Status, DateTimeOffset RequestedAt, DateTimeOffset? AnsweredAt);

    public static async Task<SpouseCaseView?> LoadAsync(EscaleDbContext db, WelcomeCase welcomeCase, CancellationToken cancellationToken)
    {
        var profile = await db.SpouseProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.CaseId == welcomeCase.Id, cancellationToken);
        if (profile is null)
        {
            return null;
        }
        var occupation = profile.RomeCode is null ? null
            : await db.RomeOccupations.Where(r => r.Code == profile.RomeCode).Select(r => r.Label + " (" + r.Code + ")").FirstOrDefaultAsync(cancellationToken);
        var places = new List<string>();
        places.AddRange(await db.Intercommunalities.Where(e => profile.IntercommunalityIds.Contains(e.Id)).OrderBy(e => e.Name).Select(e => e.Name).ToListAsync(cancellationToken));
        places.AddRange(await db.Communes.Where(c => profile.CommuneIds.Contains(c.Id)).OrderBy(c => c.Name).Select(c => c.Name).ToListAsync(cancellationToken));
        var cv = profile.CvDocumentId is { } cvId ? await db.CaseDocuments.Where(d => d.Id == cvId).Select(d => d.FileName).FirstOrDefaultAsync(cancellationToken) : null;
        var requests = await db.SpouseIntroductions.Where(i => i.SpouseProfileId == profile.Id).OrderByDescending(i => i.RequestedAt)
            .Select(i => new Request(i.PartnerOrganisation!.Name, i.Message, i.Status, i.RequestedAt, i.AnsweredAt)).ToListAsync(cancellationToken);
        var adult = welcomeCase.Project.Adults.ElementAtOrDefault(profile.AdultIndex);
        return new SpouseCaseView(adult?.FirstName, occupation, profile.ExperienceYears, profile.AvailableOn, places, profile.DistanceKm,
            profile.Languages.Select(SpouseLanguages.Label).ToList(), profile.Presentation, cv, profile.SharedUntil, profile.SharingConsentedAt,
            profile.SharingStoppedAt, requests);
    }
}
