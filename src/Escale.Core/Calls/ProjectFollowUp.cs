using Escale.Core.Data;
using Escale.Core.Opportunities;

namespace Escale.Core.Calls;

/// <summary>
/// A laureate's project after the results (action 14): the support granted, its milestones, the team's progress updates,
/// the running team's notes, and the public project page the laureate chooses to publish.
/// </summary>
public sealed class ProjectFollowUp : IHasUpdatedAt
{
    public int Id { get; set; }
    public int ApplicationId { get; set; }
    public CallApplication? Application { get; set; }
    public required string Slug { get; set; }
    public decimal? SupportAmountEuros { get; set; }
    public string? SupportDescription { get; set; }
    public string? MentorName { get; set; }
    public int? PartnerOrganisationId { get; set; }
    public Organisation? PartnerOrganisation { get; set; }
    /// <summary>The public page's text, written by the laureate's team.</summary>
    public string? PublicSummary { get; set; }
    /// <summary>Set by the laureate's lead when they publish the project page; null: not public.</summary>
    public DateTimeOffset? PublishedAt { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public List<FollowUpMilestone> Milestones { get; set; } = [];
    public List<FollowUpEntry> Entries { get; set; } = [];
}

public sealed class FollowUpMilestone : IPartOf<ProjectFollowUp>
{
    public int Id { get; set; }
    public int FollowUpId { get; set; }
    public required string Title { get; set; }
    public DateOnly? DueOn { get; set; }
    public DateTimeOffset? ReachedAt { get; set; }
    /// <summary>Shown on the public project page when published.</summary>
    public bool Public { get; set; } = true;
}

public enum FollowUpEntryKind
{
    /// <summary>A progress update by the project's team; public when the page is.</summary>
    Progress,
    /// <summary>A note of the team running the call, never shown to the laureate or the public.</summary>
    TeamNote,
}

public sealed class FollowUpEntry : IPartOf<ProjectFollowUp>
{
    public const int TextMaxLength = 4000;

    public int Id { get; set; }
    public int FollowUpId { get; set; }
    public FollowUpEntryKind Kind { get; set; }
    public required string AuthorUserId { get; set; }
    public required string Text { get; set; }
    public DateTimeOffset At { get; set; }
}
