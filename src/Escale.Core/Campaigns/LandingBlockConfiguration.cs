using Escale.Core.Media;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Escale.Core.Campaigns;

internal sealed class LandingBlockConfiguration : IEntityTypeConfiguration<LandingBlock>
{
    public void Configure(EntityTypeBuilder<LandingBlock> block)
    {
        block.Property(b => b.Kind).HasConversion<string>().HasMaxLength(20);
        block.Property(b => b.Heading).HasMaxLength(200);
        block.Property(b => b.BodyMarkdown).HasMaxLength(20000);
        block.Property(b => b.ContentIds).HasMaxLength(500);
        block.Property(b => b.LinkLabel).HasMaxLength(200);
        block.Property(b => b.LinkUrl).HasMaxLength(1000);
        block.HasOne<MediaImage>().WithMany().HasForeignKey(b => b.ImageId).OnDelete(DeleteBehavior.SetNull);
        block.HasIndex(b => new { b.LandingPageId, b.Position });
    }
}
