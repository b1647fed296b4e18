using System.Text.Json;
using System.Text.Json.Serialization;
using Escale.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Escale.Core.Content;

/// <summary>
/// The territory pack's fictional demo stories (<c>demo/contenus.json</c>), published so that Development shows a
/// living portal. Events are dated relative to the day of seeding, so they stay upcoming. Items are matched on their
/// slug: seeding again adds only what is missing, and never touches an item an editor has since changed.
/// </summary>
public static class DemoContent
{
    public const string FileName = "contenus.json";

    public sealed record File(List<Item> Items);

    public sealed record Item(
        string Slug, string Type, string? Commune, string? Intercommunality, List<string> Personas, List<string> Themes, bool Featured,
        int? StartsInDays, int? StartHour, int? DurationHours, string? Venue, string? Organiser, string? Price, string? Accessibility,
        string? Sector, string? Website, Text Fr, Text? En, string? Occupation = null);

    public sealed record Text(string Title, string? Summary, string Body);

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static readonly IReadOnlyDictionary<string, ContentType> Types = new Dictionary<string, ContentType>(StringComparer.Ordinal)
    {
        ["portrait"] = ContentType.Portrait, ["pepite"] = ContentType.CompanyStory, ["evenement"] = ContentType.Event,
        ["vivre-ici"] = ContentType.QualityOfLife, ["actualite"] = ContentType.News,
    };

    public static readonly IReadOnlyDictionary<string, ContentTheme> Themes = new Dictionary<string, ContentTheme>(StringComparer.Ordinal)
    {
        ["nature"] = ContentTheme.Nature, ["patrimoine"] = ContentTheme.Heritage, ["sport"] = ContentTheme.Sport, ["sante"] = ContentTheme.Health,
        ["ecoles"] = ContentTheme.Schools, ["petite-enfance"] = ContentTheme.Childcare, ["mobilite"] = ContentTheme.Mobility,
        ["logement"] = ContentTheme.Housing, ["tres-haut-debit"] = ContentTheme.Broadband, ["culture"] = ContentTheme.Culture,
    };

    public static File Load(string packFolder)
    {
        using var stream = System.IO.File.OpenRead(Path.Combine(packFolder, "demo", FileName));
        return JsonSerializer.Deserialize<File>(stream, Json) ?? throw new InvalidDataException("Empty demo content file.");
    }

    /// <summary>The editable draft of <paramref name="item"/>, its place resolved to ids and its event dated from <paramref name="today"/>.</summary>
    public static ContentDraft ToDraft(Item item, int? communeId, int? intercommunalityId, DateOnly today, TimeZoneInfo zone)
    {
        var type = Types[item.Type];
        DateTimeOffset? starts = null, ends = null;
        if (type == ContentType.Event)
        {
            var local = today.AddDays(item.StartsInDays ?? 7).ToDateTime(new TimeOnly(item.StartHour ?? 18, 0));
            starts = new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
            ends = starts.Value.AddHours(item.DurationHours ?? 3);
        }
        List<ContentText> texts = [new(ContentDraft.French, item.Fr.Title, item.Fr.Summary, item.Fr.Body)];
        if (item.En is { } en)
        {
            texts.Add(new(ContentDraft.English, en.Title, en.Summary, en.Body));
        }
        return new ContentDraft
        {
            Type = type,
            Slug = item.Slug,
            CommuneId = communeId,
            IntercommunalityId = communeId is null ? intercommunalityId : null,
            Featured = item.Featured,
            Personas = [.. item.Personas.Order(StringComparer.Ordinal)],
            Themes = [.. item.Themes.Select(t => Themes[t]).Order()],
            StartsAt = starts,
            EndsAt = ends,
            Venue = item.Venue,
            Organiser = item.Organiser,
            Price = item.Price,
            Accessibility = item.Accessibility,
            SectorNafCode = type == ContentType.CompanyStory ? item.Sector : null,
            Website = type == ContentType.CompanyStory ? item.Website : null,
            OccupationRomeCode = type == ContentType.Portrait ? item.Occupation : null,
            Texts = texts,
        };
    }

    /// <summary>Adds and publishes the items whose slug is not yet taken; returns how many were added.</summary>
    public static async Task<int> SeedAsync(EscaleDbContext db, File file, DateTimeOffset now, TimeZoneInfo zone, CancellationToken cancellationToken = default)
    {
        var communes = await db.Communes.AsNoTracking().Select(c => new { c.Id, c.InseeCode }).ToDictionaryAsync(c => c.InseeCode, c => c.Id, StringComparer.Ordinal, cancellationToken);
        var epcis = await db.Intercommunalities.AsNoTracking().Select(e => new { e.Id, e.Slug }).ToDictionaryAsync(e => e.Slug, e => e.Id, StringComparer.Ordinal, cancellationToken);
        var existing = (await db.ContentItems.AsNoTracking().Select(c => new { c.Type, c.Slug }).ToListAsync(cancellationToken))
            .Select(c => (c.Type, c.Slug)).ToHashSet();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var added = 0;
        foreach (var item in file.Items)
        {
            var type = Types[item.Type];
            if (ContentEditing.SlugFamily(type).Any(t => existing.Contains((t, item.Slug))))
            {
                continue;
            }
            int? communeId = item.Commune is { } insee && communes.TryGetValue(insee, out var c) ? c : null;
            int? epciId = item.Intercommunality is { } slug && epcis.TryGetValue(slug, out var e) ? e : null;
            var draft = ToDraft(item, communeId, epciId, today, zone);
            var entity = new ContentItem { Slug = "" };
            await ContentEditing.SaveAsync(db, entity, draft, null, "Contenu de démonstration", now, cancellationToken);
            // Spread over the past weeks, so that "latest" lists mix types as a real portal would.
            ContentWorkflow.Apply(entity, ContentAction.Publish, now);
            entity.PublishAt = now.AddHours(-6 * (file.Items.Count - added));
            await db.SaveChangesAsync(cancellationToken);
            existing.Add((type, entity.Slug));
            added++;
        }
        return added;
    }
}
