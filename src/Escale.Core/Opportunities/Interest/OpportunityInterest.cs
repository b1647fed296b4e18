namespace Escale.Core.Opportunities.Interest;

/// <summary>
/// Someone said « Je suis intéressé·e » on an opportunity. Kept with where it came from (the opportunity page, a campaign)
/// so that the welcome journey can later turn it into a case.
/// </summary>
public sealed class OpportunityInterest
{
    public const string OpportunitySource = "offre";

    public int Id { get; set; }
    public int OpportunityId { get; set; }
    public Opportunity? Opportunity { get; set; }
    public required string Name { get; set; }
    public required string Email { get; set; }
    public string? Phone { get; set; }
    public string? Message { get; set; }
    public DateTimeOffset ConsentedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string Source { get; set; }
    /// <summary>From the first-party <c>escale_campagne</c> cookie (last-touch), when the visitor came through a campaign.</summary>
    public string? CampaignCode { get; set; }
    /// <summary>From the <c>escale_campagne_premiere</c> cookie: the first campaign that brought the visitor.</summary>
    public string? FirstCampaignCode { get; set; }
    public string? UserId { get; set; }
}

public enum ContactRequestStatus
{
    Pending,
    Accepted,
    Declined,
}

/// <summary>
/// A candidate asks to meet the seller of a business to take over. The seller's identity stays hidden until the
/// seller accepts through the link e-mailed to them; only the hash of that link's token is stored.
/// </summary>
public sealed class TakeoverContactRequest
{
    public int Id { get; set; }
    public int OpportunityId { get; set; }
    public Opportunity? Opportunity { get; set; }
    public required string Name { get; set; }
    public required string Email { get; set; }
    public string? Phone { get; set; }
    public string? Message { get; set; }
    public ContactRequestStatus Status { get; set; }
    /// <summary>SHA-256 of the token in the seller's link, hexadecimal.</summary>
    public required string TokenHash { get; set; }
    public DateTimeOffset ConsentedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? CampaignCode { get; set; }
    public string? FirstCampaignCode { get; set; }
    public string? UserId { get; set; }
}
