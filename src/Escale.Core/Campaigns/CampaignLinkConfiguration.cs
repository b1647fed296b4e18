using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Escale.Core.Campaigns;

internal sealed class CampaignLinkConfiguration : IEntityTypeConfiguration<CampaignLink>
{
    public void Configure(EntityTypeBuilder<CampaignLink> link)
    {
        link.Property(l => l.Code).HasMaxLength(ShortCode.Length);
        link.Property(l => l.Label).HasMaxLength(200);
        link.Property(l => l.TargetPath).HasMaxLength(1000);
        link.HasIndex(l => l.Code).IsUnique();
    }
}
