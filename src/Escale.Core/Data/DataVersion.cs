using System.Runtime.CompilerServices;
using Escale.Core.Calls;
using Escale.Core.Content;
using Escale.Core.Opportunities;
using Escale.Core.WelcomeNetworks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Escale.Core.Data;

/// <summary>
/// A number that moves whenever a save adds, changes or removes one of the watched entities, so that a cache of the pages
/// made of them can key on it and never show a change late. Moves before the save and again after it (a page that read
/// between the two keeps nothing stale). Bulk <c>ExecuteUpdate</c> calls bypass it.
/// </summary>
public abstract class DataVersion(IReadOnlySet<Type> watched) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, object> _saving = [];
    private long _value;

    public long Value => Interlocked.Read(ref _value);

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Saving(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Saving(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Saved(eventData.Context);

    private void Saving(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && watched.Contains(e.Metadata.ClrType)))
        {
            _saving.AddOrUpdate(context, this);
            Interlocked.Increment(ref _value);
        }
    }

    private void Saved(DbContext? context)
    {
        if (context is not null && _saving.Remove(context))
        {
            Interlocked.Increment(ref _value);
        }
    }
}

/// <summary>
/// What the place pages show beside the territory's data: offers, stories and events, welcome structures and their
/// members, newcomer events and their registrations.
/// </summary>
public sealed class PlaceDataVersion() : DataVersion(new HashSet<Type>
{
    typeof(Opportunity), typeof(ContentItem), typeof(ContentTranslation),
    typeof(WelcomeStructure), typeof(WelcomeStructureMember), typeof(NewcomerEvent), typeof(NewcomerEventRegistration),
});

/// <summary>
/// What the public calls' pages show: calls, their prizes and questions, applications with their answers, members and
/// guardians' photo permissions, follow-ups. Kept apart from <see cref="PlaceDataVersion"/> so that a saved draft does
/// not empty the place pages' cache.
/// </summary>
public sealed class CallsDataVersion() : DataVersion(new HashSet<Type>
{
    typeof(CallForProjects), typeof(CallPrize), typeof(CallField), typeof(CallApplication), typeof(ApplicationAnswer),
    typeof(ApplicationMember), typeof(GuardianConsent), typeof(ProjectFollowUp), typeof(FollowUpMilestone), typeof(FollowUpEntry),
});
