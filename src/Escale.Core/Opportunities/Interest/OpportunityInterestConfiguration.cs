using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Escale.Core.Opportunities.Interest;

internal sealed class OpportunityInterestConfiguration : IEntityTypeConfiguration<OpportunityInterest>
{
    public void Configure(EntityTypeBuilder<OpportunityInterest> interest)
    {
        interest.Property(i => i.Name).HasMaxLength(200);
        interest.Property(i => i.Email).HasMaxLength(320);
        interest.Property(i => i.Phone).HasMaxLength(30);
        interest.Property(i => i.Message).HasMaxLength(2000);
        interest.Property(i => i.Source).HasMaxLength(20);
        interest.Property(i => i.CampaignCode).HasMaxLength(50);
        interest.Property(i => i.FirstCampaignCode).HasMaxLength(50);
        interest.Property(i => i.UserId).HasMaxLength(450);
        interest.HasOne(i => i.Opportunity).WithMany().HasForeignKey(i => i.OpportunityId).OnDelete(DeleteBehavior.Cascade);
        interest.HasOne<Identity.ApplicationUser>().WithMany().HasForeignKey(i => i.UserId).OnDelete(DeleteBehavior.SetNull);
        interest.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        interest.HasMany(i => i.Steps).WithOne().HasForeignKey(s => s.InterestId).OnDelete(DeleteBehavior.Cascade);
        // The double-submit check looks for the same address on the same opportunity a few minutes back.
        interest.HasIndex(i => new { i.OpportunityId, i.Email, i.CreatedAt });
    }
}

internal sealed class CandidateStepConfiguration : IEntityTypeConfiguration<CandidateStep>
{
    public void Configure(EntityTypeBuilder<CandidateStep> step)
    {
        step.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
        step.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        step.Property(s => s.Message).HasMaxLength(CandidateStep.MessageMaxLength);
        step.Property(s => s.AuthorUserId).HasMaxLength(450);
        step.HasOne<Identity.ApplicationUser>().WithMany().HasForeignKey(s => s.AuthorUserId).OnDelete(DeleteBehavior.SetNull);
        step.HasIndex(s => new { s.InterestId, s.At });
    }
}
