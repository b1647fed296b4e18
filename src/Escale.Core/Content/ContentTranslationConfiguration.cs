using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Escale.Core.Content;

internal sealed class ContentTranslationConfiguration : IEntityTypeConfiguration<ContentTranslation>
{
    public void Configure(EntityTypeBuilder<ContentTranslation> translation)
    {
        translation.Property(t => t.Language).HasMaxLength(2);
        translation.Property(t => t.Title).HasMaxLength(200);
        translation.Property(t => t.Summary).HasMaxLength(500);
        translation.HasIndex(t => new { t.ContentItemId, t.Language }).IsUnique();
    }
}
