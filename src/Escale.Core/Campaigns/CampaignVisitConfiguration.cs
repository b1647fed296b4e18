using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Escale.Core.Campaigns;

internal sealed class CampaignVisitConfiguration : IEntityTypeConfiguration<CampaignVisit>
{
    public void Configure(EntityTypeBuilder<CampaignVisit> visit)
    {
        visit.Property(v => v.Source).HasMaxLength(CampaignAttribution.UtmMaxLength);
        visit.Property(v => v.Medium).HasMaxLength(CampaignAttribution.UtmMaxLength);
        visit.Property(v => v.LandingPath).HasMaxLength(500);
        visit.HasOne<Campaign>().WithMany().HasForeignKey(v => v.CampaignId).OnDelete(DeleteBehavior.Cascade);
        visit.HasOne(v => v.Link).WithMany().HasForeignKey(v => v.LinkId).OnDelete(DeleteBehavior.SetNull);
        // The report reads one campaign's visits in time order.
        visit.HasIndex(v => new { v.CampaignId, v.VisitedAt });
    }
}
