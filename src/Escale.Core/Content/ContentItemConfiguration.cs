using Escale.Core.Identity;
using Escale.Core.Media;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Escale.Core.Content;

internal sealed class ContentItemConfiguration : IEntityTypeConfiguration<ContentItem>
{
    public void Configure(EntityTypeBuilder<ContentItem> item)
    {
        item.Property(c => c.Type).HasConversion<string>().HasMaxLength(20);
        item.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        item.Property(c => c.Slug).HasMaxLength(130);
        item.Property(c => c.Venue).HasMaxLength(300);
        item.Property(c => c.Organiser).HasMaxLength(300);
        item.Property(c => c.Price).HasMaxLength(300);
        item.Property(c => c.Accessibility).HasMaxLength(1000);
        item.Property(c => c.SectorNafCode).HasMaxLength(6);
        item.Property(c => c.OccupationRomeCode).HasMaxLength(5);
        item.Property(c => c.Website).HasMaxLength(2000);

        item.HasOne(c => c.Commune).WithMany().HasForeignKey(c => c.CommuneId).OnDelete(DeleteBehavior.Restrict);
        item.HasOne(c => c.Intercommunality).WithMany().HasForeignKey(c => c.IntercommunalityId).OnDelete(DeleteBehavior.Restrict);
        item.HasOne(c => c.Organisation).WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.SetNull);
        item.HasOne(c => c.LeadImage).WithMany().HasForeignKey(c => c.LeadImageId).OnDelete(DeleteBehavior.SetNull);
        item.HasOne<ApplicationUser>().WithMany().HasForeignKey(c => c.AuthorUserId).OnDelete(DeleteBehavior.SetNull);
        item.HasMany(c => c.Translations).WithOne().HasForeignKey(t => t.ContentItemId).OnDelete(DeleteBehavior.Cascade);
        item.HasMany(c => c.Personas).WithOne().HasForeignKey(p => p.ContentItemId).OnDelete(DeleteBehavior.Cascade);
        item.HasMany(c => c.Themes).WithOne().HasForeignKey(t => t.ContentItemId).OnDelete(DeleteBehavior.Cascade);
        item.HasMany(c => c.Revisions).WithOne().HasForeignKey(r => r.ContentItemId).OnDelete(DeleteBehavior.Cascade);

        item.HasIndex(c => new { c.Type, c.Slug }).IsUnique();
        // Both databases let several rows have no key; two posts of one form share theirs.
        item.HasIndex(c => c.CreationKey).IsUnique();
        // Public listings: published items by type and date; the back office: by status.
        item.HasIndex(c => new { c.Status, c.Type, c.PublishAt });
        item.HasIndex(c => new { c.Type, c.StartsAt });
        // The in-memory listing index asks for the latest change (Content/ContentIndex.cs).
        item.HasIndex(c => c.UpdatedAt);
    }
}
