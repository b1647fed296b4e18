using Escale.Core.Calls;
using Escale.Core.Data;
using Escale.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Candidatures;

/// <summary>The signed-in person's applications, as their lead or as a confirmed member, with where each stands.</summary>
public sealed class IndexModel(EscaleDbContext db, UserManager<ApplicationUser> users) : PageModel
{
    public sealed record Row(int Id, string CallTitle, string ProjectTitle, ApplicationStatus Status, bool IsLead, DateTimeOffset ClosesAt);

    public IReadOnlyList<Row> Applications { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = users.GetUserId(User)!;
        Applications = await ApplicationSubmission.VisibleTo(db.CallApplications.AsNoTracking(), userId)
            .OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id)
            .Select(a => new Row(a.Id, a.Call!.Title, a.ProjectTitle, a.Status, a.LeadUserId == userId, a.Call.ClosesAt))
            .ToListAsync(cancellationToken);
    }
}
