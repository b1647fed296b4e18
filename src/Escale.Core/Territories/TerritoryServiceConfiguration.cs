using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Escale.Core.Territories;

internal sealed class TerritoryServiceConfiguration : IEntityTypeConfiguration<TerritoryService>
{
    public void Configure(EntityTypeBuilder<TerritoryService> service)
    {
        service.Property(s => s.Kind).HasConversion<string>().HasMaxLength(30);
        service.Property(s => s.SourceKey).HasMaxLength(60);
        service.Property(s => s.Name).HasMaxLength(TerritoryService.NameMaxLength);
        service.Property(s => s.Address).HasMaxLength(TerritoryService.AddressMaxLength);
        service.Property(s => s.Phone).HasMaxLength(100);
        service.Property(s => s.Email).HasMaxLength(200);
        service.Property(s => s.Note).HasMaxLength(1000);
        service.HasIndex(s => new { s.Kind, s.SourceKey }).IsUnique();
        service.HasOne(s => s.Commune).WithMany().HasForeignKey(s => s.CommuneId).OnDelete(DeleteBehavior.Cascade);
        service.OwnsMany(s => s.OpeningHours, h => h.ToJson());
    }
}
