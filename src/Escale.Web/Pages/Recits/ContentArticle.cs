using System.Globalization;
using Escale.Core.Content;
using Escale.Core.Data;
using Escale.Core.Opportunities;
using Escale.Core.Opportunities.Search;
using Escale.Web.Pages.Offres;
using Escale.Web.Infrastructure.Links;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Recits;

/// <summary>
/// What a public content page shows, built the same way from a published item, a revision or unsaved form values,
/// so that a preview is exactly the public page.
/// </summary>
public sealed record ContentArticle(
    ContentDraft Draft,
    ContentText Text,
    /// <summary>The language of <see cref="Text"/>: French when the visitor reads English and there is no translation.</summary>
    string TextLanguage,
    bool IsFallback,
    string BodyHtml,
    string? PlaceName,
    LeadPicture? Image)
{
    /// <summary>The page of the commune or intercommunality the item is about.</summary>
    public string? PlacePath { get; init; }

    /// <summary>The published item's id and dates (none for a preview): what sharing tags and JSON-LD say.</summary>
    public int? Id { get; init; }
    public DateTimeOffset? PublishAt { get; init; }
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>A company story's organisation on this site, and its opportunities open now (the first few).</summary>
    public CompanyLink? Company { get; init; }

    public sealed record CompanyLink(string Name, string Slug, IReadOnlyList<(string Title, string Path)> Opportunities, int OpportunityCount);

    /// <summary>A portrait's occupation and the offers open now for it near the portrait's place.</summary>
    public OccupationLink? Occupation { get; init; }

    /// <param name="SearchPath">The offer search for this occupation around the place; <paramref name="AlertPath"/> the alert on it.</param>
    /// <param name="DomainLabel">The occupation's professional domain, searched by <paramref name="DomainSearchPath"/> around the place.</param>
    public sealed record OccupationLink(
        string Label, IReadOnlyList<(string Title, string Path, string CommuneName)> Opportunities, int OpportunityCount, string SearchPath,
        string AlertPath, string? DomainLabel, string DomainSearchPath);

    /// <summary>The public page of a published item of one of <paramref name="types"/>, or null: unknown, unpublished or scheduled later.</summary>
    public static async Task<ContentArticle?> PublicAsync(
        EscaleDbContext db, OpportunitySearch offers, IReadOnlyList<ContentType> types, string slug, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Read-only, by slug, in two queries: the item with its texts, then its personas and themes (the split
        // editor's load took five, tracked, for what a visitor only reads).
        var item = await db.ContentItems.AsNoTracking()
            .Where(c => types.Contains(c.Type) && c.Slug == slug && c.Status == ContentStatus.Published && c.PublishAt <= now)
            .Include(c => c.Translations)
            .FirstOrDefaultAsync(cancellationToken);
        if (item is null)
        {
            return null;
        }
        var tags = await db.ContentItems.AsNoTracking().Where(c => c.Id == item.Id)
            .Select(c => new { Personas = c.Personas.Select(p => p.PersonaSlug).ToList(), Themes = c.Themes.Select(t => t.Theme).ToList() })
            .SingleAsync(cancellationToken);
        var draft = item.ToDraft() with { Personas = [.. tags.Personas.Order(StringComparer.Ordinal)], Themes = [.. tags.Themes.Order()] };
        return await BuildAsync(db, offers, draft, item.LeadImageId, now, cancellationToken) with { Id = item.Id, PublishAt = item.PublishAt, UpdatedAt = item.UpdatedAt };
    }

    /// <param name="leadImageId">The item's current lead image (images are not part of revisions).</param>
    /// <param name="now">What "open" means for a company story's opportunities.</param>
    public static async Task<ContentArticle> BuildAsync(
        EscaleDbContext db, OpportunitySearch offers, ContentDraft draft, int? leadImageId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var wanted = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == ContentDraft.English ? ContentDraft.English : ContentDraft.French;
        var text = draft.Text(wanted) is { Title.Length: > 0 } translated ? translated : draft.Text(ContentDraft.French)
            ?? new ContentText(ContentDraft.French, "", null, null);
        Place? place = null;
        if (draft.CommuneId is { } communeId)
        {
            place = await db.Communes.Where(c => c.Id == communeId)
                .Select(c => new Place(c.Name, SiteLinks.CommunePath(c.InseeCode, c.Slug), "commune", c.InseeCode, c.Latitude, c.Longitude, null))
                .SingleOrDefaultAsync(cancellationToken);
        }
        else if (draft.IntercommunalityId is { } epciId)
        {
            place = await db.Intercommunalities.Where(e => e.Id == epciId)
                .Select(e => new Place(e.Name, SiteLinks.IntercommunalityPath(e.Slug), "intercommunalite", e.Siren, 0, 0, e.Id))
                .SingleOrDefaultAsync(cancellationToken);
        }
        return new ContentArticle(draft, text, text.Language, text.Language != wanted, ContentMarkdown.ToSafeHtml(text.BodyMarkdown, text.Language), place?.Name,
            await LeadPicture.LoadAsync(db, leadImageId, cancellationToken))
        {
            PlacePath = place?.Path,
            Company = draft.Type == ContentType.CompanyStory && draft.OrganisationId is { } organisationId
                ? await CompanyAsync(db, organisationId, now, cancellationToken) : null,
            Occupation = draft.Type == ContentType.Portrait && draft.OccupationRomeCode is { } rome
                ? await OccupationAsync(db, offers, rome, place, now, cancellationToken) : null,
        };
    }

    /// <param name="Parameter">The offer search's parameter for this kind of place, <paramref name="Value"/> its value.</param>
    /// <param name="IntercommunalityId">Set for an intercommunality, searched as a whole; a commune is searched around its centre.</param>
    private sealed record Place(string Name, string Path, string Parameter, string Value, double Latitude, double Longitude, int? IntercommunalityId);

    private const int OpportunitiesShown = 5;

    private static async Task<OccupationLink?> OccupationAsync(
        EscaleDbContext db, OpportunitySearch offers, string rome, Place? place, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var occupation = await db.RomeOccupations.AsNoTracking().Where(r => r.Code == rome)
            .Select(r => new { r.Label, r.DomainCode, Domain = db.RomeDomains.Where(d => d.Code == r.DomainCode).Select(d => d.Label).FirstOrDefault() })
            .SingleOrDefaultAsync(cancellationToken);
        if (occupation is null)
        {
            return null;
        }
        var query = new SearchQuery { Rome = rome, PageSize = OpportunitiesShown };
        var where = "";
        if (place is { IntercommunalityId: { } epciId })
        {
            query = query with { IntercommunalityId = epciId };
        }
        else if (place is not null)
        {
            query = query with { Centre = (place.Latitude, place.Longitude), RadiusKm = OpportunityQueryString.DefaultRadiusKm, Sort = SearchSort.Distance };
        }
        if (place is not null)
        {
            where = "&" + place.Parameter + "=" + Uri.EscapeDataString(place.Value);
        }
        var search = "metier=" + Uri.EscapeDataString(rome) + where;
        var found = (await offers.IndexAsync(cancellationToken)).Search(query, now);
        return new OccupationLink(
            occupation.Label, [.. found.Items.Select(o => (o.Title, SiteLinks.OpportunityPath(o.Id, o.Slug), o.CommuneName))], found.Total,
            "/offres?" + search, "/offres/alertes/nouvelle?" + search,
            occupation.Domain, "/offres?domaine=" + Uri.EscapeDataString(occupation.DomainCode) + where);
    }

    private static async Task<CompanyLink?> CompanyAsync(EscaleDbContext db, int organisationId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == organisationId)
            .Select(o => new { o.Name, o.Slug }).SingleOrDefaultAsync(cancellationToken);
        if (organisation is null)
        {
            return null;
        }
        var open = db.Opportunities.AsNoTracking().OpenAt(now).Where(o => o.OrganisationId == organisationId);
        var opportunities = await open.OrderByDescending(o => o.PublishedAt).ThenByDescending(o => o.Id).Take(OpportunitiesShown)
            .Select(o => new { o.Id, o.Slug, o.Title }).ToListAsync(cancellationToken);
        return new CompanyLink(organisation.Name, organisation.Slug,
            [.. opportunities.Select(o => (o.Title, SiteLinks.OpportunityPath(o.Id, o.Slug)))], await open.CountAsync(cancellationToken));
    }
}
