using Escale.Core.Data;
using Escale.Core.Identity;
using Escale.Core.Welcome;
using Escale.Web.Pages.Accueil;
using Escale.Web.Pages.KitsAccueil;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Admin.Dossiers;

/// <summary>
/// A household's welcome kit as the household reads it, for the referents who may see its case (404 otherwise, as the
/// case file); each look is written to the case's access log, which the household reads.
/// </summary>
public sealed class KitModel(EscaleDbContext db, UserManager<ApplicationUser> users, WelcomeKitBuilder builder, WelcomeKitPdf pdf, TimeProvider clock) : PageModel
{
    public int CaseId { get; private set; }

    public string? HouseholdName { get; private set; }

    public WelcomeKit? Kit { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, CaseAccessAction.Viewed, cancellationToken))
        {
            return NotFound();
        }
        return Page();
    }

    public async Task<IActionResult> OnGetPdfAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, CaseAccessAction.Exported, cancellationToken) || Kit is null)
        {
            return NotFound();
        }
        Response.Headers.CacheControl = "no-store";
        return File(pdf.Render(Kit), WelcomeKitPdf.ContentType, $"kit-accueil-dossier-{id}.pdf");
    }

    private async Task<bool> LoadAsync(int id, CaseAccessAction action, CancellationToken cancellationToken)
    {
        var viewer = await CaseAccessRules.ViewerAsync(db, users.GetUserId(User), cancellationToken);
        var welcomeCase = viewer is null ? null
            : await CaseAccessRules.Visible(db.Cases.AsNoTracking(), viewer).Include(c => c.Assignments).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (welcomeCase is null)
        {
            return false;
        }
        CaseId = id;
        HouseholdName = welcomeCase.HouseholdName;
        Kit = await builder.ForCaseAsync(welcomeCase, cancellationToken);
        CaseAccessRules.Record(db, id, viewer!, welcomeCase.Assignments.Where(a => a.EndedAt is null).Select(a => a.OrganisationId), action, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
