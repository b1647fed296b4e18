using Escale.Core.Media;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Escale.Core.Campaigns;

internal sealed class LandingPageConfiguration : IEntityTypeConfiguration<LandingPage>
{
    public void Configure(EntityTypeBuilder<LandingPage> page)
    {
        page.Property(p => p.Slug).HasMaxLength(CampaignRules.SlugMaxLength);
        page.Property(p => p.Title).HasMaxLength(200);
        page.Property(p => p.Summary).HasMaxLength(500);
        page.HasIndex(p => p.Slug).IsUnique();
        page.HasMany(p => p.Blocks).WithOne().HasForeignKey(b => b.LandingPageId).OnDelete(DeleteBehavior.Cascade);
    }
}
