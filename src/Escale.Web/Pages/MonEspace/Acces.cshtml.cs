using Escale.Core.Data;
using Escale.Core.Identity;
using Escale.Core.Welcome;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.MonEspace;

/// <summary>Who opened or changed the household's file, for which organisation, and when: the case's access log, newest first.</summary>
public sealed class AccesModel(EscaleDbContext db, UserManager<ApplicationUser> users) : PageModel
{
    public const int Shown = 200;

    public sealed record Row(string Actor, string? Organisation, CaseAccessAction Action, DateTimeOffset At);

    public IReadOnlyList<Row> Accesses { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var caseId = await db.CaseOf(users.GetUserId(User)).Select(c => (int?)c.Id).FirstOrDefaultAsync(cancellationToken);
        if (caseId is null)
        {
            return Redirect("/mon-espace");
        }
        Accesses = await db.CaseAccesses.Where(a => a.CaseId == caseId).OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(Shown)
            .Select(a => new Row(a.ActorName, a.OrganisationName, a.Action, a.At)).ToListAsync(cancellationToken);
        return Page();
    }
}
