using Escale.Core.Campaigns;
using Escale.Core.Data;
using Escale.Web.Pages.Admin.Contenus;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Admin.Campagnes;

/// <summary>
/// Creates or edits a campaign (new when there is no id); once it exists, the same page adds its tracked links and its
/// landing pages. Editors and administrators only.
/// </summary>
public sealed class EditionModel(EscaleDbContext db, TimeProvider clock) : PageModel
{
    public sealed record LinkRow(string Code, string Label, CampaignChannels Channel, string TargetPath);

    public sealed record PageRow(int Id, string Title, string Slug, bool Published, int Blocks);

    [BindProperty]
    public CampaignForm Input { get; set; } = new();

    public int? Id { get; private set; }

    public bool HasVisits { get; private set; }

    public IReadOnlyList<LinkRow> Links { get; private set; } = [];

    public IReadOnlyList<PageRow> LandingPages { get; private set; } = [];

    /// <summary>The tracked link form, kept on a refusal so the editor does not type it again.</summary>
    public (CampaignChannels Channel, string? Label, string? Target) NewLink { get; private set; }

    public (string? Title, string? Slug) NewPage { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        if (id is null)
        {
            Input = new CampaignForm { CreationKey = Guid.NewGuid(), StartsOn = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime) };
            return Page();
        }
        var campaign = await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (campaign is null)
        {
            return NotFound();
        }
        Input = CampaignForm.From(campaign);
        await ShowAsync(campaign.Id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        Campaign? campaign = null;
        if (id is not null)
        {
            campaign = await db.Campaigns.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
            if (campaign is null)
            {
                return NotFound();
            }
        }
        else if (await CreatedWithKeyAsync(cancellationToken) is { } existing)
        {
            return RedirectToPage(new { id = existing });
        }
        Input.Validate(ModelState, nameof(Input));
        if (ModelState.IsValid && Input.Slug != campaign?.Slug)
        {
            if (await db.Campaigns.AnyAsync(c => c.Slug == Input.Slug && c.Id != id, cancellationToken))
            {
                ModelState.AddModelError("Input.Slug", "Une autre campagne porte déjà cet identifiant.");
            }
            else if (campaign is not null && await db.CampaignVisits.AnyAsync(v => v.CampaignId == campaign.Id, cancellationToken))
            {
                // Contacts and cookies hold the slug: renaming it would cut them off the campaign.
                ModelState.AddModelError("Input.Slug", "L’identifiant ne peut plus changer : des visites lui sont déjà attribuées.");
            }
        }
        if (!ModelState.IsValid)
        {
            if (id is not null)
            {
                await ShowAsync(id.Value, cancellationToken);
            }
            return Page();
        }
        var now = clock.GetUtcNow();
        if (campaign is null)
        {
            campaign = new Campaign { Name = "", Slug = "", CreatedAt = now, CreationKey = Input.CreationKey };
            db.Campaigns.Add(campaign);
        }
        Input.ApplyTo(campaign);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (id is null && Input.CreationKey is not null)
        {
            // The same form posted twice at once: the other post made the campaign (or the slug was just taken).
            db.ChangeTracker.Clear();
            if (await CreatedWithKeyAsync(cancellationToken) is { } raced)
            {
                return RedirectToPage(new { id = raced });
            }
            ModelState.AddModelError("Input.Slug", "Une autre campagne porte déjà cet identifiant.");
            return Page();
        }
        TempData["StatusMessage"] = "La campagne est enregistrée.";
        return RedirectToPage(new { id = campaign.Id });
    }

