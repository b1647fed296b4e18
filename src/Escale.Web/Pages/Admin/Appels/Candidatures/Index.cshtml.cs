using Escale.Core.Calls;
using Escale.Core.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Admin.Appels.Candidatures;

/// <summary>A call's applications for the team running it: status, team size, lead; one projection, never a file.</summary>
public sealed class IndexModel(EscaleDbContext db) : PageModel
{
    public sealed record Row(int Id, string ProjectTitle, string LeadName, ApplicationStatus Status, int Members, DateTimeOffset? SubmittedAt);

    public int CallId { get; private set; }
    public string CallTitle { get; private set; } = "";
    public IReadOnlyList<Row> Applications { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var title = await db.Calls.Where(c => c.Id == id).Select(c => c.Title).FirstOrDefaultAsync(cancellationToken);
        if (title is null)
        {
            return NotFound();
        }
        CallId = id;
        CallTitle = title;
        Applications = await db.CallApplications.AsNoTracking().Where(a => a.CallId == id)
            .OrderBy(a => a.Status == ApplicationStatus.Draft).ThenBy(a => a.SubmittedAt).ThenBy(a => a.Id)
            .Select(a => new Row(a.Id, a.ProjectTitle, a.Members.Where(m => m.Role == MemberRole.Lead).Select(m => m.Name).FirstOrDefault() ?? "",
                a.Status, a.Members.Count, a.SubmittedAt))
            .ToListAsync(cancellationToken);
        return Page();
    }
}
