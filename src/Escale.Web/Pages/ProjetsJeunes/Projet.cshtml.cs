using Escale.Core.Calls;
using Escale.Core.Data;
using Escale.Web.Pages.Appels;
using Escale.Web.Pages.Recits;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Escale.Web.Pages.ProjetsJeunes;

/// <summary>
/// A youth project's public page, as its team published it: the project's title and call, the team's summary, the
/// public milestones, the progress updates, the answers to the call's public questions and the photo when everyone
/// (and every minor's guardian) allowed it. No personal data: no member is named, and the running team's notes and
/// the support granted stay in the follow-up file.
/// </summary>
public sealed class ProjetModel(EscaleDbContext db, IMemoryCache cache, CallsDataVersion version) : PageModel
{
    public sealed record Milestone(string Title, DateOnly? DueOn, bool Reached);

    public sealed record Update(string Text, DateTimeOffset At);

    public sealed record Project(string Slug, string ProjectTitle, string CallTitle, string CallSlug, string? Summary, DateTimeOffset PublishedAt,
        IReadOnlyList<Milestone> Milestones, IReadOnlyList<Update> Updates, IReadOnlyList<LaureatsModel.Answer> Answers, LeadPicture? Photo, string? PhotoAlt);

    public Project Item { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var project = await PublicCalls.CachedAsync(cache, version, "youth-project:" + slug, () => LoadAsync(slug, cancellationToken));
        if (project is null)
        {
            return NotFound();
        }
        Item = project;
        return Page();
    }

    private async Task<Project?> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        var found = await YouthProjects.Public(db).AsNoTracking().Where(f => f.Slug == slug).Select(f => new
        {
            f.Id, f.Slug, f.PublicSummary, f.PublishedAt, f.Application!.ProjectTitle, CallTitle = f.Application.Call!.Title, CallSlug = f.Application.Call.Slug,
            f.Application.PhotoImageId, f.Application.PhotoAlt, f.Application.PhotoConsentAt, f.Application.SubmittedAt, f.Application.CreatedAt,
            Members = f.Application.Members.Select(m => new
            {
                m.DateOfBirth,
                Guardians = m.GuardianConsents.Select(g => new PublicPhoto.Guardian(g.PhotoAllowed, g.ConsentedAt, g.WithdrawnAt)).ToList(),
            }).ToList(),
            Answers = f.Application.Answers
                .Where(x => x.Field!.Visibility == FieldVisibility.Public && x.Field.Type != CallFieldType.File && x.Value != null && x.Value != "")
                .OrderBy(x => x.Field!.Order).ThenBy(x => x.FieldId)
                .Select(x => new { x.Field!.Label, x.Field.Type, x.Value }).ToList(),
        }).SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }
        var milestones = await db.FollowUpMilestones.AsNoTracking().Where(m => m.FollowUpId == found.Id && m.Public)
            .OrderBy(m => m.DueOn == null).ThenBy(m => m.DueOn).ThenBy(m => m.Id)
            .Select(m => new Milestone(m.Title, m.DueOn, m.ReachedAt != null)).ToListAsync(cancellationToken);
        // Progress updates only, without their authors: the running team's notes never reach a public page.
        var updates = await db.FollowUpEntries.AsNoTracking().Where(e => e.FollowUpId == found.Id && e.Kind == FollowUpEntryKind.Progress)
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Select(e => new Update(e.Text, e.At)).ToListAsync(cancellationToken);
        var photoShown = PublicPhoto.Allowed(found.PhotoImageId, found.PhotoConsentAt, DateOnly.FromDateTime((found.SubmittedAt ?? found.CreatedAt).UtcDateTime),
            found.Members.Select(m => new PublicPhoto.Member(m.DateOfBirth, m.Guardians)));
        var photo = photoShown ? await LeadPicture.LoadAsync(db, found.PhotoImageId, cancellationToken) : null;
        return new Project(found.Slug, found.ProjectTitle, found.CallTitle, found.CallSlug, found.PublicSummary, found.PublishedAt!.Value, milestones, updates,
            [.. found.Answers.Select(x => new LaureatsModel.Answer(x.Label, x.Type, x.Value!))], photo, found.PhotoAlt);
    }
}
