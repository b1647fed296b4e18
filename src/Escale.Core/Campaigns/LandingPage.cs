using Escale.Core.Data;

namespace Escale.Core.Campaigns;

public enum LandingBlockKind
{
    Text,
    Image,
    Contents,
    Opportunities,
    CallToAction,
}

/// <summary>A campaign page at <c>/decouvrir/{slug}</c>, made of ordered blocks; public once published.</summary>
public sealed class LandingPage : IHasUpdatedAt
{
    public int Id { get; set; }
    public int CampaignId { get; set; }
    public Campaign? Campaign { get; set; }
    public required string Slug { get; set; }
    public required string Title { get; set; }
    /// <summary>The sharing description (Open Graph) and the page's introduction.</summary>
    public string? Summary { get; set; }
    public bool Published { get; set; }
    /// <summary>Stamped on save, also when only its blocks change (UpdatedAtInterceptor).</summary>
    public DateTimeOffset UpdatedAt { get; set; }
    public List<LandingBlock> Blocks { get; set; } = [];
}

/// <summary>
/// One block of a landing page. One table for every kind: each kind uses a few of the columns
/// (text: heading and Markdown; image: the image; contents: item ids; opportunities and call to action: label and link).
/// </summary>
public sealed class LandingBlock : IPartOf<LandingPage>
{
    public int Id { get; set; }
    public int LandingPageId { get; set; }
    public int Position { get; set; }
    public LandingBlockKind Kind { get; set; }
    public string? Heading { get; set; }
    public string? BodyMarkdown { get; set; }
    public int? ImageId { get; set; }
    /// <summary>Content item ids in display order, comma separated ("12,5,40").</summary>
    public string? ContentIds { get; set; }
    public string? LinkLabel { get; set; }
    public string? LinkUrl { get; set; }

    public IReadOnlyList<int> ContentIdList() =>
        string.IsNullOrEmpty(ContentIds) ? [] :
        [.. ContentIds.Split(',').Select(s => int.TryParse(s, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : 0).Where(id => id > 0)];
}
