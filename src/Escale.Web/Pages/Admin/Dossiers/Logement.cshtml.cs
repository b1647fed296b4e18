using System.ComponentModel.DataAnnotations;
using Escale.Core.Data;
using Escale.Core.Identity;
using Escale.Core.Welcome;
using Escale.Web.Pages.Accueil;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Admin.Dossiers;

/// <summary>
/// A referent of the case accepts or declines the household's housing request, as the provider could; then back to the
/// case file. A case the referent may not see, or a booking of another case, answers 404.
/// </summary>
public sealed class LogementModel(EscaleDbContext db, UserManager<ApplicationUser> users, HousingDecisions decisions, TimeProvider clock) : PageModel
{
    [BindProperty]
    [StringLength(2000)]
    public string? Reason { get; set; }

    public IActionResult OnGet(int id) => RedirectToPage("/Admin/Dossiers/Detail", new { id });

    public Task<IActionResult> OnPostAccepterAsync(int id, int bookingId, CancellationToken cancellationToken) => DecideAsync(id, bookingId, accept: true, cancellationToken);

    public Task<IActionResult> OnPostRefuserAsync(int id, int bookingId, CancellationToken cancellationToken) => DecideAsync(id, bookingId, accept: false, cancellationToken);

    private async Task<IActionResult> DecideAsync(int id, int bookingId, bool accept, CancellationToken cancellationToken)
    {
        var viewer = await CaseAccessRules.ViewerAsync(db, users.GetUserId(User), cancellationToken);
        var assignments = viewer is null ? null
            : await CaseAccessRules.Visible(db.Cases, viewer).Where(c => c.Id == id)
                .Select(c => c.Assignments.Where(a => a.EndedAt == null).Select(a => a.OrganisationId).ToList()).SingleOrDefaultAsync(cancellationToken);
        var booking = assignments is null ? null : await db.HousingBookings.SingleOrDefaultAsync(b => b.Id == bookingId && b.CaseId == id, cancellationToken);
        if (booking is null)
        {
            return NotFound();
        }
        CaseAccessRules.Record(db, id, viewer!, assignments!, CaseAccessAction.Changed, clock.GetUtcNow());
        var refusal = await decisions.DecideAsync(booking, accept, ModelState.IsValid ? Reason : null, viewer!.Actor, viewer.Name, cancellationToken);
        TempData["StatusMessage"] = refusal ?? (accept
            ? "Logement accepté : le ménage en est informé par courriel."
            : "Demande de logement refusée : le ménage en est informé par courriel.");
        return RedirectToPage("/Admin/Dossiers/Detail", new { id });
    }
}
