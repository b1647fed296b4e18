using Escale.Core.Media;

namespace Escale.Core.BrandCoCreation;

/// <summary>What a young person proposes for the territory's brand.</summary>
public enum BrandProposalKind
{
    /// <summary>A message or a slogan.</summary>
    Message,
    Visual,
    /// <summary>An idea of a tool that carries the brand (a sticker, a game, a filter…).</summary>
    ToolIdea,
}

public enum BrandProposalStatus
{
    /// <summary>Awaiting moderation: seen by nobody but its author and the moderators.</summary>
    Submitted,
    Published,
    Rejected,
    /// <summary>Published, and the communication commission has answered it publicly.</summary>
    Answered,
}

/// <summary>The communication commission's answer to a published proposal.</summary>
public enum BrandAnswer
{
    Retained,
    Adapted,
    NotRetained,
}

/// <summary>
/// A proposal of the co-creation of the territory's brand (co-création de la marque). Its status moves only through
/// <see cref="BrandProposalWorkflow"/>.
/// </summary>
public sealed class BrandProposal
{
    public const int TitleMaxLength = 150;
    public const int TextMaxLength = 4000;
    public const int ReasonMaxLength = 2000;

    public int Id { get; set; }
    public BrandProposalKind Kind { get; set; }
    public required string Title { get; set; }
    public required string Text { get; set; }
    public int? ImageId { get; set; }
    public MediaImage? Image { get; set; }
    /// <summary>Null once the author's account is erased (an answered proposal stays, anonymous).</summary>
    public string? AuthorUserId { get; set; }
    public BrandProposalStatus Status { get; set; }
    /// <summary>From the form: a double submit makes one proposal.</summary>
    public Guid? CreationKey { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ModeratedAt { get; set; }
    public string? ModeratedByUserId { get; set; }
    /// <summary>Why the moderators did not publish it, told to the author only.</summary>
    public string? RejectionReason { get; set; }

    public BrandAnswer? Answer { get; set; }
    /// <summary>The commission's public reason for its answer.</summary>
    public string? AnswerReason { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public string? AnsweredByUserId { get; set; }
    /// <summary>The name of who answered, kept as it was then (the page shows it even if the account goes).</summary>
    public string? AnsweredByName { get; set; }

    public List<BrandProposalVote> Votes { get; set; } = [];
    public List<BrandProposalComment> Comments { get; set; } = [];

    /// <summary>Published or answered: what the public sees.</summary>
    public bool IsPublic => Status is BrandProposalStatus.Published or BrandProposalStatus.Answered;
}

/// <summary>One account's support for a published proposal: one per account and proposal.</summary>
public sealed class BrandProposalVote
{
    public int ProposalId { get; set; }
    public BrandProposal? Proposal { get; set; }
    public required string UserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A comment on a published proposal. Shown at once; moderators may hide it afterwards (its author is not told).</summary>
public sealed class BrandProposalComment
{
    public const int TextMaxLength = 2000;

    public int Id { get; set; }
    public int ProposalId { get; set; }
    public BrandProposal? Proposal { get; set; }
    public required string AuthorUserId { get; set; }
    public required string Text { get; set; }
    /// <summary>From the form: a double submit makes one comment.</summary>
    public Guid? CreationKey { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? HiddenAt { get; set; }
    public string? HiddenByUserId { get; set; }
}
