using Escale.Core.Content;
using Escale.Core.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Admin.Contenus;

/// <summary>Every content item, newest change first, filtered by type and status with a plain GET form.</summary>
public sealed class IndexModel(EscaleDbContext db) : PageModel
{
    public sealed record Row(int Id, ContentType Type, ContentStatus Status, string Title, DateTimeOffset UpdatedAt, DateTimeOffset? PublishAt);

    public ContentType? Type { get; private set; }

    public ContentStatus? Status { get; private set; }

    public IReadOnlyList<Row> Items { get; private set; } = [];

    public async Task OnGetAsync(ContentType? type, ContentStatus? status, CancellationToken cancellationToken)
    {
        Type = type;
        Status = status;
        var query = db.ContentItems.AsNoTracking();
        if (type is not null)
        {
            query = query.Where(c => c.Type == type);
        }
        if (status is not null)
        {
            query = query.Where(c => c.Status == status);
        }
        Items = await query.OrderByDescending(c => c.UpdatedAt).Take(200)
            .Select(c => new Row(c.Id, c.Type, c.Status,
                c.Translations.Where(t => t.Language == ContentDraft.French).Select(t => t.Title).FirstOrDefault() ?? c.Slug,
                c.UpdatedAt, c.PublishAt))
            .ToListAsync(cancellationToken);
    }
}
