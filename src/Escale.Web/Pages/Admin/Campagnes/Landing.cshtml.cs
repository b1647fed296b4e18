using Escale.Core.Campaigns;
using Escale.Core.Content;
using Escale.Core.Data;
using Escale.Core.Identity;
using Escale.Core.Media;
using Escale.Web.Infrastructure.Media;
using Escale.Web.Pages.Admin.Contenus;
using Escale.Web.Pages.Recits;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Admin.Campagnes;

/// <summary>
/// A landing page's settings and blocks: add, move up or down, remove — each a plain form, so it works without JavaScript.
/// The preview link shows the page as the public will see it, published or not.
/// </summary>
public sealed class LandingModel(EscaleDbContext db, TimeProvider clock, MediaLibrary media, UserManager<ApplicationUser> users) : PageModel
{
    public sealed record BlockRow(int Id, LandingBlockKind Kind, string Summary);

    public sealed class BlockInput
    {
        public LandingBlockKind Kind { get; set; }
        public string? Heading { get; set; }
        public string? Body { get; set; }
        public List<int> ContentIds { get; set; } = [];
        public string? LinkLabel { get; set; }
        public string? LinkUrl { get; set; }
        public IFormFile? Image { get; set; }
        public string? ImageAlt { get; set; }
    }

    public int CampaignId { get; private set; }
    public string CampaignName { get; private set; } = "";
    public LandingPage Current { get; private set; } = null!;
    public IReadOnlyList<BlockRow> Blocks { get; private set; } = [];
    public IReadOnlyList<(int Id, string Title)> Stories { get; private set; } = [];

