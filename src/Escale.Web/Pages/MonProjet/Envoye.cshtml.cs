using Escale.Core.Data;
using Escale.Core.Welcome;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.MonProjet;

/// <summary>
/// What happens next, after « Envoyer mon projet ». Found by the form's submission key, which only its sender knows;
/// it shows no personal data, only where the case went and when to expect an answer, so a double submit shows it twice.
/// </summary>
public sealed class EnvoyeModel(EscaleDbContext db, WelcomePack pack) : PageModel
{
    public sealed record Sent(IReadOnlyList<string> Organisations, DateOnly FirstResponseDueOn, bool EmailConfirmed);

    public Sent? Case { get; private set; }
    public int FirstResponseWorkingDays => pack.FirstResponseWorkingDays;

    public async Task OnGetAsync(Guid? cle, CancellationToken cancellationToken)
    {
        if (cle is not { } key)
        {
            return;
        }
        var found = await db.Cases.AsNoTracking().Where(c => c.SubmissionKey == key)
            .Select(c => new
            {
                Organisations = c.Assignments.OrderBy(a => a.Role).ThenBy(a => a.Id).Select(a => a.Organisation!.Name).ToList(),
                DueOn = c.Assignments.Select(a => (DateOnly?)a.FirstResponseDueOn).Min(),
                Confirmed = db.Users.Where(u => u.Id == c.HouseholdUserId).Select(u => u.EmailConfirmed).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (found?.DueOn is { } dueOn)
        {
            Case = new Sent(found.Organisations, dueOn, found.Confirmed);
        }
    }
}
