using Escale.Core.Data;

namespace Escale.Core.Campaigns;

public enum CampaignStatus
{
    Draft,
    Active,
    Archived,
}

/// <summary>Where a campaign is seen. Several per campaign: stored as flags in one column.</summary>
[Flags]
public enum CampaignChannels
{
    None = 0,
    Poster = 1,
    Press = 2,
    SocialMedia = 4,
    Radio = 8,
    Fair = 16,
    Email = 32,
    Partner = 64,
}

/// <summary>
/// One action of the image campaign (« Campagne d’image », communication action 3): a period, the channels it runs on,
/// its landing pages and its tracked links. Visitors and later contacts are attributed to it by its slug.
/// </summary>
public sealed class Campaign : IHasUpdatedAt
{
    public int Id { get; set; }
    public required string Name { get; set; }
    /// <summary>Also the <c>utm_campaign</c> value and the start of the attribution cookie's value: lowercase letters, digits, hyphens.</summary>
    public required string Slug { get; set; }
    public string? Description { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
    public CampaignChannels Channels { get; set; }
    public CampaignStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Stamped on save (UpdatedAtInterceptor).</summary>
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Sent with the creation form, so that the same form posted twice makes one campaign.</summary>
    public Guid? CreationKey { get; set; }
    public List<CampaignLink> Links { get; set; } = [];
    public List<LandingPage> LandingPages { get; set; } = [];
}

/// <summary>A short tracked link <c>/c/{code}</c> for one channel of a campaign, printed on a poster or posted on a network.</summary>
public sealed class CampaignLink
{
    public int Id { get; set; }
    public int CampaignId { get; set; }
    public Campaign? Campaign { get; set; }
    public required string Code { get; set; }
    public CampaignChannels Channel { get; set; }
    /// <summary>What the editor calls it: « Affiche gare de Cahors ».</summary>
    public required string Label { get; set; }
    /// <summary>An internal path ("/decouvrir/…", "/offres?…"): the redirect never leaves the site.</summary>
    public required string TargetPath { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// A visit that arrived through a tracked link or with a campaign's UTM parameters. Deliberately poor: no IP address,
/// no user agent, no cookie identifier — enough to count, not to follow anyone.
/// </summary>
public sealed class CampaignVisit
{
    public long Id { get; set; }
    public int CampaignId { get; set; }
    public int? LinkId { get; set; }
    public CampaignLink? Link { get; set; }
    public CampaignChannels Channel { get; set; }
    /// <summary>The utm_source/utm_medium as given (trimmed, shortened), for UTM visits.</summary>
    public string? Source { get; set; }
    public string? Medium { get; set; }
    public DateTimeOffset VisitedAt { get; set; }
    public required string LandingPath { get; set; }
}
