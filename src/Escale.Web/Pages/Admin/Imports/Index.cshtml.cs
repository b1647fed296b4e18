using System.ComponentModel.DataAnnotations;
using Escale.Core.Identity;
using Escale.Core.Opportunities.Import;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Escale.Web.Pages.Admin.Imports;

/// <summary>
/// Uploads an opportunities file and imports it, all or nothing, then shows the report. The request limits are raised
/// for this page only, just above the importer's own limit, so that a too-big file gets the importer's French refusal.
/// </summary>
[RequestSizeLimit(RequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = RequestLimit)]
public sealed class IndexModel(OpportunityImporter importer) : PageModel
{
    private const long RequestLimit = OpportunityImporter.MaxFileBytes + (1024 * 1024);

    [BindProperty]
    [Display(Name = "Format du fichier")]
    [Required(ErrorMessage = "Choisissez le format du fichier.")]
    public string? Format { get; set; }

    [BindProperty]
    [Display(Name = "Fichier")]
    public IFormFile? Upload { get; set; }

    public ImportReport? Report { get; private set; }

    public string? FileName { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var format = ImportFiles.Parse(Format);
        if (Format is not null && format is null)
        {
            ModelState.AddModelError(nameof(Format), "Ce format n’existe pas.");
        }
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "Choisissez un fichier non vide.");
        }
        else if (Upload.Length > OpportunityImporter.MaxFileBytes)
        {
            ModelState.AddModelError(nameof(Upload), $"Le fichier dépasse {OpportunityImporter.MaxFileBytes / (1024 * 1024)} Mo : découpez-le.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        await using var stream = Upload!.OpenReadStream();
        if (await ImportFiles.CheckAsync(format!.Value, Upload.FileName, stream, cancellationToken) is { } refusal)
        {
            ModelState.AddModelError(nameof(Upload), refusal);
            return Page();
        }
        FileName = Path.GetFileName(Upload.FileName);
        Report = await importer.ImportAsync(format.Value, stream, cancellationToken);
        // The report is the answer: shown here rather than after a redirect, since it can hold thousands of lines.
        return Page();
    }
}
