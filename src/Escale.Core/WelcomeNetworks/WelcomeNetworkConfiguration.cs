using Escale.Core.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Escale.Core.WelcomeNetworks;

internal sealed class WelcomeNetworkConfiguration :
    IEntityTypeConfiguration<WelcomeStructure>, IEntityTypeConfiguration<WelcomeStructureMember>,
    IEntityTypeConfiguration<NewcomerEvent>, IEntityTypeConfiguration<NewcomerEventRegistration>,
    IEntityTypeConfiguration<NetworkMailing>, IEntityTypeConfiguration<NetworkMailingRecipient>
{
    public void Configure(EntityTypeBuilder<WelcomeStructure> structure)
    {
        structure.Property(s => s.Name).HasMaxLength(WelcomeStructure.NameMaxLength);
        structure.Property(s => s.Kind).HasConversion<string>().HasMaxLength(30);
        structure.Property(s => s.Address).HasMaxLength(400);
        structure.Property(s => s.Phone).HasMaxLength(100);
        structure.Property(s => s.Email).HasMaxLength(320);
        structure.Property(s => s.Website).HasMaxLength(500);
        structure.Property(s => s.Description).HasMaxLength(2000);
        structure.Ignore(s => s.FromData);
        structure.HasOne(s => s.Intercommunality).WithMany().HasForeignKey(s => s.IntercommunalityId).OnDelete(DeleteBehavior.Cascade);
        structure.HasOne(s => s.Commune).WithMany().HasForeignKey(s => s.CommuneId).OnDelete(DeleteBehavior.SetNull);
        // A structure made from the data goes with it: an office closed in the data leaves the directory.
        structure.HasOne(s => s.TerritoryService).WithMany().HasForeignKey(s => s.TerritoryServiceId).OnDelete(DeleteBehavior.Cascade);
        structure.HasIndex(s => s.TerritoryServiceId).IsUnique();
        structure.HasOne(s => s.WelcomeOrganisation).WithMany().HasForeignKey(s => s.WelcomeOrganisationId).OnDelete(DeleteBehavior.Cascade);
        structure.HasIndex(s => s.WelcomeOrganisationId).IsUnique();
        // A name is unique in its intercommunality among the structures added by hand: a double submit of the form adds
        // one. Those made from the data are matched on their source and take its names as they are.
        structure.HasIndex(s => new { s.IntercommunalityId, s.Name }).IsUnique()
            .HasFilter("\"TerritoryServiceId\" IS NULL AND \"WelcomeOrganisationId\" IS NULL");
        structure.HasMany(s => s.Members).WithOne(m => m.Structure).HasForeignKey(m => m.StructureId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<WelcomeStructureMember> member)
    {
        member.ToTable("WelcomeStructureMembers");
        member.Property(m => m.Name).HasMaxLength(200);
        member.Property(m => m.Role).HasConversion<string>().HasMaxLength(30);
        member.Property(m => m.Email).HasMaxLength(320);
        member.Property(m => m.Phone).HasMaxLength(100);
        member.HasOne<ApplicationUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        member.HasIndex(m => new { m.UserId, m.Role });
        // One person once per structure: a double submit of the form adds one member.
        member.HasIndex(m => new { m.StructureId, m.Name }).IsUnique();
        member.HasIndex(m => new { m.StructureId, m.UserId }).IsUnique().HasFilter("\"UserId\" IS NOT NULL");
    }

    public void Configure(EntityTypeBuilder<NewcomerEvent> welcomeEvent)
    {
        welcomeEvent.Property(e => e.Title).HasMaxLength(200);
        welcomeEvent.Property(e => e.Description).HasMaxLength(4000);
        welcomeEvent.Property(e => e.Place).HasMaxLength(300);
        welcomeEvent.HasOne(e => e.Structure).WithMany().HasForeignKey(e => e.StructureId).OnDelete(DeleteBehavior.Cascade);
        welcomeEvent.HasOne(e => e.Commune).WithMany().HasForeignKey(e => e.CommuneId).OnDelete(DeleteBehavior.SetNull);
        welcomeEvent.HasIndex(e => e.StartsAt);
        // A double submit of the form makes one event.
        welcomeEvent.HasIndex(e => new { e.StructureId, e.StartsAt, e.Title }).IsUnique();
        welcomeEvent.HasMany(e => e.Registrations).WithOne(r => r.Event).HasForeignKey(r => r.EventId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<NewcomerEventRegistration> registration)
    {
        registration.Property(r => r.Name).HasMaxLength(200);
        registration.Property(r => r.Email).HasMaxLength(320);
        registration.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        // One registration per person and event: a double submit makes one.
        registration.HasIndex(r => new { r.EventId, r.UserId }).IsUnique();
        registration.HasIndex(r => r.UserId);
        registration.HasIndex(r => new { r.EventId, r.Status, r.CreatedAt });
    }

    public void Configure(EntityTypeBuilder<NetworkMailing> mailing)
    {
        mailing.Property(m => m.Subject).HasMaxLength(200);
        mailing.Property(m => m.Body).HasMaxLength(8000);
        mailing.Property(m => m.SenderName).HasMaxLength(200);
        mailing.Property(m => m.StructureKind).HasConversion<string>().HasMaxLength(30);
        mailing.Property(m => m.Role).HasConversion<string>().HasMaxLength(30);
        mailing.HasIndex(m => m.SubmissionKey).IsUnique();
        mailing.HasIndex(m => m.SentAt);
        mailing.HasOne<ApplicationUser>().WithMany().HasForeignKey(m => m.SenderUserId).OnDelete(DeleteBehavior.SetNull);
        mailing.HasOne<WelcomeStructure>().WithMany().HasForeignKey(m => m.StructureId).OnDelete(DeleteBehavior.SetNull);
        mailing.HasMany(m => m.Recipients).WithOne().HasForeignKey(r => r.MailingId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<NetworkMailingRecipient> recipient)
    {
        recipient.Property(r => r.Name).HasMaxLength(200);
        recipient.Property(r => r.Email).HasMaxLength(320);
        recipient.HasIndex(r => r.UserId);
    }
}
