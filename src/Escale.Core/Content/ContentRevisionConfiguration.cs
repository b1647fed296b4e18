using Escale.Core.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Escale.Core.Content;

internal sealed class ContentRevisionConfiguration : IEntityTypeConfiguration<ContentRevision>
{
    public void Configure(EntityTypeBuilder<ContentRevision> revision)
    {
        revision.Property(r => r.Note).HasMaxLength(500);
        revision.HasIndex(r => new { r.ContentItemId, r.Number }).IsUnique();
        revision.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.AuthorUserId).OnDelete(DeleteBehavior.SetNull);
    }
}
