using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Escale.Core.Data;

/// <summary>A record that says when it last changed (the offer search's freshness, feeds and sitemaps read it).</summary>
public interface IHasUpdatedAt
{
    DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// Stamps <see cref="IHasUpdatedAt.UpdatedAt"/> on every save that adds or changes such a record, so that no page, job or
/// importer has to remember it. A value set on purpose wins (demo data and tests that age a record): an added record
/// that already has one, or a changed record whose UpdatedAt was itself changed. Bulk <c>ExecuteUpdate</c> calls bypass
/// interceptors and must set UpdatedAt themselves.
/// </summary>
public sealed class UpdatedAtInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stamp(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Stamp(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Stamp(DbContext? context)
    {
        if (context is null)
        {
            return;
        }
        context.ChangeTracker.DetectChanges();
        var now = clock.GetUtcNow();
        foreach (var entry in context.ChangeTracker.Entries<IHasUpdatedAt>())
        {
            var updatedAt = entry.Property(e => e.UpdatedAt);
            var stamp = entry.State switch
            {
                EntityState.Added => entry.Entity.UpdatedAt == default,
                EntityState.Modified => !updatedAt.IsModified,
                _ => false,
            };
            if (stamp)
            {
                updatedAt.CurrentValue = now;
            }
        }
    }
}
