using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Escale.Web.Pages.KitsAccueil;

/// <summary>The welcome kit of a persona in an intercommunality, as a page and as a PDF (<c>…/pdf</c>).</summary>
public sealed class KitModel(WelcomeKitBuilder builder, WelcomeKitPdf pdf) : PageModel
{
    public WelcomeKit Kit { get; private set; } = null!;

    public string PdfPath { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string persona, string intercommunalite, CancellationToken cancellationToken)
    {
        if (await builder.ForAsync(persona, intercommunalite, cancellationToken) is not { } kit)
        {
            return NotFound();
        }
        Kit = kit;
        PdfPath = IndexModel.KitPath(persona, intercommunalite) + "/pdf";
        return Page();
    }

    public async Task<IActionResult> OnGetPdfAsync(string persona, string intercommunalite, CancellationToken cancellationToken) =>
        await builder.ForAsync(persona, intercommunalite, cancellationToken) is { } kit
            ? File(pdf.Render(kit), WelcomeKitPdf.ContentType, $"kit-accueil-{persona}-{intercommunalite}.pdf")
            : NotFound();
}
