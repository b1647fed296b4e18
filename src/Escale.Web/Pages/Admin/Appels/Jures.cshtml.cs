using Escale.Core.Calls;
using Escale.Core.Data;
using Escale.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Admin.Appels;

/// <summary>
/// The jurors of a call: accounts that already hold the Jury role (given in /admin/utilisateurs), added by their e-mail
/// address and removed. A juror added twice is one juror (unique index).
/// </summary>
public sealed class JuresModel(EscaleDbContext db, UserManager<ApplicationUser> users, TimeProvider clock) : PageModel
{
    public sealed record JurorRow(int Id, string Name, string Email, int Assigned);

    public int Id { get; private set; }

    public string Title { get; private set; } = "";

    public IReadOnlyList<JurorRow> Jurors { get; private set; } = [];

    [BindProperty]
    public string? Email { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await ShowAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await ShowAsync(id, cancellationToken))
        {
            return NotFound();
        }
        var email = Email?.Trim();
        var user = string.IsNullOrEmpty(email) ? null : await users.FindByEmailAsync(email);
        if (string.IsNullOrEmpty(email))
        {
            ModelState.AddModelError(nameof(Email), "Indiquez l’adresse e-mail du juré.");
        }
        else if (user is null)
        {
            ModelState.AddModelError(nameof(Email), "Aucun compte n’a cette adresse : le juré crée d’abord son compte.");
        }
        else if (!await users.IsInRoleAsync(user, Roles.Jury))
        {
            ModelState.AddModelError(nameof(Email), "Ce compte n’a pas le rôle « Jury » : un administrateur le lui donne d’abord.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (!await db.CallJurors.AnyAsync(j => j.CallId == id && j.UserId == user!.Id, cancellationToken))
        {
            db.CallJurors.Add(new CallJuror { CallId = id, UserId = user!.Id, AddedAt = clock.GetUtcNow() });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // The same form posted twice at once: the other post added the juror.
                db.ChangeTracker.Clear();
            }
        }
        TempData["StatusMessage"] = "Le juré est ajouté à l’appel.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, int jurorId, CancellationToken cancellationToken)
    {
        var juror = await db.CallJurors.SingleOrDefaultAsync(j => j.Id == jurorId && j.CallId == id, cancellationToken);
        if (juror is null)
        {
            return NotFound();
        }
        if (await db.JurorAssignments.AnyAsync(a => a.JurorUserId == juror.UserId && a.Application!.CallId == id, cancellationToken))
        {
            // Their evaluations belong to the deliberation: the jury's pages unassign them first.
            TempData["StatusMessage"] = "Ce juré a des candidatures à évaluer : retirez-lui d’abord ses attributions.";
            return RedirectToPage(new { id });
        }
        db.CallJurors.Remove(juror);
        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = "Le juré est retiré de l’appel.";
        return RedirectToPage(new { id });
    }

    private async Task<bool> ShowAsync(int id, CancellationToken cancellationToken)
    {
        var call = await db.Calls.AsNoTracking().Where(c => c.Id == id).Select(c => new { c.Title }).SingleOrDefaultAsync(cancellationToken);
        if (call is null)
        {
            return false;
        }
        Id = id;
        Title = call.Title;
        Jurors = await (from juror in db.CallJurors.AsNoTracking()
                        join user in db.Users on juror.UserId equals user.Id
                        where juror.CallId == id
                        orderby user.Email
                        select new JurorRow(juror.Id, user.DisplayName ?? user.Email!, user.Email!,
                            db.JurorAssignments.Count(a => a.JurorUserId == juror.UserId && a.Application!.CallId == id)))
            .ToListAsync(cancellationToken);
        return true;
    }
}
