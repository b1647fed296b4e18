using System.Globalization;
using Escale.Core.Calls;
using Escale.Core.Data;
using Escale.Web.Pages.Recits;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Escale.Web.Pages.Appels;

/// <summary>
/// The laureates of a call, once its results are published: each project's title, its answers to the PUBLIC questions
/// only, its photo where <see cref="PublicPhoto.Allowed"/> says so, and its project page when the team published one.
/// Nothing about the people: no name, e-mail, date of birth, school or commune of any member (minors' data is never
/// public), and no private or jury-hidden answer — they are not even read from the database.
/// </summary>
public sealed class LaureatsModel(EscaleDbContext db, IMemoryCache cache, CallsDataVersion version, TimeProvider clock) : PageModel
{
    /// <summary>A public answer as stored: the page formats it in the reader's language (<see cref="PublicAnswers"/>).</summary>
    public sealed record Answer(string Question, CallFieldType Type, string Value);

    public sealed record Laureate(int Id, string ProjectTitle, IReadOnlyList<Answer> Answers, LeadPicture? Photo, string? PhotoAlt,
        string? ProjectSlug, string? ProjectSummary);

    public PublicCalls.Listed Call { get; private set; } = null!;

    public IReadOnlyList<Laureate> Laureates { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var page = await PublicCalls.PageAsync(db, cache, version, slug, now, cancellationToken);
        if (page is null || page.Call.ResultsPublishedAt is not { } results || results > now)
        {
            return NotFound();
        }
        Call = page.Call;
        Laureates = await PublicCalls.CachedAsync(cache, version, "laureates:" + page.Call.Id.ToString(CultureInfo.InvariantCulture),
            () => LoadAsync(page.Call.Id, cancellationToken));
        return Page();
    }

    private async Task<IReadOnlyList<Laureate>> LoadAsync(int callId, CancellationToken cancellationToken)
    {
        var applications = await db.CallApplications.AsNoTracking()
            .Where(a => a.CallId == callId && a.Status == ApplicationStatus.Laureate)
            .OrderBy(a => a.ProjectTitle).ThenBy(a => a.Id)
            .Select(a => new
            {
                a.Id, a.ProjectTitle, a.PhotoImageId, a.PhotoAlt, a.PhotoConsentAt, a.SubmittedAt, a.CreatedAt,
                // Only what the photo rule needs from the members: nothing of them reaches the page.
                Members = a.Members.Select(m => new
                {
                    m.DateOfBirth,
                    Guardians = m.GuardianConsents.Select(g => new PublicPhoto.Guardian(g.PhotoAllowed, g.ConsentedAt, g.WithdrawnAt)).ToList(),
                }).ToList(),
                Answers = a.Answers
                    .Where(x => x.Field!.Visibility == FieldVisibility.Public && x.Field.Type != CallFieldType.File && x.Value != null && x.Value != "")
                    .OrderBy(x => x.Field!.Order).ThenBy(x => x.FieldId)
                    .Select(x => new { x.Field!.Label, x.Field.Type, x.Value }).ToList(),
                Project = db.ProjectFollowUps.Where(f => f.ApplicationId == a.Id && f.PublishedAt != null)
                    .Select(f => new { f.Slug, f.PublicSummary }).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var shown = applications.Where(a => PublicPhoto.Allowed(a.PhotoImageId, a.PhotoConsentAt,
                DateOnly.FromDateTime((a.SubmittedAt ?? a.CreatedAt).UtcDateTime),
                a.Members.Select(m => new PublicPhoto.Member(m.DateOfBirth, m.Guardians))))
            .Select(a => a.PhotoImageId!.Value).ToList();
        var pictures = await LeadPicture.LoadAsync(db, shown, cancellationToken);
        var youth = await db.Calls.AsNoTracking().Where(c => c.Id == callId).Select(c => c.Audience == CallAudience.Youth).SingleAsync(cancellationToken);
        return [.. applications.Select(a => new Laureate(a.Id, a.ProjectTitle,
            [.. a.Answers.Select(x => new Answer(x.Label, x.Type, x.Value!))],
            a.PhotoImageId is { } image && shown.Contains(image) ? pictures.GetValueOrDefault(image) : null, a.PhotoAlt,
            youth ? a.Project?.Slug : null, a.Project?.PublicSummary))];
    }
}
