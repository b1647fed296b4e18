using Escale.Core.Data;
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
/// One published opportunity of any kind. Kinds share one table so that a search and its facet counts are
/// one query; kind-specific fields are nullable. Place fields (intercommunality, coordinates) are
/// copied from the commune so facets and radius filters need no join.
/// </summary>
public sealed class Opportunity : IHasUpdatedAt
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
    /// <summary>Street and number in the commune, when the publisher gives them (never for a takeover: it would name the seller).</summary>
    public string? StreetAddress { get; set; }
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
    /// <summary>The offer's id in its source (France Travail opportunity id, JobPosting identifier, CSV reference).</summary>
    public string? SourceReference { get; set; }
    /// <summary>Same opportunity seen from several sources has the same key (employer, title, commune, contract).</summary>
    public required string DedupKey { get; set; }
    /// <summary>Hash of the imported content: an unchanged record is not rewritten.</summary>
    public string? ContentHash { get; set; }

    public string? SubmittedByUserId { get; set; }
    public string? ModerationNote { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public DateTimeOffset? ExpiryReminderSentAt { get; set; }

    // The lifecycle: draft → in review → published → withdrawn or expired; an editor publishes or rejects what is in
    // review. A partner's edit of a published opportunity waits beside it (PendingEdit), the published version staying
    // online until an editor decides. Each transition returns null when done, or the
    // French reason it is refused (and then changes nothing). UpdatedAt is stamped on save (UpdatedAtInterceptor).

    /// <summary>The partner keeps the opportunity private ("Enregistrer le brouillon"); a published opportunity leaves the search.</summary>
    public string? KeepAsDraft()
    {
        if (Source != OpportunitySource.Manual)
        {
            return ImportedRefusal;
        }
        Status = OpportunityStatus.Draft;
        return null;
    }

    /// <summary>The partner sends a draft or a rejected opportunity to the editors (an edit of a published one waits beside it: <see cref="PendingEdit"/>).</summary>
    public string? Submit()
    {
        if (Source != OpportunitySource.Manual)
        {
            return ImportedRefusal;
        }
        Status = OpportunityStatus.InReview;
        return null;
    }

    /// <summary>An editor publishes an opportunity in review.</summary>
    public string? Approve(DateTimeOffset now)
    {
        if (Status != OpportunityStatus.InReview)
        {
            return "Seule une offre en attente de validation peut être publiée.";
        }
        Status = OpportunityStatus.Published;
        PublishedAt ??= now;
        ModerationNote = null;
        return null;
    }

    /// <summary>An editor sends an opportunity in review back to its partner, with the reason the partner will read.</summary>
    public string? Reject(string? note)
    {
        if (Status != OpportunityStatus.InReview)
        {
            return "Seule une offre en attente de validation peut être refusée.";
        }
        if (string.IsNullOrWhiteSpace(note))
        {
            return "Indiquez le motif du refus : le partenaire le reçoit pour corriger son offre.";
        }
        Status = OpportunityStatus.Rejected;
        ModerationNote = note.Trim();
        return null;
    }

    /// <summary>Its publisher takes the opportunity down, or its import source no longer lists it.</summary>
    public string? Withdraw()
    {
        if (Status is OpportunityStatus.Withdrawn or OpportunityStatus.Expired)
        {
            return "Cette offre n’est déjà plus en ligne.";
        }
        Status = OpportunityStatus.Withdrawn;
        return null;
    }

    /// <summary>A published opportunity whose expiry date has passed.</summary>
    public string? Expire(DateOnly today)
    {
        if (Status != OpportunityStatus.Published || ExpiresOn is not { } expires || expires >= today)
        {
            return "Seule une offre publiée dont la date d’expiration est passée peut expirer.";
        }
        Status = OpportunityStatus.Expired;
        return null;
    }

    /// <summary>A published opportunity close to its expiry gets <see cref="ManualOpportunity.RenewalDays"/> more days, and a new reminder.</summary>
    public string? Renew(DateOnly today)
    {
        if (!ManualOpportunity.CanRenew(Status, ExpiresOn, today))
        {
            return $"Une offre ne peut être prolongée que publiée et dans les {ManualOpportunity.ReminderDays} jours avant son expiration.";
        }
        ExpiresOn = ManualOpportunity.RenewedExpiry(ExpiresOn!.Value, today);
        ExpiryReminderSentAt = null;
        return null;
    }

    /// <summary>An import publishes what its source lists, without review: the source is the publisher.</summary>
    public string? PublishFromSource(DateTimeOffset now)
    {
        if (Source == OpportunitySource.Manual)
        {
            return "Une offre saisie par un partenaire est publiée par l’équipe éditoriale, pas par un import.";
        }
        Status = OpportunityStatus.Published;
        PublishedAt ??= now;
        return null;
    }

    private const string ImportedRefusal = "Une offre importée se modifie dans sa source, pas dans l’espace partenaire.";

    /// <summary>
    /// Writes an offer's content, from a partner's form or an import file: everything but its place, status, source
    /// and keys. <paramref name="romeGroups"/> are the ROME domain and grand domain of <see cref="OpportunityFields.RomeCode"/>.
    /// </summary>
    public void Fill(OpportunityFields fields, (string Domain, string GrandDomain)? romeGroups)
    {
        if (ExpiresOn != fields.ExpiresOn)
        {
            ExpiryReminderSentAt = null;
        }
        Kind = fields.Kind;
        Title = fields.Title;
        Slug = Territories.Slug.From(fields.Title);
        Description = fields.Description;
        EmployerName = fields.EmployerName;
        EmployerSiret = fields.EmployerSiret;
        StreetAddress = fields.StreetAddress;
        RomeCode = fields.RomeCode;
        (RomeDomainCode, RomeGrandDomainCode) = fields.RomeCode is not null && romeGroups is { } groups ? (groups.Domain, groups.GrandDomain) : (null, null);
        Contract = fields.Contract;
        WorkingTime = fields.WorkingTime;
        SalaryMin = fields.SalaryMin;
        SalaryMax = fields.SalaryMax;
        Remote = fields.Remote;
        StartDate = fields.StartDate;
        OpenToDisabledWorkers = fields.OpenToDisabledWorkers;
        NafCode = fields.NafCode;
        PriceMin = fields.PriceMin;
        PriceMax = fields.PriceMax;
        TurnoverBand = fields.TurnoverBand;
        Staff = fields.Staff;
        Premises = fields.Premises;
        Reason = fields.Reason;
        Timeline = fields.Timeline;
        Support = fields.Support;
        SellerName = fields.SellerName;
        SellerEmail = fields.SellerEmail;
        SellerPhone = fields.SellerPhone;
        SupportOffered = fields.SupportOffered;
        HowToApply = fields.HowToApply;
        ApplyUrl = fields.ApplyUrl;
        ApplyEmail = fields.ApplyEmail;
        ExpiresOn = fields.ExpiresOn;
    }
}

/// <summary>An employer, chamber, intercommunality or health centre that publishes opportunities.</summary>
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
