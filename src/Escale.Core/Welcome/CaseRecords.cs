using Escale.Core.Data;

namespace Escale.Core.Welcome;

public enum CaseEventKind
{
    Created,
    Routed,
    AssigneeChanged,
    StageChanged,
    Transferred,
    InstallationDateChanged,
    ProjectEdited,
    TaskAdded,
    TaskDone,
    NoteAdded,
    MessageToHousehold,
    MessageFromHousehold,
    ReferralDrafted,
    ReferralConsented,
    ReferralRefused,
    ReferralSent,
    ReferralAcknowledged,
    ReferralCompleted,
    ReferralDeclined,
    DocumentAdded,
    DocumentRemoved,
    QuestionnaireSent,
    QuestionnaireAnswered,
    MatchesEmailed,
    HousingRequested,
    HousingAccepted,
    HousingDeclined,
    HousingCancelled,
    SpouseProfileShared,
    SpouseProfileSharingStopped,
    SpouseIntroductionRequested,
    SpouseIntroductionAccepted,
    SpouseIntroductionRefused,
}

/// <summary>One line of a case's timeline: every change, by whom, when.</summary>
public sealed class CaseEvent
{
    public long Id { get; set; }
    public int CaseId { get; set; }
    public DateTimeOffset At { get; set; }
    public CaseEventKind Kind { get; set; }
    public string? ActorUserId { get; set; }
    public required string ActorName { get; set; }
    public string? Detail { get; set; }
}

public sealed class CaseTask : IPartOf<WelcomeCase>
{
    public int Id { get; set; }
    public int CaseId { get; set; }
    public required string Title { get; set; }
    public DateOnly DueOn { get; set; }
    /// <summary>Who must do it; null: whoever follows the case.</summary>
    public string? AssignedUserId { get; set; }
    public string? CreatedByUserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DoneAt { get; set; }
    public DateTimeOffset? ReminderSentAt { get; set; }

    public bool IsOverdue(DateOnly today) => DoneAt is null && today > DueOn;
}

/// <summary>A referent's private note: never shown to the household nor to partners.</summary>
public sealed class CaseNote : IPartOf<WelcomeCase>
{
    public int Id { get; set; }
    public int CaseId { get; set; }
    public string? AuthorUserId { get; set; }
    public required string AuthorName { get; set; }
    public required string Text { get; set; }
    public DateTimeOffset At { get; set; }
}

/// <summary>A message between the referents and the household: sent by e-mail, answered in the household's space.</summary>
public sealed class CaseMessage : IPartOf<WelcomeCase>
{
    public int Id { get; set; }
    public int CaseId { get; set; }
    public bool FromHousehold { get; set; }
    public string? AuthorUserId { get; set; }
    public required string AuthorName { get; set; }
    public required string Body { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>When the other side read it (the household in its space, a referent on the case).</summary>
    public DateTimeOffset? ReadAt { get; set; }
}

public enum CaseAccessAction
{
    Viewed,
    Changed,
    Exported,
}

/// <summary>Who opened or changed a case's personal data, and when: shown to the household in its space.</summary>
public sealed class CaseAccess
{
    public long Id { get; set; }
    public int CaseId { get; set; }
    public string? UserId { get; set; }
    public required string ActorName { get; set; }
    /// <summary>The organisation the person acted for, as it was named then.</summary>
    public string? OrganisationName { get; set; }
    public CaseAccessAction Action { get; set; }
    public DateTimeOffset At { get; set; }
}

public sealed class CaseDocument : IPartOf<WelcomeCase>
{
    public int Id { get; set; }
    public int CaseId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long SizeBytes { get; set; }
    public required byte[] Content { get; set; }
    public bool FromHousehold { get; set; }
    public string? UploadedByUserId { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
}

public enum QuestionnaireMilestone
{
    SixMonths,
    TwelveMonths,
}

/// <summary>The short retention questionnaire sent 6 and 12 months after installation; answered through a link.</summary>
public sealed class CaseQuestionnaire : IPartOf<WelcomeCase>
{
    public int Id { get; set; }
    public int CaseId { get; set; }
    public QuestionnaireMilestone Milestone { get; set; }
    /// <summary>SHA-256 of the link's token (the token itself is only in the e-mail).</summary>
    public required string TokenHash { get; set; }
    public DateTimeOffset SentAt { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public bool? StillLivingHere { get; set; }
    public string? WhatHelped { get; set; }
    public string? WhatWasMissing { get; set; }
    /// <summary>Would you recommend the territory, 0 to 10.</summary>
    public int? Recommendation { get; set; }
}

/// <summary>An opportunity already e-mailed to the household as a strong match, so it is never e-mailed twice.</summary>
public sealed class CaseMatchNotice
{
    public int CaseId { get; set; }
    public int OpportunityId { get; set; }
    public DateTimeOffset NotifiedAt { get; set; }
}

/// <summary>How long each kind of personal data is kept, stated to the household where it consents.</summary>
public static class WelcomeRetention
{
    /// <summary>A case's personal data is erased this long after its last activity (closed or silent).</summary>
    public const int CaseYearsAfterLastActivity = 3;
    /// <summary>Match e-mails stop at the opt-out or when the case closes.</summary>
    public const int MatchEmailsMonthsAfterClosing = 0;
    /// <summary>Questionnaire answers are kept this long after the twelve-month follow-up.</summary>
    public const int QuestionnaireYears = 2;
}
