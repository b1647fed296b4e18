using Escale.Core.Opportunities.Search;
using Escale.Core.Content;
using Escale.Core.Data;
using Escale.Core.Identity;
using Escale.Core.Media;
using Escale.Web.Infrastructure.Caching;
using Escale.Web.Infrastructure.Links;
using Escale.Web.Infrastructure.Localization;
using Escale.Web.Infrastructure.Media;
using Escale.Web.Pages.Recits;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Admin.Contenus;

/// <summary>
/// Writes an item of any type (new when there is no id), previews it from the unsaved form, and moves it through the
/// workflow. Every save is a new revision. Editors and administrators only.
/// </summary>
public sealed class EditionModel(EscaleDbContext db, TimeProvider clock, UserManager<ApplicationUser> users, MediaLibrary media, OpportunitySearch offers) : PageModel
{
    [BindProperty]
    public ContentForm Input { get; set; } = new();

    public int? Id { get; private set; }

    public ContentStatus Status { get; private set; }

    public DateTimeOffset? PublishAt { get; private set; }

    public string? PublicPath { get; private set; }

    public ContentChoices Choices { get; private set; } = ContentChoices.Empty;

    [BindProperty]
    public ImageForm Upload { get; set; } = new();

    public LeadPicture? LeadImage { get; private set; }

    public long MaxImageBytes => media.Limits.MaxBytes;

    /// <summary>Set by the preview button: the page then shows the article as the public would see it.</summary>
    public ContentArticle? Preview { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, ContentType type, CancellationToken cancellationToken)
    {
        if (id is null)
        {
            Input = new ContentForm { Type = type, CreationKey = Guid.NewGuid() };
        }
        else
        {
            var item = await ContentEditing.LoadAsync(db, id.Value, cancellationToken);
            if (item is null)
            {
                return NotFound();
            }
            Show(item);
            Input = ContentForm.From(item.ToDraft());
            LeadImage = await LeadPicture.LoadAsync(db, item.LeadImageId, cancellationToken);
        }
        Choices = await ContentChoices.LoadAsync(db, cancellationToken);
        return Page();
    }

    /// <summary>Stores an uploaded image as the item's lead image; a refused file leaves nothing behind.</summary>
    public async Task<IActionResult> OnPostImageAsync(int id, CancellationToken cancellationToken)
    {
        var item = await ContentEditing.LoadAsync(db, id, cancellationToken);
        if (item is null)
        {
            return NotFound();
        }
        // Only this form's fields count here: the text form was not posted.
        ModelState.Clear();
        var altFr = Upload.AltFr?.Trim();
        var altEn = string.IsNullOrWhiteSpace(Upload.AltEn) ? null : Upload.AltEn.Trim();
        if (string.IsNullOrEmpty(altFr))
        {
            ModelState.AddModelError("Upload.AltFr", "Décrivez l’image pour les personnes qui ne la voient pas.");
        }
        else if (altFr.Length > ImageForm.AltMaxLength || altEn?.Length > ImageForm.AltMaxLength)
        {
            ModelState.AddModelError(altFr.Length > ImageForm.AltMaxLength ? "Upload.AltFr" : "Upload.AltEn",
                $"Le texte de remplacement ne doit pas dépasser {ImageForm.AltMaxLength} caractères.");
        }
        if (Upload.File is not { Length: > 0 } file)
        {
            ModelState.AddModelError("Upload.File", "Choisissez une image JPEG, PNG ou WebP.");
        }
        else if (file.Length > media.Limits.MaxBytes)
        {
            ModelState.AddModelError("Upload.File", ImageProcessor.TooLarge(media.Limits.MaxBytes));
        }
        MediaImage? image = null;
        if (ModelState.IsValid)
        {
            await using var stream = Upload.File!.OpenReadStream();
            (image, var refusal) = await media.StoreAsync(stream, altFr!, altEn, users.GetUserId(User), clock.GetUtcNow(), cancellationToken);
            if (refusal is not null)
            {
                ModelState.AddModelError("Upload.File", refusal);
            }
        }
        if (image is null)
        {
            Show(item);
            Input = ContentForm.From(item.ToDraft());
            LeadImage = await LeadPicture.LoadAsync(db, item.LeadImageId, cancellationToken);
            Choices = await ContentChoices.LoadAsync(db, cancellationToken);
            return Page();
        }
        item.LeadImage = image;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            media.Delete(image);
            throw;
        }
        await HttpContext.ContentChangedAsync(cancellationToken);
        TempData["StatusMessage"] = "L’image est enregistrée.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        ContentItem? item = null;
        if (id is not null)
        {
            item = await ContentEditing.LoadAsync(db, id.Value, cancellationToken);
            if (item is null)
            {
                return NotFound();
            }
            Show(item);
        }
        else if (await CreatedWithKeyAsync(cancellationToken) is { } existing)
        {
            return RedirectToPage(new { id = existing });
        }

