using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Escale.Core.Welcome.Housing;

internal sealed class HousingConfiguration :
    IEntityTypeConfiguration<HousingOffer>, IEntityTypeConfiguration<HousingAvailability>, IEntityTypeConfiguration<HousingBooking>
{
    public void Configure(EntityTypeBuilder<HousingOffer> offer)
    {
        offer.Property(o => o.Title).HasMaxLength(200);
        offer.Property(o => o.Description).HasMaxLength(4000);
        offer.Property(o => o.Address).HasMaxLength(300);
        offer.Property(o => o.Rules).HasMaxLength(2000);
        offer.HasOne(o => o.Organisation).WithMany().HasForeignKey(o => o.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        offer.HasOne(o => o.Commune).WithMany().HasForeignKey(o => o.CommuneId).OnDelete(DeleteBehavior.Restrict);
        offer.HasMany(o => o.Availabilities).WithOne().HasForeignKey(a => a.OfferId).OnDelete(DeleteBehavior.Cascade);
        offer.HasIndex(o => new { o.Withdrawn, o.CommuneId });
        offer.ToTable(t => t.HasCheckConstraint("CK_HousingOffers_Capacity", "\"Capacity\" > 0"));
    }

    public void Configure(EntityTypeBuilder<HousingAvailability> availability)
    {
        availability.ToTable("HousingAvailabilities", t => t.HasCheckConstraint("CK_HousingAvailabilities_Dates", "\"EndOn\" > \"StartOn\""));
        availability.HasIndex(a => new { a.OfferId, a.StartOn });
    }

    public void Configure(EntityTypeBuilder<HousingBooking> booking)
    {
        // The exclusion constraint (PostgreSQL) and triggers (SQLite) that keep held bookings apart are raw SQL in each
        // provider's TemporaryHousing migration: EF's model cannot describe them.
        booking.ToTable("HousingBookings", t => t.HasCheckConstraint("CK_HousingBookings_Dates", "\"DepartureOn\" > \"ArrivalOn\""));
        booking.Property(b => b.Message).HasMaxLength(2000);
        booking.Property(b => b.DecidedBy).HasMaxLength(300);
        booking.Property(b => b.DeclineReason).HasMaxLength(2000);
        booking.HasIndex(b => b.SubmissionKey).IsUnique();
        booking.HasIndex(b => new { b.OfferId, b.ArrivalOn });
        booking.HasIndex(b => b.CaseId);
        booking.HasOne(b => b.Offer).WithMany().HasForeignKey(b => b.OfferId).OnDelete(DeleteBehavior.Cascade);
        booking.HasOne<WelcomeCase>().WithMany().HasForeignKey(b => b.CaseId).OnDelete(DeleteBehavior.Cascade);
        booking.Ignore(b => b.Nights);
        booking.Ignore(b => b.HoldsDates);
    }
}
