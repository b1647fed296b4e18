using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Escale.Core.Email;

internal sealed class OutboxEmailConfiguration : IEntityTypeConfiguration<OutboxEmail>
{
    public void Configure(EntityTypeBuilder<OutboxEmail> email)
    {
        email.Property(e => e.To).HasMaxLength(OutboxEmail.AddressMaxLength);
        email.Property(e => e.ToName).HasMaxLength(OutboxEmail.NameMaxLength);
        email.Property(e => e.Subject).HasMaxLength(OutboxEmail.SubjectMaxLength);
        email.Property(e => e.LastError).HasMaxLength(OutboxEmail.ErrorMaxLength);
        email.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        // The worker's question: which pending messages are due.
        email.HasIndex(e => new { e.Status, e.NextAttemptAt });
        email.HasIndex(e => e.To);
    }
}
