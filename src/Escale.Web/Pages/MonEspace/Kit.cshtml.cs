using Escale.Core.Data;
using Escale.Core.Identity;
using Escale.Web.Pages.KitsAccueil;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.MonEspace;

/// <summary>
/// The household's own welcome kit: its persona × its intercommunality, with its referent, its children's schools and
/// its matches first; as a page and as a PDF (<c>/mon-espace/kit/pdf</c>), never stored by a cache.
/// </summary>
public sealed class KitModel(EscaleDbContext db, UserManager<ApplicationUser> users, WelcomeKitBuilder builder, WelcomeKitPdf pdf) : PageModel
{
    public WelcomeKit? Kit { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var welcomeCase = await db.CaseOf(users.GetUserId(User)).AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        if (welcomeCase is null)
        {
            return Redirect("/mon-espace");
        }
        Kit = await builder.ForCaseAsync(welcomeCase, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetPdfAsync(CancellationToken cancellationToken)
    {
        var welcomeCase = await db.CaseOf(users.GetUserId(User)).AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        if (welcomeCase is null || await builder.ForCaseAsync(welcomeCase, cancellationToken) is not { } kit)
        {
            return NotFound();
        }
        // A household's kit names its referent, its children and its project: no cache on the way may keep it.
        Response.Headers.CacheControl = "no-store";
        return File(pdf.Render(kit), WelcomeKitPdf.ContentType, "mon-kit-accueil.pdf");
    }
}
