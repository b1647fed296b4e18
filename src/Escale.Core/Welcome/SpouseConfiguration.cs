using Escale.Core.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Escale.Core.Welcome;

internal sealed class SpouseConfiguration : IEntityTypeConfiguration<SpouseProfile>, IEntityTypeConfiguration<SpouseIntroduction>
{
    public void Configure(EntityTypeBuilder<SpouseProfile> profile)
    {
        // One profile per case: the household edits the same one, and a double submit cannot make a second.
        profile.HasIndex(p => p.CaseId).IsUnique();
        profile.HasOne<WelcomeCase>().WithMany().HasForeignKey(p => p.CaseId).OnDelete(DeleteBehavior.Cascade);
        profile.HasOne<CaseDocument>().WithMany().HasForeignKey(p => p.CvDocumentId).OnDelete(DeleteBehavior.SetNull);
        profile.Property(p => p.RomeCode).HasMaxLength(5);
        profile.Property(p => p.Presentation).HasMaxLength(SpouseProfile.PresentationMaxLength);
        // The employers' search reads the profiles still shared.
        profile.HasIndex(p => p.SharedUntil);
        profile.HasMany(p => p.Introductions).WithOne(i => i.SpouseProfile).HasForeignKey(i => i.SpouseProfileId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<SpouseIntroduction> introduction)
    {
        introduction.Property(i => i.Message).HasMaxLength(SpouseIntroduction.MessageMaxLength);
        // An employer asking twice for the same person makes one request.
        introduction.HasIndex(i => new { i.SpouseProfileId, i.PartnerOrganisationId }).IsUnique();
        introduction.HasIndex(i => i.PartnerOrganisationId);
        introduction.HasOne(i => i.PartnerOrganisation).WithMany().HasForeignKey(i => i.PartnerOrganisationId).OnDelete(DeleteBehavior.Cascade);
        introduction.HasOne<ApplicationUser>().WithMany().HasForeignKey(i => i.RequestedByUserId).OnDelete(DeleteBehavior.SetNull);
    }
}
