namespace Escale.Core.Calls;

/// <summary>A juror of a call (an account with the Jury role, chosen by the team).</summary>
public sealed class CallJuror
{
    public int Id { get; set; }
    public int CallId { get; set; }
    public required string UserId { get; set; }
    public DateTimeOffset AddedAt { get; set; }
}

/// <summary>
/// One juror's evaluation of one application: a recusal (conflict of interest, with its reason) or a score per criterion.
/// A recused juror's scores never count; submitted evaluations are final.
/// </summary>
public sealed class JurorAssignment
{
    public const int CommentMaxLength = 2000;

    public int Id { get; set; }
    public int ApplicationId { get; set; }
    public CallApplication? Application { get; set; }
    public required string JurorUserId { get; set; }
    public DateTimeOffset AssignedAt { get; set; }
    public DateTimeOffset? ConflictDeclaredAt { get; set; }
    public string? ConflictReason { get; set; }
    /// <summary>Set when every criterion is scored and the juror sends the evaluation.</summary>
    public DateTimeOffset? SubmittedAt { get; set; }
    /// <summary>The weighted total on 0–10, kept when submitted so that rankings read one number per evaluation.</summary>
    public double? WeightedScore { get; set; }
    /// <summary>A general comment for the team, and the deliberation.</summary>
    public string? Comment { get; set; }
    public List<JurorScore> Scores { get; set; } = [];

    public bool IsRecused => ConflictDeclaredAt is not null;
}

public sealed class JurorScore
{
    public int Id { get; set; }
    public int AssignmentId { get; set; }
    public int CriterionId { get; set; }
    public int Score { get; set; }
    public string? Comment { get; set; }
}
