using Escale.Core.Campaigns;
using Escale.Core.Content;
using Escale.Core.Data;
using Escale.Web.Pages.Recits;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Decouvrir;

/// <summary>A landing page as the public sees it; the back office's preview shows the same, before publication.</summary>
public sealed record LandingView(int Id, string Slug, string Title, string? Summary, IReadOnlyList<LandingView.Block> Blocks)
{
    public sealed record Block(
        LandingBlockKind Kind, string? Heading, string? Html, LeadPicture? Picture, IReadOnlyList<ContentCard> Cards,
        string? LinkLabel, string? LinkUrl);

    public string Path => "/decouvrir/" + Slug;

    public static async Task<LandingView?> LoadAsync(EscaleDbContext db, int pageId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var page = await db.LandingPages.AsNoTracking().Include(p => p.Blocks).SingleOrDefaultAsync(p => p.Id == pageId, cancellationToken);
        if (page is null)
        {
            return null;
        }
        var blocks = new List<Block>();
        foreach (var block in page.Blocks.OrderBy(b => b.Position))
        {
            IReadOnlyList<ContentCard> cards = [];
            if (block.Kind == LandingBlockKind.Contents)
            {
                var wanted = block.ContentIdList();
                // A selected story that was archived since simply drops out of the page.
                var published = await db.ContentItems.AsNoTracking().Public(now).Where(c => wanted.Contains(c.Id)).Select(c => c.Id).ToListAsync(cancellationToken);
                cards = await ContentListing.CardsAsync(db, [.. wanted.Where(published.Contains)], cancellationToken);
            }
            var picture = block.Kind == LandingBlockKind.Image ? await LeadPicture.LoadAsync(db, block.ImageId, cancellationToken) : null;
            var html = block.Kind == LandingBlockKind.Text ? ContentMarkdown.ToSafeHtml(block.BodyMarkdown) : null;
            blocks.Add(new Block(block.Kind, block.Heading, html, picture, cards, block.LinkLabel, block.LinkUrl));
        }
        return new LandingView(page.Id, page.Slug, page.Title, page.Summary, blocks);
    }
}
