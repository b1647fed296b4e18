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

    /// <summary>Where the employer is with this candidate; <see cref="StatusChangedAt"/> says since when.</summary>
    public CandidateStatus Status { get; set; }
    public DateTimeOffset? StatusChangedAt { get; set; }

    /// <summary>The employer's answers and status changes, oldest first: the history the candidate was told of.</summary>
    public List<CandidateStep> Steps { get; set; } = [];

    /// <summary>
    /// Moves the candidate to <paramref name="status"/> and records the step. False when the candidate already has that
    /// status (a second click, a form posted twice): nothing changes and nothing is to be told.
    /// </summary>
    public bool ChangeStatus(CandidateStatus status, string? byUserId, DateTimeOffset now)
    {
        if (status == CandidateStatus.New)
        {
            throw new ArgumentOutOfRangeException(nameof(status), "A candidate never goes back to new.");
        }
        if (status == Status)
        {
            return false;
        }
        Status = status;
        StatusChangedAt = now;
        Steps.Add(new CandidateStep { Kind = CandidateStepKind.StatusChanged, Status = status, At = now, AuthorUserId = byUserId });
        return true;
    }

    /// <summary>
    /// Records an answer to the candidate. False when the same text was just recorded (within
    /// <paramref name="duplicateWindow"/>): a form posted twice sends one answer. <see cref="Steps"/> must be loaded.
    /// </summary>
    public bool Answer(string message, string? byUserId, DateTimeOffset now, TimeSpan duplicateWindow)
    {
        var since = now - duplicateWindow;
        if (Steps.Any(s => s.Kind == CandidateStepKind.Answered && s.Message == message && s.At >= since))
        {
            return false;
        }
        Steps.Add(new CandidateStep { Kind = CandidateStepKind.Answered, Message = message, At = now, AuthorUserId = byUserId });
        return true;
    }
}

/// <summary>An employer's follow-up of a candidate; each change is e-mailed to them.</summary>
public enum CandidateStatus
{
    New,
    Contacted,
    Retained,
    NotRetained,
}

public enum CandidateStepKind
{
    Answered,
    StatusChanged,
}

/// <summary>One step of an employer's follow-up of a candidate: an answer e-mailed to them, or a new status.</summary>
public sealed class CandidateStep
{
    public const int MessageMaxLength = 4000;

    public int Id { get; set; }
    public int InterestId { get; set; }
    public CandidateStepKind Kind { get; set; }
    /// <summary>The new status, for a status change.</summary>
    public CandidateStatus? Status { get; set; }
    /// <summary>The answer's text, for an answer.</summary>
    public string? Message { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>The member of the organisation who acted; null once their account is erased.</summary>
    public string? AuthorUserId { get; set; }
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
