using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Escale.Core.Content;

internal sealed class ContentThemeTagConfiguration : IEntityTypeConfiguration<ContentThemeTag>
{
    public void Configure(EntityTypeBuilder<ContentThemeTag> theme)
    {
        theme.ToTable("ContentThemes");
        theme.HasKey(t => new { t.ContentItemId, t.Theme });
        theme.Property(t => t.Theme).HasConversion<string>().HasMaxLength(20);
        theme.HasIndex(t => new { t.Theme, t.ContentItemId });
    }
}
