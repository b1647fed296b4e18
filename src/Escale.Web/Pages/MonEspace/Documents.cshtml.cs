using System.ComponentModel.DataAnnotations;
using Escale.Core.Data;
using Escale.Core.Identity;
using Escale.Core.Welcome;
using Escale.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Escale.Web.Pages.MonEspace;

/// <summary>
/// The household's documents: uploaded here (the kind read from the content, never from the name), listed, downloaded
/// as attachments and deleted. Referents see them on the case file.
/// </summary>
public sealed class DocumentsModel(EscaleDbContext db, UserManager<ApplicationUser> users, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed record Row(int Id, string FileName, long SizeBytes, DateTimeOffset UploadedAt, bool FromHousehold);

    public IReadOnlyList<Row> Documents { get; private set; } = [];

    [BindProperty]
    [Required(ErrorMessage = "Choisissez un fichier.")]
    [Display(Name = "Fichier")]
    public IFormFile? Upload { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var caseId = await CaseIdAsync(cancellationToken);
        if (caseId is null)
        {
            return Redirect("/mon-espace");
        }
        await LoadAsync(caseId.Value, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetDownloadAsync(int id, CancellationToken cancellationToken)
    {
        var caseId = await CaseIdAsync(cancellationToken);
        var document = await db.CaseDocuments.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id && d.CaseId == caseId, cancellationToken);
        if (document is null)
        {
            return NotFound();
        }
        // File() with a download name answers Content-Disposition: attachment, so nothing uploaded is ever rendered by the site.
        return File(document.Content, document.ContentType, document.FileName);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var userId = users.GetUserId(User)!;
        var welcomeCase = await db.CaseOf(userId).FirstOrDefaultAsync(cancellationToken);
        if (welcomeCase is null)
        {
            return Redirect("/mon-espace");
        }
        if (Upload is not null)
        {
            await using var stream = new MemoryStream();
            if (Upload.Length <= DocumentTypes.MaxBytes)
            {
                await Upload.CopyToAsync(stream, cancellationToken);
                stream.Position = 0;
            }
            var refusal = DocumentTypes.Refusal(stream, Upload.Length);
            if (refusal is not null)
            {
                ModelState.AddModelError(nameof(Upload), t[refusal]);
            }
            else
            {
                var kind = DocumentTypes.Detect(stream)!.Value;
                var now = clock.GetUtcNow();
                var name = FileNameFor(Upload.FileName, kind);
                welcomeCase.Documents.Add(new CaseDocument
                {
                    FileName = name, ContentType = kind.ContentType(), SizeBytes = stream.Length, Content = stream.ToArray(),
                    FromHousehold = true, UploadedByUserId = userId, UploadedAt = now,
                });
                welcomeCase.Record(CaseEventKind.DocumentAdded, welcomeCase.HouseholdActor(userId), now, name);
                await db.SaveChangesAsync(cancellationToken);
                TempData["StatusMessage"] = "Votre document a été ajouté.";
                return RedirectToPage();
            }
        }
        await LoadAsync(welcomeCase.Id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        var userId = users.GetUserId(User)!;
        var welcomeCase = await db.CaseOf(userId).FirstOrDefaultAsync(cancellationToken);
        var document = welcomeCase is null ? null : await db.CaseDocuments
            .Where(d => d.Id == id && d.CaseId == welcomeCase.Id && d.FromHousehold)
            .Select(d => new { d.Id, d.FileName }).SingleOrDefaultAsync(cancellationToken);
        if (document is null)
        {
            return NotFound();
        }
        await db.CaseDocuments.Where(d => d.Id == document.Id).ExecuteDeleteAsync(cancellationToken);
        welcomeCase!.Record(CaseEventKind.DocumentRemoved, welcomeCase.HouseholdActor(userId), clock.GetUtcNow(), document.FileName);
        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = "Le document a été supprimé.";
        return RedirectToPage();
    }

    /// <summary>The name as uploaded, without any folder, with the extension of what the file really is.</summary>
    public static string FileNameFor(string uploaded, DocumentKind kind)
    {
        var stem = Path.GetFileNameWithoutExtension(Path.GetFileName(uploaded.Replace('\\', '/'))).Trim();
        stem = new string(stem.Where(c => !char.IsControl(c) && c is not ('"' or '/' or '\\')).ToArray());
        if (stem.Length == 0)
        {
            stem = "document";
        }
        return (stem.Length > 100 ? stem[..100] : stem) + kind.Extension();
    }

    private Task<int?> CaseIdAsync(CancellationToken cancellationToken) =>
        db.CaseOf(users.GetUserId(User)).Select(c => (int?)c.Id).FirstOrDefaultAsync(cancellationToken);

    private async Task LoadAsync(int caseId, CancellationToken cancellationToken) =>
        Documents = await db.CaseDocuments.Where(d => d.CaseId == caseId).OrderByDescending(d => d.UploadedAt)
            .Select(d => new Row(d.Id, d.FileName, d.SizeBytes, d.UploadedAt, d.FromHousehold)).ToListAsync(cancellationToken);
}
