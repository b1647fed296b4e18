using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Escale.Core.Campaigns;

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> campaign)
    {
        campaign.Property(c => c.Name).HasMaxLength(200);
        campaign.Property(c => c.Slug).HasMaxLength(CampaignRules.SlugMaxLength);
        campaign.Property(c => c.Description).HasMaxLength(4000);
        campaign.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        campaign.HasIndex(c => c.Slug).IsUnique();
        // Both databases let several rows have no key; two posts of one form share theirs.
        campaign.HasIndex(c => c.CreationKey).IsUnique();
        campaign.HasMany(c => c.Links).WithOne(l => l.Campaign).HasForeignKey(l => l.CampaignId).OnDelete(DeleteBehavior.Cascade);
        campaign.HasMany(c => c.LandingPages).WithOne(p => p.Campaign).HasForeignKey(p => p.CampaignId).OnDelete(DeleteBehavior.Cascade);
    }
}
