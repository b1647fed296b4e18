using Escale.Core.Data;
using Escale.Core.Opportunities;

namespace Escale.Core.Welcome;

/// <summary>
/// The job profile of the accompanying partner (one adult of the household's project), which the household may share
/// with partner employers until a date it sets. Employers searching see only what cannot name the person (occupation,
/// experience, availability, area, languages); the contact, the presentation and the CV go to an employer only once the
/// household has accepted its introduction.
/// </summary>
public sealed class SpouseProfile : IHasUpdatedAt, IPartOf<WelcomeCase>
{
    public const int PresentationMaxLength = 1000;
    public const int MaxDistanceKm = 100;
    /// <summary>How far ahead a household may share at once: it comes back to extend, and a forgotten profile stops by itself.</summary>
    public const int MaxSharingMonths = 12;

    public int Id { get; set; }
    public int CaseId { get; set; }
    /// <summary>The adult of the project it is about (index in <see cref="HouseholdProject.Adults"/>).</summary>
    public int AdultIndex { get; set; }
    /// <summary>ROME code of the occupation sought ("J1506").</summary>
    public string? RomeCode { get; set; }
    public int? ExperienceYears { get; set; }
    public DateOnly? AvailableOn { get; set; }
    public List<int> IntercommunalityIds { get; set; } = [];
    public List<int> CommuneIds { get; set; } = [];
    /// <summary>Or around the project's target communes, this far (km); null: the wished places only.</summary>
    public int? DistanceKm { get; set; }
    /// <summary>ISO 639-1 codes, from <see cref="SpouseLanguages"/>.</summary>
    public List<string> Languages { get; set; } = [];
    /// <summary>In the person's words: never shown to an employer before an accepted introduction, as it may name them.</summary>
    public string? Presentation { get; set; }
    /// <summary>The CV, kept among the case's documents (so the referents see it there, and the erasure removes it).</summary>
    public int? CvDocumentId { get; set; }

    /// <summary>The last day employers may find it; null: not shared.</summary>
    public DateOnly? SharedUntil { get; set; }
    /// <summary>When the household last agreed to share (the consent's date).</summary>
    public DateTimeOffset? SharingConsentedAt { get; set; }
    public DateTimeOffset? SharingStoppedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public List<SpouseIntroduction> Introductions { get; set; } = [];

    public bool IsSharedOn(DateOnly today) => SharedUntil is { } until && until >= today;

    /// <summary>The household shares the profile with partner employers until <paramref name="until"/> (included).</summary>
    public string? Share(DateOnly until, DateOnly today, DateTimeOffset now)
    {
        if (RomeCode is null)
        {
            return "Choisissez d’abord le métier recherché : c’est ce que les employeurs cherchent.";
        }
        if (until < today)
        {
            return "La date de fin du partage ne peut pas être passée.";
        }
        if (until > today.AddMonths(MaxSharingMonths))
        {
            return "Partagez pour douze mois au plus : vous pourrez prolonger ensuite.";
        }
        SharedUntil = until;
        SharingConsentedAt = now;
        SharingStoppedAt = null;
        return null;
    }

    /// <summary>Employers no longer find the profile; introductions already accepted keep the contact.</summary>
    public string? StopSharing(DateTimeOffset now)
    {
        if (SharedUntil is null)
        {
            return "Ce profil n’est pas partagé.";
        }
        SharedUntil = null;
        SharingStoppedAt = now;
        return null;
    }
}

public enum IntroductionStatus
{
    Pending,
    Accepted,
    Refused,
}

/// <summary>
/// A partner employer asks to meet the person behind a shared spouse profile. The household accepts or refuses; only an
/// accepted introduction shows the employer the contact and the CV. One per profile and organisation.
/// </summary>
public sealed class SpouseIntroduction
{
    public const int MessageMaxLength = 1000;

    public int Id { get; set; }
    public int SpouseProfileId { get; set; }
    public SpouseProfile? SpouseProfile { get; set; }
    public int PartnerOrganisationId { get; set; }
    public Organisation? PartnerOrganisation { get; set; }
    public string? RequestedByUserId { get; set; }
    public required string Message { get; set; }
    public IntroductionStatus Status { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }

    public string? Accept(DateTimeOffset now) => Answer(IntroductionStatus.Accepted, now);

    public string? Refuse(DateTimeOffset now) => Answer(IntroductionStatus.Refused, now);

    private string? Answer(IntroductionStatus status, DateTimeOffset now)
    {
        if (Status != IntroductionStatus.Pending)
        {
            return "Vous avez déjà répondu à cette demande.";
        }
        Status = status;
        AnsweredAt = now;
        return null;
    }
}

/// <summary>The languages a spouse profile may list, as ISO 639-1 codes with their French names.</summary>
public static class SpouseLanguages
{
    public static readonly IReadOnlyList<(string Code, string Label)> All =
    [
        ("fr", "Français"), ("en", "Anglais"), ("es", "Espagnol"), ("de", "Allemand"), ("it", "Italien"), ("pt", "Portugais"),
        ("nl", "Néerlandais"), ("ar", "Arabe"), ("oc", "Occitan"), ("pl", "Polonais"), ("ro", "Roumain"), ("zh", "Chinois"),
    ];

    public static string Label(string code) => All.FirstOrDefault(l => l.Code == code).Label ?? code;

    public static bool IsKnown(string code) => All.Any(l => l.Code == code);
}
