using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Escale.Core.Jobs;

/// <summary>
/// When a recurring job (daily alert digest, expiry reminders…) may next run. Instances claim a run by
/// moving <see cref="NextRunAt"/> forward in one conditional UPDATE, so with several instances behind a
/// load balancer exactly one of them runs each occurrence.
/// </summary>
public sealed class JobSchedule
{
    public required string Name { get; set; }
    public DateTimeOffset NextRunAt { get; set; }
    public DateTimeOffset? LastStartedAt { get; set; }
    public DateTimeOffset? LastCompletedAt { get; set; }
}

internal sealed class JobScheduleConfiguration : IEntityTypeConfiguration<JobSchedule>
{
    public void Configure(EntityTypeBuilder<JobSchedule> schedule)
    {
        schedule.HasKey(s => s.Name);
        schedule.Property(s => s.Name).HasMaxLength(100);
    }
}
