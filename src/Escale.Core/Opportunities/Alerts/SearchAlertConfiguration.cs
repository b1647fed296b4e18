using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Escale.Core.Opportunities.Alerts;

public sealed class SearchAlertConfiguration : IEntityTypeConfiguration<SearchAlert>
{
    public void Configure(EntityTypeBuilder<SearchAlert> builder)
    {
        builder.Property(a => a.Email).HasMaxLength(SearchAlert.EmailMaxLength);
        builder.Property(a => a.QueryString).HasMaxLength(SearchAlert.QueryStringMaxLength);
        builder.Property(a => a.Label).HasMaxLength(SearchAlert.LabelMaxLength);
        builder.Property(a => a.ConfirmationToken).HasMaxLength(SearchAlert.TokenLength);
        builder.Property(a => a.UnsubscribeToken).HasMaxLength(SearchAlert.TokenLength);
        // One alert per address and search, even when the form is sent twice at once.
        builder.HasIndex(a => new { a.Email, a.QueryString }).IsUnique();
        builder.HasIndex(a => a.ConfirmationToken).IsUnique();
        builder.HasIndex(a => a.UnsubscribeToken).IsUnique();
        builder.HasIndex(a => a.ConfirmedAt);
    }
}
