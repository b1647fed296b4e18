using Escale.Core.Data;
using Escale.Web.Pages.Appels;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Escale.Web.Pages.ProjetsJeunes;

/// <summary>« Projets de jeunes »: the published projects of youth calls' laureates (action 14), newest first.</summary>
public sealed class IndexModel(EscaleDbContext db, IMemoryCache cache, CallsDataVersion version) : PageModel
{
    public sealed record Card(string Slug, string ProjectTitle, string CallTitle, string? Summary, DateTimeOffset PublishedAt);

    public IReadOnlyList<Card> Projects { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Projects = await PublicCalls.CachedAsync(cache, version, "youth-projects", async () => (IReadOnlyList<Card>)await YouthProjects.Public(db).AsNoTracking()
            .OrderByDescending(f => f.PublishedAt).ThenByDescending(f => f.Id)
            .Select(f => new Card(f.Slug, f.Application!.ProjectTitle, f.Application.Call!.Title, f.PublicSummary, f.PublishedAt!.Value))
            .ToListAsync(cancellationToken));
}
