using System.Globalization;
using Escale.Core.Calls;
using Escale.Core.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Admin.Appels.Suivi;

/// <summary>
/// The laureates of a call and their follow-up files (action 14): one file per laureate application, opened here (a
/// second post of « Ouvrir » finds the file the first made: unique index on the application).
/// </summary>
public sealed class IndexModel(EscaleDbContext db, TimeProvider clock) : PageModel
{
    public sealed record Row(int ApplicationId, string ProjectTitle, int? FollowUpId, bool Published, int Milestones, int Reached);

    public int Id { get; private set; }

    public string Title { get; private set; } = "";

    public IReadOnlyList<Row> Laureates { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var call = await db.Calls.AsNoTracking().Where(c => c.Id == id).Select(c => new { c.Title }).SingleOrDefaultAsync(cancellationToken);
        if (call is null)
        {
            return NotFound();
        }
        Id = id;
        Title = call.Title;
        Laureates = await db.CallApplications.AsNoTracking()
            .Where(a => a.CallId == id && a.Status == ApplicationStatus.Laureate)
            .OrderBy(a => a.ProjectTitle)
            .Select(a => new
            {
                a.Id, a.ProjectTitle,
                FollowUp = db.ProjectFollowUps.Where(f => f.ApplicationId == a.Id)
                    .Select(f => new { f.Id, f.PublishedAt, Milestones = f.Milestones.Count(), Reached = f.Milestones.Count(m => m.ReachedAt != null) })
                    .FirstOrDefault(),
            })
            .Select(a => new Row(a.Id, a.ProjectTitle, a.FollowUp == null ? null : (int?)a.FollowUp.Id, a.FollowUp != null && a.FollowUp.PublishedAt != null,
                a.FollowUp == null ? 0 : a.FollowUp.Milestones, a.FollowUp == null ? 0 : a.FollowUp.Reached))
            .ToListAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostOpenAsync(int id, int applicationId, CancellationToken cancellationToken)
    {
        var application = await db.CallApplications.AsNoTracking().Where(a => a.Id == applicationId && a.CallId == id)
            .Select(a => new { a.Id, a.ProjectTitle, a.Status }).SingleOrDefaultAsync(cancellationToken);
        if (application is null)
        {
            return NotFound();
        }
        if (application.Status != ApplicationStatus.Laureate)
        {
            TempData["StatusMessage"] = "Seule une candidature lauréate a un dossier de suivi.";
            return RedirectToPage(new { id });
        }
        if (await ExistingAsync(applicationId, cancellationToken) is { } existing)
        {
            return RedirectToPage("Dossier", new { id, followUpId = existing });
        }
        var slug = Escale.Core.Territories.Slug.From(application.ProjectTitle);
        slug = slug.Length == 0 ? "projet" : slug[..Math.Min(slug.Length, 180)];
        if (await db.ProjectFollowUps.AnyAsync(f => f.Slug == slug, cancellationToken))
        {
            slug += "-" + applicationId.ToString(CultureInfo.InvariantCulture);
        }
        var now = clock.GetUtcNow();
        var followUp = new ProjectFollowUp { ApplicationId = applicationId, Slug = slug, OpenedAt = now };
        db.ProjectFollowUps.Add(followUp);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same form posted twice at once: the other post opened the file.
            db.ChangeTracker.Clear();
            if (await ExistingAsync(applicationId, cancellationToken) is { } raced)
            {
                return RedirectToPage("Dossier", new { id, followUpId = raced });
            }
            throw;
        }
        TempData["StatusMessage"] = "Le dossier de suivi est ouvert.";
        return RedirectToPage("Dossier", new { id, followUpId = followUp.Id });
    }

    private Task<int?> ExistingAsync(int applicationId, CancellationToken cancellationToken) =>
        db.ProjectFollowUps.Where(f => f.ApplicationId == applicationId).Select(f => (int?)f.Id).FirstOrDefaultAsync(cancellationToken);
}
