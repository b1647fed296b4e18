using Escale.Core.Calls;
using Escale.Core.Data;

namespace Escale.Web.Pages.ProjetsJeunes;

/// <summary>
/// Which follow-ups the showcase shows: published by their laureate's lead, of a laureate application, of a public youth
/// call. Everything else (adult calls, unpublished pages, withdrawn laureates) is not found.
/// </summary>
public static class YouthProjects
{
    public static IQueryable<ProjectFollowUp> Public(EscaleDbContext db) =>
        db.ProjectFollowUps.Where(f => f.PublishedAt != null && f.Application!.Status == ApplicationStatus.Laureate
            && f.Application.Call!.Audience == CallAudience.Youth && f.Application.Call.PublishedAt != null && f.Application.Call.ResultsPublishedAt != null);
}
