using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Escale.Core.Opportunities.Interest;

internal sealed class TakeoverContactRequestConfiguration : IEntityTypeConfiguration<TakeoverContactRequest>
{
    public void Configure(EntityTypeBuilder<TakeoverContactRequest> request)
    {
        request.Property(r => r.Name).HasMaxLength(200);
        request.Property(r => r.Email).HasMaxLength(320);
        request.Property(r => r.Phone).HasMaxLength(30);
        request.Property(r => r.Message).HasMaxLength(2000);
        request.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        request.Property(r => r.TokenHash).HasMaxLength(64);
        request.Property(r => r.CampaignCode).HasMaxLength(50);
        request.Property(r => r.FirstCampaignCode).HasMaxLength(50);
        request.Property(r => r.UserId).HasMaxLength(450);
        request.HasOne(r => r.Opportunity).WithMany().HasForeignKey(r => r.OpportunityId).OnDelete(DeleteBehavior.Cascade);
        request.HasOne<Identity.ApplicationUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.SetNull);
        request.HasIndex(r => r.TokenHash).IsUnique();
        request.HasIndex(r => new { r.OpportunityId, r.Email, r.CreatedAt });
    }
}
