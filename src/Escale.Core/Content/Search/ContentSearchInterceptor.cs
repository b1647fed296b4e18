using System.Runtime.CompilerServices;
using Escale.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Escale.Core.Content.Search;

/// <summary>
/// Keeps the search index current from every save that touches an item or its text — edit, publish, withdraw,
/// archive, restore, proposals, seeding — without each page having to remember. A scheduled item is indexed when
/// published and filtered by its PublishAt at query time, so nothing has to run when its time comes.
/// </summary>
public sealed class ContentSearchInterceptor : SaveChangesInterceptor
{
    public static readonly ContentSearchInterceptor Instance = new();

    // One interceptor serves every context: what each context is saving waits here until it has saved.
    private readonly ConditionalWeakTable<DbContext, List<object>> _pending = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        IndexAsync(eventData.Context, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await IndexAsync(eventData.Context, cancellationToken);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Collect(DbContext? context)
    {
        if (context is not EscaleDbContext db)
        {
            return;
        }
        var touched = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                && e.Entity is ContentItem or ContentTranslation)
            .Select(e => e.Entity).ToList();
        if (touched.Count > 0)
        {
            _pending.AddOrUpdate(db, touched);
        }
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            _pending.Remove(context);
        }
    }

    private async Task IndexAsync(DbContext? context, CancellationToken cancellationToken)
    {
        if (context is not EscaleDbContext db || !_pending.TryGetValue(db, out var touched))
        {
            return;
        }
        _pending.Remove(db);
        // Ids read after the save: an added item has one only now.
        var ids = touched.Select(e => e switch
        {
            ContentItem item => item.Id,
            ContentTranslation translation => translation.ContentItemId,
            _ => 0,
        }).Where(id => id != 0).Distinct().ToList();
        await ContentSearchEngines.For(db).IndexAsync(ids, cancellationToken);
    }
}
