using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Escale.Core.Data;

/// <summary>A record that says when it last changed (the opportunity search's freshness, content listings, feeds, sitemaps and caches read it).</summary>
public interface IHasUpdatedAt
{
    DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// A row that is part of a <typeparamref name="TParent"/> (a story's translation, a landing page's block): adding,
/// changing or removing it is a change of the parent, whose UpdatedAt moves with it. Its foreign key names the parent.
/// </summary>
#pragma warning disable CA1040 // A marker: the relation it names is the whole of its meaning.
public interface IPartOf<TParent> where TParent : class, IHasUpdatedAt;
#pragma warning restore CA1040

/// <summary>
/// Stamps <see cref="IHasUpdatedAt.UpdatedAt"/> on every save that adds or changes such a record, or adds, changes or
/// removes one of its <see cref="IPartOf{TParent}"/> rows, so that no page, job or importer has to remember it. A value
/// set on purpose wins (demo data and tests that age a record): an added record that already has one, or a changed
/// record whose UpdatedAt was itself changed. Bulk <c>ExecuteUpdate</c> calls bypass interceptors and must set
/// UpdatedAt themselves.
/// </summary>
public sealed class UpdatedAtInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    private static readonly ConcurrentDictionary<Type, Type?> ParentTypes = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context)
        {
            Stamp(context, [.. ChangedParts(context).Select(part => context.Find(part.ParentType, part.ParentKey))]);
        }
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            var parents = new List<object?>();
            foreach (var part in ChangedParts(context))
            {
                // Tracked already in most saves; a block removed on its own loads its page here.
                parents.Add(await context.FindAsync(part.ParentType, part.ParentKey, cancellationToken));
            }
            Stamp(context, parents);
        }
        return result;
    }

    /// <summary>The parents of the parts this save adds, changes or removes; a new parent is left out, as it is stamped as added.</summary>
    private static List<(Type ParentType, object?[] ParentKey)> ChangedParts(DbContext context)
    {
        context.ChangeTracker.DetectChanges();
        var parts = new List<(Type, object?[])>();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)
                || ParentType(entry.Metadata.ClrType) is not { } parentType)
            {
                continue;
            }
            var foreignKey = entry.Metadata.GetForeignKeys().Single(k => k.PrincipalEntityType.ClrType == parentType);
            var key = foreignKey.Properties.Select(p => entry.Property(p.Name)).ToList();
            if (!key.Any(p => p.IsTemporary))
            {
                parts.Add((parentType, [.. key.Select(p => entry.State == EntityState.Deleted ? p.OriginalValue : p.CurrentValue)]));
            }
        }
        return parts;
    }

    private static Type? ParentType(Type type) => ParentTypes.GetOrAdd(type, t => t.GetInterfaces()
        .SingleOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IPartOf<>))?.GetGenericArguments()[0]);

    private void Stamp(DbContext context, IReadOnlyCollection<object?> changedParents)
    {
        var parents = changedParents.OfType<object>().ToHashSet(ReferenceEqualityComparer.Instance);
        var now = clock.GetUtcNow();
        foreach (var entry in context.ChangeTracker.Entries<IHasUpdatedAt>())
        {
            var updatedAt = entry.Property(e => e.UpdatedAt);
            var stamp = entry.State switch
            {
                EntityState.Added => entry.Entity.UpdatedAt == default,
                EntityState.Modified => !updatedAt.IsModified,
                EntityState.Unchanged => parents.Contains(entry.Entity),
                _ => false,
            };
            if (stamp)
            {
                updatedAt.CurrentValue = now;
            }
        }
    }
}
