using Escale.Core.Campaigns;
using Escale.Core.Data;
using Escale.Web.Pages.Admin.Contenus;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Admin.Campagnes;

/// <summary>Every campaign, the running ones first.</summary>
public sealed class IndexModel(EscaleDbContext db) : PageModel
{
    public sealed record Row(int Id, string Name, string Slug, CampaignStatus Status, DateOnly StartsOn, DateOnly? EndsOn, int Visits);

    public IReadOnlyList<Row> Campaigns { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Campaigns = await db.Campaigns.AsNoTracking()
            .OrderBy(c => c.Status).ThenByDescending(c => c.StartsOn).ThenBy(c => c.Name)
            .Select(c => new Row(c.Id, c.Name, c.Slug, c.Status, c.StartsOn, c.EndsOn, db.CampaignVisits.Count(v => v.CampaignId == c.Id)))
            .ToListAsync(cancellationToken);
}
