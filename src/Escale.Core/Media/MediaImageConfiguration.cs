using Escale.Core.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Escale.Core.Media;

internal sealed class MediaImageConfiguration : IEntityTypeConfiguration<MediaImage>
{
    public void Configure(EntityTypeBuilder<MediaImage> image)
    {
        image.Property(i => i.Key).HasMaxLength(32);
        image.Property(i => i.AltTextFr).HasMaxLength(300);
        image.Property(i => i.AltTextEn).HasMaxLength(300);
        image.HasIndex(i => i.Key).IsUnique();
        image.HasOne<ApplicationUser>().WithMany().HasForeignKey(i => i.UploadedByUserId).OnDelete(DeleteBehavior.SetNull);
    }
}
