using Escale.Core.Data;
using Escale.Core.Territories;
using Microsoft.EntityFrameworkCore;

namespace Escale.Core.Content;

/// <summary>Saving an item: a unique slug, the fields, and a new revision, in one transaction.</summary>
public static class ContentEditing
{
    /// <summary>Types whose public pages share a URL prefix, and so must not share a slug.</summary>
    public static IReadOnlyList<ContentType> SlugFamily(ContentType type) => type switch
    {
        ContentType.Portrait or ContentType.CompanyStory or ContentType.News => [ContentType.Portrait, ContentType.CompanyStory, ContentType.News],
        _ => [type],
    };

    /// <summary>Loads an item with everything <see cref="ContentItem.ToDraft"/> and <see cref="SaveAsync"/> need.</summary>
    public static Task<ContentItem?> LoadAsync(EscaleDbContext db, int id, CancellationToken cancellationToken) =>
        db.ContentItems.Include(c => c.Translations).Include(c => c.Personas).Include(c => c.Themes)
            .AsSplitQuery().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);

    /// <summary>
    /// Applies <paramref name="draft"/> to <paramref name="item"/> (new when its Id is 0) and records a revision.
    /// The slug is the draft's, or the French title's, made unique among the item's URL family.
    /// </summary>
    public static async Task SaveAsync(
        EscaleDbContext db, ContentItem item, ContentDraft draft, string? userId, string? note, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var wanted = !string.IsNullOrWhiteSpace(draft.Slug) ? draft.Slug
            : item.Id != 0 ? item.Slug
            : draft.Text(ContentDraft.French)?.Title ?? "";
        var stem = Slug.From(wanted);
        var family = SlugFamily(draft.Type);
        var taken = await db.ContentItems
            .Where(c => family.Contains(c.Type) && c.Id != item.Id && c.Slug.StartsWith(stem))
            .Select(c => c.Slug).ToListAsync(cancellationToken);
        item.Slug = ContentSlugs.Unique(wanted, taken.ToHashSet(StringComparer.Ordinal));
        item.Apply(draft);

        var number = 1;
        if (item.Id == 0)
        {
            item.CreatedAt = now;
            item.AuthorUserId ??= userId;
            db.ContentItems.Add(item);
        }
        else
        {
            number = (await db.ContentRevisions.Where(r => r.ContentItemId == item.Id).MaxAsync(r => (int?)r.Number, cancellationToken) ?? 0) + 1;
        }
        item.Revisions.Add(new ContentRevision
        {
            Number = number,
            SnapshotJson = item.ToDraft().ToJson(),
            AuthorUserId = userId,
            CreatedAt = now,
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
