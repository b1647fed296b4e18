using Escale.Core.BrandCoCreation;
using Escale.Core.Data;
using Escale.Core.Identity;
using Escale.Core.Media;
using Escale.Web.Infrastructure.Media;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Jeunes.Marque;

/// <summary>
/// A signed-in person proposes a message, a visual or an idea of tool for the territory's brand. It waits for the
/// moderators; an image goes through the media pipeline, and a refused file leaves nothing behind.
/// </summary>
public sealed class ProposerModel(EscaleDbContext db, TimeProvider clock, UserManager<ApplicationUser> users, MediaLibrary media) : PageModel
{
    public const int AltMaxLength = 300;

    [BindProperty]
    public ProposalForm Input { get; set; } = new();

    public long MaxImageBytes => media.Limits.MaxBytes;

    public sealed class ProposalForm
    {
        public BrandProposalKind Kind { get; set; } = BrandProposalKind.Message;
        public string? Title { get; set; }
        public string? Text { get; set; }
        public IFormFile? Image { get; set; }
        public string? ImageAlt { get; set; }
        public Guid? CreationKey { get; set; }
    }

    public void OnGet() => Input.CreationKey = Guid.NewGuid();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Input.CreationKey is { } key && await db.BrandProposals.AnyAsync(p => p.CreationKey == key, cancellationToken))
        {
            return Sent();
        }
        var title = Input.Title?.Trim();
        var text = Input.Text?.Trim();
        var alt = Input.ImageAlt?.Trim();
        if (!Enum.IsDefined(Input.Kind))
        {
            ModelState.AddModelError("Input.Kind", "Choisissez ce que vous proposez : un message, un visuel ou une idée d’outil.");
        }
        if (string.IsNullOrEmpty(title))
        {
            ModelState.AddModelError("Input.Title", "Donnez un titre à votre proposition.");
        }
        else if (title.Length > BrandProposal.TitleMaxLength)
        {
            ModelState.AddModelError("Input.Title", $"Le titre ne doit pas dépasser {BrandProposal.TitleMaxLength} caractères.");
        }
        if (string.IsNullOrEmpty(text))
        {
            ModelState.AddModelError("Input.Text", "Décrivez votre proposition.");
        }
        else if (text.Length > BrandProposal.TextMaxLength)
        {
            ModelState.AddModelError("Input.Text", $"Le texte ne doit pas dépasser {BrandProposal.TextMaxLength} caractères.");
        }
        var file = Input.Image is { Length: > 0 } upload ? upload : null;
        if (file is null && Input.Kind == BrandProposalKind.Visual)
        {
            ModelState.AddModelError("Input.Image", "Joignez l’image de votre visuel (JPEG, PNG ou WebP).");
        }
        else if (file is not null && file.Length > media.Limits.MaxBytes)
        {
            ModelState.AddModelError("Input.Image", ImageProcessor.TooLarge(media.Limits.MaxBytes));
        }
        if (file is not null && string.IsNullOrEmpty(alt))
        {
            ModelState.AddModelError("Input.ImageAlt", "Décrivez l’image pour les personnes qui ne la voient pas.");
        }
        else if (alt?.Length > AltMaxLength)
        {
            ModelState.AddModelError("Input.ImageAlt", $"La description de l’image ne doit pas dépasser {AltMaxLength} caractères.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var userId = users.GetUserId(User)!;
        var now = clock.GetUtcNow();
        MediaImage? image = null;
        if (file is not null)
        {
            await using var stream = file.OpenReadStream();
            (image, var refusal) = await media.StoreAsync(stream, alt!, null, userId, now, cancellationToken);
            if (refusal is not null)
            {
                ModelState.AddModelError("Input.Image", refusal);
                return Page();
            }
        }
        db.BrandProposals.Add(new BrandProposal
        {
            Kind = Input.Kind,
            Title = title!,
            Text = text!,
            Image = image,
            AuthorUserId = userId,
            Status = BrandProposalStatus.Submitted,
            CreationKey = Input.CreationKey,
            CreatedAt = now,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (Input.CreationKey is { } raced)
        {
            // The same form posted twice at once: the other post made the proposal (or the error was another one).
            if (image is not null)
            {
                media.Delete(image);
            }
            db.ChangeTracker.Clear();
            if (await db.BrandProposals.AnyAsync(p => p.CreationKey == raced, cancellationToken))
            {
                return Sent();
            }
            throw;
        }
        catch
        {
            if (image is not null)
            {
                media.Delete(image);
            }
            throw;
        }
        return Sent();
    }

    private RedirectToPageResult Sent()
    {
        TempData["StatusMessage"] = "Merci ! Votre proposition est envoyée : elle sera publiée après relecture par l’équipe de modération, et nous vous écrirons.";
        return RedirectToPage("/Jeunes/Marque/MesPropositions");
    }
}