    /// <summary>Adds a tracked link with a new short code.</summary>
    public async Task<IActionResult> OnPostLinkAsync(int id, CampaignChannels channel, string? label, string? target, CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (campaign is null)
        {
            return NotFound();
        }
        ModelState.Clear();
        label = label?.Trim();
        target = target?.Trim();
        if (string.IsNullOrEmpty(label))
        {
            ModelState.AddModelError("label", "Nommez le lien (ex. : Affiche gare de Cahors).");
        }
        else if (label.Length > 200)
        {
            ModelState.AddModelError("label", "Le nom ne doit pas dépasser 200 caractères.");
        }
        if (CampaignRules.InternalPathRefusal(target) is { } refusal)
        {
            ModelState.AddModelError("target", refusal);
        }
        else if (target!.Length > 1000)
        {
            ModelState.AddModelError("target", "L’adresse ne doit pas dépasser 1 000 caractères.");
        }
        if (!CampaignRules.ChannelLabels.Any(c => c.Channel == channel))
        {
            ModelState.AddModelError("channel", "Choisissez le canal de ce lien.");
        }
        if (!ModelState.IsValid)
        {
            Input = CampaignForm.From(campaign);
            NewLink = (channel, label, target);
            await ShowAsync(id, cancellationToken);
            return Page();
        }
        // A clash among 27 billion codes is rare; the unique index is the last word, so try again with a new code.
        for (var attempt = 0; ; attempt++)
        {
            var link = new CampaignLink { CampaignId = id, Code = ShortCode.New(), Channel = channel, Label = label!, TargetPath = target!, CreatedAt = clock.GetUtcNow() };
            db.CampaignLinks.Add(link);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                TempData["StatusMessage"] = $"Le lien /c/{link.Code} est créé.";
                return RedirectToPage(new { id });
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>Adds an empty landing page, then opens its block editor.</summary>
    public async Task<IActionResult> OnPostLandingAsync(int id, string? title, string? slug, CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (campaign is null)
        {
            return NotFound();
        }
        ModelState.Clear();
        title = title?.Trim();
        slug = slug?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(title))
        {
            ModelState.AddModelError("title", "Indiquez le titre de la page.");
        }
        else if (title.Length > 200)
        {
            ModelState.AddModelError("title", "Le titre ne doit pas dépasser 200 caractères.");
        }
        if (CampaignRules.SlugRefusal(slug) is { } refusal)
        {
            ModelState.AddModelError("slug", refusal);
        }
        else if (await db.LandingPages.AnyAsync(p => p.Slug == slug, cancellationToken))
        {
            ModelState.AddModelError("slug", "Une autre page porte déjà cette adresse.");
        }
        if (!ModelState.IsValid)
        {
            Input = CampaignForm.From(campaign);
            NewPage = (title, slug);
            await ShowAsync(id, cancellationToken);
            return Page();
        }
        var page = new LandingPage { CampaignId = id, Title = title!, Slug = slug! };
        db.LandingPages.Add(page);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Posted twice at once: the first post made the page.
            db.ChangeTracker.Clear();
            page = await db.LandingPages.SingleAsync(p => p.Slug == slug, cancellationToken);
        }
        return RedirectToPage("/Admin/Campagnes/Landing", new { id, pageId = page.Id });
    }

    private async Task ShowAsync(int id, CancellationToken cancellationToken)
    {
        Id = id;
        HasVisits = await db.CampaignVisits.AnyAsync(v => v.CampaignId == id, cancellationToken);
        Links = await db.CampaignLinks.AsNoTracking().Where(l => l.CampaignId == id).OrderBy(l => l.Id)
            .Select(l => new LinkRow(l.Code, l.Label, l.Channel, l.TargetPath)).ToListAsync(cancellationToken);
        LandingPages = await db.LandingPages.AsNoTracking().Where(p => p.CampaignId == id).OrderBy(p => p.Id)
            .Select(p => new PageRow(p.Id, p.Title, p.Slug, p.Published, p.Blocks.Count)).ToListAsync(cancellationToken);
    }

    private async Task<int?> CreatedWithKeyAsync(CancellationToken cancellationToken) =>
        Input.CreationKey is { } key
            ? await db.Campaigns.Where(c => c.CreationKey == key).Select(c => (int?)c.Id).FirstOrDefaultAsync(cancellationToken)
            : null;
}
