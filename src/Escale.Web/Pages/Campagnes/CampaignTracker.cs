using Escale.Core.Campaigns;
using Escale.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Campagnes;

/// <summary>Records a campaign visit (tracked link or UTM parameters) and sets the attribution cookies; robots are not counted.</summary>
public sealed class CampaignTracker(EscaleDbContext db, TimeProvider clock)
{
    public async Task RecordAsync(HttpContext context, int campaignId, string slug, CampaignLink? link, string landingPath, CancellationToken cancellationToken)
    {
        if (CampaignAttribution.IsBot(context.Request.Headers.UserAgent.ToString()))
        {
            return;
        }
        var now = clock.GetUtcNow();
        var query = context.Request.Query;
        db.CampaignVisits.Add(new CampaignVisit
        {
            CampaignId = campaignId, LinkId = link?.Id, Channel = link?.Channel ?? CampaignChannels.None,
            Source = link is null ? CampaignAttribution.Utm(query["utm_source"]) : null,
            Medium = link is null ? CampaignAttribution.Utm(query["utm_medium"]) : null,
            VisitedAt = now, LandingPath = landingPath.Length > 500 ? landingPath[..500] : landingPath,
        });
        await db.SaveChangesAsync(cancellationToken);
        CampaignCookies.Write(context, CampaignAttribution.Format(slug, link?.Code), now);
    }

    /// <summary>The middleware's part: a public page asked with <c>utm_campaign</c> naming a running campaign.</summary>
    public async Task RecordUtmAsync(HttpContext context, string utmCampaign, CancellationToken cancellationToken)
    {
        var slug = utmCampaign.Trim().ToLowerInvariant();
        if (CampaignRules.SlugRefusal(slug) is not null)
        {
            return;
        }
        var campaignId = await db.Campaigns.AsNoTracking().Where(c => c.Slug == slug && c.Status == CampaignStatus.Active)
            .Select(c => (int?)c.Id).FirstOrDefaultAsync(cancellationToken);
        if (campaignId is { } id)
        {
            await RecordAsync(context, id, slug, null, context.Request.Path.Value ?? "/", cancellationToken);
        }
    }
}
