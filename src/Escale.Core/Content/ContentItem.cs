using Escale.Core.Data;
using Escale.Core.Media;
using Escale.Core.Territories;

namespace Escale.Core.Content;

public enum ContentType
{
    Portrait,
    /// <summary>« Pépite » : an employer's story.</summary>
    CompanyStory,
    Event,
    QualityOfLife,
    News,
}

public enum ContentStatus
{
    Draft,
    InReview,
    /// <summary>Public once <see cref="ContentItem.PublishAt"/> has passed.</summary>
    Published,
    Archived,
}

public enum ContentTheme
{
    Nature,
    Heritage,
    Sport,
    Health,
    Schools,
    Childcare,
    Mobility,
    Housing,
    Broadband,
    Culture,
}

/// <summary>
/// One editorial item of any type. Types share one table so that listings, home page and (later) search are one
/// query; type-specific fields are nullable. Text lives in <see cref="ContentTranslation"/>, one row per language.
/// </summary>
public sealed class ContentItem : IHasUpdatedAt
{
    public int Id { get; set; }
    public ContentType Type { get; set; }
    /// <summary>Unique per type: the public URL.</summary>
    public required string Slug { get; set; }
    public ContentStatus Status { get; set; }
    /// <summary>When a published item becomes public; in the future for a scheduled publication.</summary>
    public DateTimeOffset? PublishAt { get; set; }
    public int? CommuneId { get; set; }
    public Commune? Commune { get; set; }
    public int? IntercommunalityId { get; set; }
    public Intercommunality? Intercommunality { get; set; }
    /// <summary>The lead image, shown at the top of the public page; set from the edit page's upload form.</summary>
    public int? LeadImageId { get; set; }
    public MediaImage? LeadImage { get; set; }
    public bool Featured { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Stamped on save, also when only its translations, personas, themes or revisions change (UpdatedAtInterceptor).</summary>
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>When it was last published (set at the publish action, even when scheduled later).</summary>
    public DateTimeOffset? PublishedAt { get; set; }
    public string? AuthorUserId { get; set; }
    /// <summary>A key the create form carries, so that a double submit creates one item, not two.</summary>
    public Guid? CreationKey { get; set; }

    public DateTimeOffset? StartsAt { get; set; }
    public DateTimeOffset? EndsAt { get; set; }
    public string? Venue { get; set; }
    public string? Organiser { get; set; }
    public string? Price { get; set; }
    public string? Accessibility { get; set; }

    /// <summary>NAF code of a company story's sector, e.g. "62.01Z".</summary>
    public string? SectorNafCode { get; set; }
    public string? Website { get; set; }
    /// <summary>The employer a company story is about, when it has an organisation here: its page links to its opportunities.</summary>
    public int? OrganisationId { get; set; }
    public Escale.Core.Opportunities.Organisation? Organisation { get; set; }
    /// <summary>The ROME occupation a portrait is about (e.g. "J1506" for a nurse): its page links to the matching offers near its place.</summary>
    public string? OccupationRomeCode { get; set; }

    public List<ContentTranslation> Translations { get; set; } = [];
    public List<ContentPersona> Personas { get; set; } = [];
    public List<ContentThemeTag> Themes { get; set; } = [];
    public List<ContentRevision> Revisions { get; set; } = [];

    public bool IsPublicAt(DateTimeOffset now) => Status == ContentStatus.Published && PublishAt <= now;

    /// <summary>The editable state of the item, as a revision records it.</summary>
    public ContentDraft ToDraft() => new()
    {
        Type = Type,
        Slug = Slug,
        CommuneId = CommuneId,
        IntercommunalityId = IntercommunalityId,
        Featured = Featured,
        Personas = [.. Personas.Select(p => p.PersonaSlug).Order(StringComparer.Ordinal)],
        Themes = [.. Themes.Select(t => t.Theme).Order()],
        StartsAt = StartsAt,
        EndsAt = EndsAt,
        Venue = Venue,
        Organiser = Organiser,
        Price = Price,
        Accessibility = Accessibility,
        SectorNafCode = SectorNafCode,
        Website = Website,
        OrganisationId = OrganisationId,
        OccupationRomeCode = OccupationRomeCode,
        Texts = [.. Translations.OrderBy(t => t.Language, StringComparer.Ordinal)
            .Select(t => new ContentText(t.Language, t.Title, t.Summary, t.BodyMarkdown))],
    };

    /// <summary>Copies a draft's fields onto the item (the slug is the caller's, as it must be made unique first).</summary>
    public void Apply(ContentDraft draft)
    {
        Type = draft.Type;
        CommuneId = draft.CommuneId;
        IntercommunalityId = draft.IntercommunalityId;
        Featured = draft.Featured;
        var isEvent = draft.Type == ContentType.Event;
        StartsAt = isEvent ? draft.StartsAt : null;
        EndsAt = isEvent ? draft.EndsAt : null;
        Venue = isEvent ? draft.Venue : null;
        Organiser = isEvent ? draft.Organiser : null;
        Price = isEvent ? draft.Price : null;
        Accessibility = isEvent ? draft.Accessibility : null;
        var isCompany = draft.Type == ContentType.CompanyStory;
        SectorNafCode = isCompany ? draft.SectorNafCode : null;
        Website = isCompany ? draft.Website : null;
        OrganisationId = isCompany ? draft.OrganisationId : null;
        OccupationRomeCode = draft.Type == ContentType.Portrait ? draft.OccupationRomeCode : null;

        Personas.RemoveAll(p => !draft.Personas.Contains(p.PersonaSlug));
        foreach (var slug in draft.Personas.Distinct(StringComparer.Ordinal).Where(s => Personas.All(p => p.PersonaSlug != s)))
        {
            Personas.Add(new ContentPersona { PersonaSlug = slug });
        }
        Themes.RemoveAll(t => !draft.Themes.Contains(t.Theme));
        foreach (var theme in draft.Themes.Distinct().Where(th => Themes.All(t => t.Theme != th)))
        {
            Themes.Add(new ContentThemeTag { Theme = theme });
        }

        Translations.RemoveAll(t => draft.Texts.All(x => x.Language != t.Language));
        foreach (var text in draft.Texts)
        {
            var translation = Translations.SingleOrDefault(t => t.Language == text.Language);
            if (translation is null)
            {
                translation = new ContentTranslation { Language = text.Language, Title = text.Title };
                Translations.Add(translation);
            }
            translation.Title = text.Title;
            translation.Summary = text.Summary;
            translation.BodyMarkdown = text.BodyMarkdown;
        }
    }
}

/// <summary>An item's text in one language: French always, English optional (French is shown instead).</summary>
public sealed class ContentTranslation : IPartOf<ContentItem>
{
    public int Id { get; set; }
    public int ContentItemId { get; set; }
    /// <summary>"fr" or "en".</summary>
    public required string Language { get; set; }
    public required string Title { get; set; }
    public string? Summary { get; set; }
    public string? BodyMarkdown { get; set; }
}

/// <summary>A persona the item speaks to, by the persona's slug (a join table filters well on both databases).</summary>
public sealed class ContentPersona : IPartOf<ContentItem>
{
    public int ContentItemId { get; set; }
    public required string PersonaSlug { get; set; }
}

public sealed class ContentThemeTag : IPartOf<ContentItem>
{
    public int ContentItemId { get; set; }
    public ContentTheme Theme { get; set; }
}

/// <summary>The state of an item after one save, kept whole so that any two can be compared and any one restored.</summary>
public sealed class ContentRevision : IPartOf<ContentItem>
{
    public int Id { get; set; }
    public int ContentItemId { get; set; }
    /// <summary>1, 2, 3… per item.</summary>
    public int Number { get; set; }
    /// <summary>A <see cref="ContentDraft"/> as JSON.</summary>
    public required string SnapshotJson { get; set; }
    public string? AuthorUserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? Note { get; set; }
}