        var draft = Input.ToDraft();
        if (!ContentForm.Validate(draft, ModelState, nameof(Input)) | !await ReferencesExistAsync(draft, cancellationToken))
        {
            Choices = await ContentChoices.LoadAsync(db, cancellationToken);
            return Page();
        }
        item ??= new ContentItem { Slug = "", Status = ContentStatus.Draft, CreationKey = Input.CreationKey };
        try
        {
            await ContentEditing.SaveAsync(db, item, draft, users.GetUserId(User), Input.Note, clock.GetUtcNow(), cancellationToken);
        }
        catch (DbUpdateException) when (id is null && Input.CreationKey is not null)
        {
            // The same form posted twice at once: the other post made the item (or the error was another one).
            db.ChangeTracker.Clear();
            if (await CreatedWithKeyAsync(cancellationToken) is { } raced)
            {
                return RedirectToPage(new { id = raced });
            }
            throw;
        }
        await HttpContext.ContentChangedAsync(cancellationToken);
        TempData["StatusMessage"] = "Le contenu est enregistré.";
        return RedirectToPage(new { id = item.Id });
    }

    /// <summary>A place or organisation chosen from the lists may have been removed since, or the form tampered with.</summary>
    private async Task<bool> ReferencesExistAsync(ContentDraft draft, CancellationToken cancellationToken)
    {
        var valid = true;
        if (draft.CommuneId is { } communeId && !await db.Communes.AnyAsync(c => c.Id == communeId, cancellationToken))
        {
            ModelState.AddModelError("Input.CommuneId", "Choisissez une commune de la liste.");
            valid = false;
        }
        if (draft.IntercommunalityId is { } epciId && !await db.Intercommunalities.AnyAsync(e => e.Id == epciId, cancellationToken))
        {
            ModelState.AddModelError("Input.IntercommunalityId", "Choisissez une intercommunalité de la liste.");
            valid = false;
        }
        if (draft.OrganisationId is { } organisationId && !await db.Organisations.AnyAsync(o => o.Id == organisationId, cancellationToken))
        {
            ModelState.AddModelError("Input.OrganisationId", "Choisissez une organisation de la liste.");
            valid = false;
        }
        if (draft.Type == ContentType.Portrait && draft.OccupationRomeCode is { } rome
            && ModelState["Input.OccupationRomeCode"]?.Errors.Count is null or 0 && !await db.RomeOccupations.AnyAsync(r => r.Code == rome, cancellationToken))
        {
            ModelState.AddModelError("Input.OccupationRomeCode", $"Le code ROME « {rome} » n’existe pas dans le répertoire des métiers.");
            valid = false;
        }
        return valid;
    }

    public async Task<IActionResult> OnPostPreviewAsync(int? id, CancellationToken cancellationToken)
    {
        var draft = Input.ToDraft();
        if (!ContentForm.Validate(draft, ModelState, nameof(Input)))
        {
            if (id is not null && await ContentEditing.LoadAsync(db, id.Value, cancellationToken) is { } item)
            {
                Show(item);
            }
            Choices = await ContentChoices.LoadAsync(db, cancellationToken);
            return Page();
        }
        var leadImageId = id is null ? null
            : await db.ContentItems.Where(c => c.Id == id).Select(c => c.LeadImageId).FirstOrDefaultAsync(cancellationToken);
        Preview = await ContentArticle.BuildAsync(db, offers, draft, leadImageId, clock.GetUtcNow(), cancellationToken);
        return Page();
    }

    /// <summary>Publish now, submit, archive, back to draft. A date typed in the schedule field is not read here: "now" means now.</summary>
    public async Task<IActionResult> OnPostWorkflowAsync(int id, ContentAction action, CancellationToken cancellationToken)
    {
        var item = await db.ContentItems.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (item is null)
        {
            return NotFound();
        }
        if (ContentWorkflow.Refusal(item.Status, action, isEditor: true) is { } refusal)
        {
            TempData["ErrorMessage"] = refusal;
            return RedirectToPage(new { id });
        }
        ContentWorkflow.Apply(item, action, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await HttpContext.ContentChangedAsync(cancellationToken);
        TempData["StatusMessage"] = action switch
        {
            ContentAction.Publish => "Le contenu est publié.",
            ContentAction.Submit => "Le contenu est envoyé en relecture.",
            ContentAction.Archive => "Le contenu est archivé.",
            _ => "Le contenu est revenu en brouillon.",
        };
        return RedirectToPage(new { id });
    }

    /// <summary>
    /// Publishes at a time to come. Without a date, or with one already past, nothing changes: the editor who meant to
    /// schedule must not find the item public at once.
    /// </summary>
    public async Task<IActionResult> OnPostScheduleAsync(int id, DateTime? publishAt, CancellationToken cancellationToken)
    {
        var item = await db.ContentItems.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (item is null)
        {
            return NotFound();
        }
        var now = clock.GetUtcNow();
        var at = publishAt is { } local ? ParisTime.FromLocal(local) : (DateTimeOffset?)null;
        var refusal = at is null ? "Indiquez la date et l’heure de publication."
            : at <= now ? "Cette date est passée : choisissez-en une à venir, ou « Publier maintenant »."
            : ContentWorkflow.Refusal(item.Status, ContentAction.Publish, isEditor: true);
        if (refusal is not null)
        {
            TempData["ErrorMessage"] = refusal;
            return RedirectToPage(new { id });
        }
        ContentWorkflow.Apply(item, ContentAction.Publish, now, at);
        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = $"Publication programmée le {ParisTime.LongDateTime(item.PublishAt!.Value)}.";
        return RedirectToPage(new { id });
    }

    private void Show(ContentItem item)
    {
        Id = item.Id;
        Status = item.Status;
        PublishAt = item.PublishAt;
        PublicPath = SiteLinks.ContentPath(item.Type, item.Slug);
    }

    private async Task<int?> CreatedWithKeyAsync(CancellationToken cancellationToken) =>
        Input.CreationKey is { } key
            ? await db.ContentItems.Where(c => c.CreationKey == key).Select(c => (int?)c.Id).FirstOrDefaultAsync(cancellationToken)
            : null;
}