    [BindProperty]
    public BlockInput NewBlock { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, int pageId, CancellationToken cancellationToken) =>
        await LoadAsync(id, pageId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSettingsAsync(int id, int pageId, string? title, string? summary, bool published, CancellationToken cancellationToken)
    {
        var page = await db.LandingPages.SingleOrDefaultAsync(p => p.Id == pageId && p.CampaignId == id, cancellationToken);
        if (page is null)
        {
            return NotFound();
        }
        ModelState.Clear();
        title = title?.Trim();
        summary = string.IsNullOrWhiteSpace(summary) ? null : summary.Trim();
        if (string.IsNullOrEmpty(title) || title.Length > 200)
        {
            ModelState.AddModelError("title", "Indiquez le titre de la page (200 caractères au plus).");
        }
        if (summary?.Length > 500)
        {
            ModelState.AddModelError("summary", "L’introduction ne doit pas dépasser 500 caractères.");
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(id, pageId, cancellationToken);
            return Page();
        }
        page.Title = title!;
        page.Summary = summary;
        page.Published = published;
        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = published ? "La page est enregistrée et publiée." : "La page est enregistrée (non publiée).";
        return RedirectToPage(new { id, pageId });
    }

    public async Task<IActionResult> OnPostAddAsync(int id, int pageId, CancellationToken cancellationToken)
    {
        var page = await db.LandingPages.Include(p => p.Blocks).SingleOrDefaultAsync(p => p.Id == pageId && p.CampaignId == id, cancellationToken);
        if (page is null)
        {
            return NotFound();
        }
        ModelState.Clear();
        var input = NewBlock;
        var block = new LandingBlock { Kind = input.Kind, Heading = Trim(input.Heading, 200, "NewBlock.Heading", "Le titre") };
        switch (input.Kind)
        {
            case LandingBlockKind.Text:
                block.BodyMarkdown = Trim(input.Body, 20000, "NewBlock.Body", "Le texte");
                if (block.BodyMarkdown is null && block.Heading is null)
                {
                    ModelState.AddModelError("NewBlock.Body", "Écrivez un titre ou un texte.");
                }
                break;
            case LandingBlockKind.Contents:
                var ids = input.ContentIds.Distinct().Take(12).ToList();
                if (ids.Count == 0)
                {
                    ModelState.AddModelError("NewBlock.ContentIds", "Choisissez au moins un récit.");
                }
                else if (await db.ContentItems.CountAsync(c => ids.Contains(c.Id), cancellationToken) != ids.Count)
                {
                    ModelState.AddModelError("NewBlock.ContentIds", "Un des récits choisis n’existe plus.");
                }
                block.ContentIds = string.Join(',', ids.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                break;
            case LandingBlockKind.Opportunities:
            case LandingBlockKind.CallToAction:
                block.LinkLabel = Trim(input.LinkLabel, 200, "NewBlock.LinkLabel", "Le texte du lien");
                block.LinkUrl = input.LinkUrl?.Trim();
                if (block.LinkLabel is null)
                {
                    ModelState.AddModelError("NewBlock.LinkLabel", "Indiquez le texte du lien.");
                }
                var refusal = input.Kind == LandingBlockKind.Opportunities
                    ? block.LinkUrl is { } opportunities && (opportunities == "/offres" || opportunities.StartsWith("/offres?", StringComparison.Ordinal)) && CampaignRules.InternalPathRefusal(opportunities) is null
                        ? null : "Le lien doit mener à une recherche d’offres : /offres?… (copiez l’adresse de la recherche)."
                    : CampaignRules.LinkRefusal(block.LinkUrl);
                if (refusal is null && block.LinkUrl!.Length > 1000)
                {
                    refusal = "Le lien ne doit pas dépasser 1 000 caractères.";
                }
                if (refusal is not null)
                {
                    ModelState.AddModelError("NewBlock.LinkUrl", refusal);
                }
                break;
            case LandingBlockKind.Image:
                var alt = input.ImageAlt?.Trim();
                if (string.IsNullOrEmpty(alt) || alt.Length > ImageForm.AltMaxLength)
                {
                    ModelState.AddModelError("NewBlock.ImageAlt", "Décrivez l’image pour les personnes qui ne la voient pas (300 caractères au plus).");
                }
                if (input.Image is not { Length: > 0 } file)
                {
                    ModelState.AddModelError("NewBlock.Image", "Choisissez une image JPEG, PNG ou WebP.");
                }
                else if (file.Length > media.Limits.MaxBytes)
                {
                    ModelState.AddModelError("NewBlock.Image", ImageProcessor.TooLarge(media.Limits.MaxBytes));
                }
                else if (ModelState.IsValid)
                {
                    await using var stream = file.OpenReadStream();
                    var (image, imageRefusal) = await media.StoreAsync(stream, alt!, null, users.GetUserId(User), clock.GetUtcNow(), cancellationToken);
                    if (imageRefusal is not null)
                    {
                        ModelState.AddModelError("NewBlock.Image", imageRefusal);
                    }
                    block.ImageId = image?.Id;
                }
                break;
            default:
                ModelState.AddModelError("NewBlock.Kind", "Choisissez le type de bloc.");
                break;
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(id, pageId, cancellationToken);
            return Page();
        }
        block.Position = page.Blocks.Count == 0 ? 1 : page.Blocks.Max(b => b.Position) + 1;
        page.Blocks.Add(block);
        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = "Le bloc est ajouté.";
        return RedirectToPage(new { id, pageId });
    }

    /// <summary>Swaps a block with its neighbour; a repeated post after the swap just moves it once more, which the editor sees.</summary>
    public async Task<IActionResult> OnPostMoveAsync(int id, int pageId, int blockId, bool up, CancellationToken cancellationToken)
    {
        var page = await db.LandingPages.Include(p => p.Blocks).SingleOrDefaultAsync(p => p.Id == pageId && p.CampaignId == id, cancellationToken);
        if (page is null)
        {
            return NotFound();
        }
        var ordered = page.Blocks.OrderBy(b => b.Position).ToList();
        var index = ordered.FindIndex(b => b.Id == blockId);
        var other = up ? index - 1 : index + 1;
        if (index >= 0 && other >= 0 && other < ordered.Count)
        {
            (ordered[index], ordered[other]) = (ordered[other], ordered[index]);
            for (var i = 0; i < ordered.Count; i++)
            {
                ordered[i].Position = i + 1;
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        return RedirectToPage(new { id, pageId });
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, int pageId, int blockId, CancellationToken cancellationToken)
    {
        var block = await db.LandingBlocks.SingleOrDefaultAsync(b => b.Id == blockId && b.LandingPageId == pageId, cancellationToken);
        // Removed already (a second click): nothing left to do.
        if (block is not null && await db.LandingPages.AnyAsync(p => p.Id == pageId && p.CampaignId == id, cancellationToken))
        {
            db.LandingBlocks.Remove(block);
            await db.SaveChangesAsync(cancellationToken);
            TempData["StatusMessage"] = "Le bloc est retiré.";
        }
        return RedirectToPage(new { id, pageId });
    }

    private string? Trim(string? text, int max, string key, string what)
    {
        text = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        if (text?.Length > max)
        {
            ModelState.AddModelError(key, $"{what} ne doit pas dépasser {max.ToString("N0", System.Globalization.CultureInfo.CurrentCulture)} caractères.");
        }
        return text;
    }

    private async Task<bool> LoadAsync(int id, int pageId, CancellationToken cancellationToken)
    {
        var page = await db.LandingPages.AsNoTracking().Include(p => p.Campaign).Include(p => p.Blocks)
            .SingleOrDefaultAsync(p => p.Id == pageId && p.CampaignId == id, cancellationToken);
        if (page is null)
        {
            return false;
        }
        CampaignId = id;
        CampaignName = page.Campaign!.Name;
        Current = page;
        var ids = page.Blocks.SelectMany(b => b.ContentIdList()).Distinct().ToList();
        var titles = await db.ContentTranslations.AsNoTracking().Where(t => ids.Contains(t.ContentItemId) && t.Language == ContentDraft.French)
            .ToDictionaryAsync(t => t.ContentItemId, t => t.Title, cancellationToken);
        Blocks = [.. page.Blocks.OrderBy(b => b.Position).Select(b => new BlockRow(b.Id, b.Kind, b.Kind switch
        {
            LandingBlockKind.Text => b.Heading ?? Shorten(b.BodyMarkdown),
            LandingBlockKind.Image => b.Heading ?? "",
            LandingBlockKind.Contents => string.Join(" · ", b.ContentIdList().Select(i => titles.GetValueOrDefault(i, "?"))),
            _ => $"{b.LinkLabel} → {b.LinkUrl}",
        }))];
        var now = clock.GetUtcNow();
        Stories = [.. (await db.ContentItems.AsNoTracking().Public(now).OrderByDescending(c => c.PublishAt).Take(200)
            .Select(c => new { c.Id, Title = c.Translations.Where(t => t.Language == ContentDraft.French).Select(t => t.Title).FirstOrDefault() ?? c.Slug })
            .ToListAsync(cancellationToken)).Select(c => (c.Id, c.Title))];
        return true;
    }

    private static string Shorten(string? text) => text is null ? "" : text.Length > 80 ? text[..80] + "…" : text;
}
