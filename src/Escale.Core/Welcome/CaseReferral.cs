using Escale.Core.Data;
using Escale.Core.Opportunities;

namespace Escale.Core.Welcome;

public enum ReferralPartnerKind
{
    Employer,
    Chamber,
    HousingProvider,
    FranceServices,
    Other,
}

public enum ReferralStatus
{
    Draft,
    Sent,
    Acknowledged,
    Completed,
    Declined,
    /// <summary>The household refused to share, or a referent withdrew the draft.</summary>
    Cancelled,
}

/// <summary>What of the file a referral may show the partner: the household ticks each, and the partner sees nothing else.</summary>
[Flags]
public enum SharedFields
{
    None = 0,
    Name = 1,
    Email = 2,
    Phone = 4,
    Occupation = 8,
    Experience = 16,
    Household = 32,
    Timeline = 64,
    TargetPlaces = 128,
    Housing = 256,
}

/// <summary>
/// A referent introduces (one adult of) the household to a partner organisation. Draft → sent → acknowledged →
/// completed, or declined with a reason. It is sent only once the household has consented to exactly what is shared.
/// </summary>
public sealed class CaseReferral : IPartOf<WelcomeCase>
{
    public int Id { get; set; }
    public int CaseId { get; set; }
    public WelcomeCase? Case { get; set; }
    public int PartnerOrganisationId { get; set; }
    public Organisation? PartnerOrganisation { get; set; }
    public ReferralPartnerKind PartnerKind { get; set; }
    /// <summary>The adult of the project it is about (index in <see cref="HouseholdProject.Adults"/>); null: the household.</summary>
    public int? AdultIndex { get; set; }
    public int? OpportunityId { get; set; }
    /// <summary>The referent's words to the partner.</summary>
    public required string Message { get; set; }
    /// <summary>What the referent proposes to share; the household consents to it or refuses.</summary>
    public SharedFields Shared { get; set; }
    public ReferralStatus Status { get; set; }
    public string? CreatedByUserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ConsentedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string? DeclineReason { get; set; }

    /// <summary>The household agrees to share <see cref="Shared"/>; the referral may then be sent.</summary>
    public string? Consent(DateTimeOffset now)
    {
        if (Status != ReferralStatus.Draft)
        {
            return "Cette mise en relation n’attend plus votre accord.";
        }
        if (Shared == SharedFields.None)
        {
            return "Rien n’est à partager dans cette mise en relation.";
        }
        ConsentedAt = now;
        return null;
    }

    public string? Refuse(DateTimeOffset now)
    {
        if (Status != ReferralStatus.Draft)
        {
            return "Cette mise en relation n’attend plus votre accord.";
        }
        Status = ReferralStatus.Cancelled;
        ClosedAt = now;
        return null;
    }

    public string? Send(DateTimeOffset now)
    {
        if (Status != ReferralStatus.Draft)
        {
            return "Seul un brouillon peut être envoyé.";
        }
        if (ConsentedAt is null)
        {
            return "Le ménage n’a pas encore accepté ce partage.";
        }
        Status = ReferralStatus.Sent;
        SentAt = now;
        return null;
    }

    public string? Acknowledge(DateTimeOffset now)
    {
        if (Status != ReferralStatus.Sent)
        {
            return "Seule une mise en relation envoyée peut être prise en compte.";
        }
        Status = ReferralStatus.Acknowledged;
        AcknowledgedAt = now;
        return null;
    }

    public string? Complete(DateTimeOffset now)
    {
        if (Status is not (ReferralStatus.Sent or ReferralStatus.Acknowledged))
        {
            return "Seule une mise en relation en cours peut être menée à bien.";
        }
        Status = ReferralStatus.Completed;
        ClosedAt = now;
        return null;
    }

    public string? Decline(string? reason, DateTimeOffset now)
    {
        if (Status is not (ReferralStatus.Sent or ReferralStatus.Acknowledged))
        {
            return "Seule une mise en relation en cours peut être déclinée.";
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            return "Dites pourquoi vous déclinez : le référent et le ménage le liront.";
        }
        Status = ReferralStatus.Declined;
        DeclineReason = reason.Trim();
        ClosedAt = now;
        return null;
    }

    /// <summary>A referent withdraws a draft the household has not answered.</summary>
    public string? Cancel(DateTimeOffset now)
    {
        if (Status != ReferralStatus.Draft)
        {
            return "Seul un brouillon peut être retiré.";
        }
        Status = ReferralStatus.Cancelled;
        ClosedAt = now;
        return null;
    }
}
