using Escale.Core.Data;
using Escale.Core.Territories;

namespace Escale.Core.Calls;

public enum ApplicationStatus
{
    /// <summary>Being written; saved with a button, changed until submitted.</summary>
    Draft,
    /// <summary>Submitted by the lead, waiting for a guardian's consent (under 15) or authorisation (when the call asks it).</summary>
    AwaitingGuardian,
    Submitted,
    Eligible,
    Ineligible,
    UnderEvaluation,
    Laureate,
    NotSelected,
    Withdrawn,
}

/// <summary>
/// An application to a call, by a lead and the members they invite. The answers to the call's form, the team, the
/// guardians' consents for minors, the jury's evaluations and the final decision hang on it.
/// </summary>
public sealed class CallApplication : IHasUpdatedAt
{
    public const int ProjectTitleMaxLength = 200;

    public int Id { get; set; }
    public int CallId { get; set; }
    public CallForProjects? Call { get; set; }
    public required string LeadUserId { get; set; }
    /// <summary>Public when the application wins, like the public fields.</summary>
    public required string ProjectTitle { get; set; }
    public ApplicationStatus Status { get; set; }
    /// <summary>Why the application is not eligible, told to its team.</summary>
    public string? StatusReason { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public DateTimeOffset? WithdrawnAt { get; set; }

    /// <summary>The deliberation's final decision (laureate or not), set by the team before the results are published.</summary>
    public ApplicationDecision? Decision { get; set; }
    public string? DecisionReason { get; set; }
    public string? DecidedByUserId { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    /// <summary>What the jury says to the team, sent with the results.</summary>
    public string? JuryFeedback { get; set; }

    /// <summary>A photo for the laureates' page, shown only with the consent of those it shows (and their guardians for minors).</summary>
    public int? PhotoImageId { get; set; }
    public string? PhotoAlt { get; set; }
    public DateTimeOffset? PhotoConsentAt { get; set; }

    /// <summary>Bumped by every change of the team or the status first, so that two of them queue (a row lock).</summary>
    public int Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public List<ApplicationMember> Members { get; set; } = [];
    public List<ApplicationAnswer> Answers { get; set; } = [];
    public List<JurorAssignment> Assignments { get; set; } = [];
    public List<ApplicationStatusChange> StatusChanges { get; set; } = [];
}

public enum ApplicationDecision
{
    Laureate,
    NotSelected,
}

public enum MemberRole
{
    Lead,
    Member,
}

/// <summary>
/// A person of the team. The lead is one from the start; a member is invited by e-mail and confirms through the link,
/// signed in, giving their own date of birth. Minors' guardians consent or are informed per member.
/// </summary>
public sealed class ApplicationMember : IPartOf<CallApplication>
{
    public int Id { get; set; }
    public int ApplicationId { get; set; }
    public CallApplication? Application { get; set; }
    public MemberRole Role { get; set; }
    /// <summary>Null until an invited member confirms.</summary>
    public string? UserId { get; set; }
    public required string Name { get; set; }
    public required string Email { get; set; }
    /// <summary>SHA-256 of the invitation link's token (the token is only in the e-mail).</summary>
    public string? InvitationTokenHash { get; set; }
    public DateTimeOffset InvitedAt { get; set; }
    public DateTimeOffset? ConfirmedAt { get; set; }
    public DateOnly? DateOfBirth { get; set; }
    /// <summary>Where the member lives, for calls reserved to residents.</summary>
    public int? CommuneId { get; set; }
    public Commune? Commune { get; set; }
    /// <summary>School, studies or occupation; never public, hidden from the jury.</summary>
    public string? School { get; set; }
    public List<GuardianConsent> GuardianConsents { get; set; } = [];
}

public enum GuardianConsentKind
{
    /// <summary>Under 15: the guardian consents together with the minor (loi Informatique et Libertés, art. 45).</summary>
    Consent,
    /// <summary>From 15 to 17 when the call asks it (prizes, contracts).</summary>
    Authorisation,
    /// <summary>From 15 to 17 otherwise: the guardian is informed.</summary>
    Information,
}

/// <summary>
/// A holder of parental authority for a minor member: the e-mail link, their identity as they confirmed it, and their
/// consent (or authorisation), or only the information sent. Withdrawing a consent withdraws the application.
/// </summary>
public sealed class GuardianConsent
{
    public const int LinkValidDays = 14;

    public int Id { get; set; }
    public int MemberId { get; set; }
    public ApplicationMember? Member { get; set; }
    public GuardianConsentKind Kind { get; set; }
    public required string GuardianName { get; set; }
    public required string GuardianEmail { get; set; }
    /// <summary>SHA-256 of the link's token; cleared once used, so that a link works once.</summary>
    public string? TokenHash { get; set; }
    public DateTimeOffset SentAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    /// <summary>The guardian's identity as confirmed on the consent page (name and their link to the minor).</summary>
    public string? ConfirmedName { get; set; }
    public string? Relationship { get; set; }
    public DateTimeOffset? ConsentedAt { get; set; }
    /// <summary>The guardian also allows a photo of the minor on the laureates' page.</summary>
    public bool PhotoAllowed { get; set; }
    public DateTimeOffset? WithdrawnAt { get; set; }
}

/// <summary>An answer to one field of the call's form; files are kept apart so that lists never load them.</summary>
public sealed class ApplicationAnswer : IPartOf<CallApplication>
{
    public int Id { get; set; }
    public int ApplicationId { get; set; }
    public int FieldId { get; set; }
    public CallField? Field { get; set; }
    /// <summary>Text, the chosen option, a number (invariant culture), a date (yyyy-MM-dd), « true »/« false », or a file's name.</summary>
    public string? Value { get; set; }
    public ApplicationFile? File { get; set; }
}

public sealed class ApplicationFile
{
    public int Id { get; set; }
    public int AnswerId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long SizeBytes { get; set; }
    public required byte[] Content { get; set; }
}

/// <summary>The application's history, as its team was told it.</summary>
public sealed class ApplicationStatusChange : IPartOf<CallApplication>
{
    public int Id { get; set; }
    public int ApplicationId { get; set; }
    public ApplicationStatus Status { get; set; }
    public string? Reason { get; set; }
    public DateTimeOffset At { get; set; }
}
