using Escale.Core.Territories;

namespace Escale.Core.Opportunities;

public enum OpportunityKind
{
    /// <summary>Offre d'emploi.</summary>
    Job,
    /// <summary>Activité à reprendre.</summary>
    Takeover,
    /// <summary>Opportunité de création (commerce ou service manquant, local disponible, programme d'aide).</summary>
    Creation,
    /// <summary>Offre d'installation pour professionnels de santé.</summary>
    HealthInstallation,
}

public enum OpportunityStatus
{
    Draft,
    /// <summary>Submitted by a partner, waiting for an editor.</summary>
    InReview,
    Published,
    Rejected,
    /// <summary>Taken down by its publisher or no longer in its import source.</summary>
    Withdrawn,
    Expired,
}

public enum ContractType
{
    Cdi,
    Cdd,
    Interim,
    Seasonal,
    Apprenticeship,
    /// <summary>Exercice libéral / installation.</summary>
    Liberal,
}

public enum WorkingTime
{
    FullTime,
    PartTime,
}

public enum RemoteWork
{
    None,
    Partial,
    Full,
}

public enum OpportunitySource
{
    Manual,
    FranceTravail,
    JobPosting,
    TakeoverCsv,
}

public enum SupportOrganisation
{
    None,
    Cci,
    ChambreDeMetiers,
    ChambreAgriculture,
    Other,
}

/// <summary>
/// One published offer of any kind. Kinds share one table so that a search and its facet counts are
/// one query; kind-specific fields are nullable. Place fields (intercommunality, coordinates) are
/// copied from the commune so facets and radius filters need no join.
/// </summary>
public sealed class Opportunity
{
    public int Id { get; set; }
    public OpportunityKind Kind { get; set; }
    public OpportunityStatus Status { get; set; }
    public required string Title { get; set; }
    public required string Slug { get; set; }
    public string Description { get; set; } = "";

    public int? OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    /// <summary>Employer or publisher name as shown (imports may have no organisation record).</summary>
    public string? EmployerName { get; set; }
    public string? EmployerSiret { get; set; }

    public int CommuneId { get; set; }
    public Commune? Commune { get; set; }
    public int IntercommunalityId { get; set; }
    public double Latitude { get; set; }
    public double Longitude { get; set; }

    // Job
    public string? RomeCode { get; set; }
    public string? RomeDomainCode { get; set; }
    public string? RomeGrandDomainCode { get; set; }
    public ContractType? Contract { get; set; }
    public WorkingTime? WorkingTime { get; set; }
    /// <summary>Gross yearly salary, euros.</summary>
    public int? SalaryMin { get; set; }
    public int? SalaryMax { get; set; }
    public RemoteWork Remote { get; set; }
    public DateOnly? StartDate { get; set; }
    public bool OpenToDisabledWorkers { get; set; }

    // Takeover
    public string? NafCode { get; set; }
    public int? PriceMin { get; set; }
    public int? PriceMax { get; set; }
    public string? TurnoverBand { get; set; }
    public int? Staff { get; set; }
    public string? Premises { get; set; }
    public string? Reason { get; set; }
    public string? Timeline { get; set; }
    public SupportOrganisation Support { get; set; }
    /// <summary>Seller's identity: shown to a candidate only after the seller accepts their contact request.</summary>
    public string? SellerName { get; set; }
    public string? SellerEmail { get; set; }
    public string? SellerPhone { get; set; }

    // Creation and health installation
    public string? SupportOffered { get; set; }

    public string? HowToApply { get; set; }
    public string? ApplyUrl { get; set; }
    public string? ApplyEmail { get; set; }

    public DateOnly? ExpiresOn { get; set; }
    public OpportunitySource Source { get; set; }
    /// <summary>The offer's id in its source (France Travail offer id, JobPosting identifier, CSV reference).</summary>
    public string? SourceReference { get; set; }
    /// <summary>Same offer seen from several sources has the same key (employer, title, commune, contract).</summary>
    public required string DedupKey { get; set; }
    /// <summary>Hash of the imported content: an unchanged record is not rewritten.</summary>
    public string? ContentHash { get; set; }

    public string? SubmittedByUserId { get; set; }
    public string? ModerationNote { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public DateTimeOffset? ExpiryReminderSentAt { get; set; }
}

/// <summary>An employer, chamber, intercommunality or health centre that publishes offers.</summary>
public sealed class Organisation
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Slug { get; set; }
    public string? Siret { get; set; }
    public string? Description { get; set; }
    public string? Website { get; set; }
    public int? CommuneId { get; set; }
    public Commune? Commune { get; set; }
    public List<OrganisationMember> Members { get; set; } = [];
    public List<Opportunity> Opportunities { get; set; } = [];
}

/// <summary>A user who may publish for an organisation.</summary>
public sealed class OrganisationMember
{
    public int OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public required string UserId { get; set; }
}
