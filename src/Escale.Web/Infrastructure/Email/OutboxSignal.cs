using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Escale.Web.Infrastructure.Email;

/// <summary>
/// Wakes the <see cref="OutboxWorker"/> of this instance as soon as a context that enqueued mail has committed,
/// so that mail leaves at once in the normal case; polling (<c>Email:OutboxPollSeconds</c>) covers the rest
/// (retries, and mail enqueued by another instance).
/// </summary>
public sealed class OutboxSignal
{
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly ConditionalWeakTable<DbContext, object> _waitingForCommit = [];

    public void Nudge() => _wake.Writer.TryWrite(true);

    /// <summary>Returns when nudged or after <paramref name="timeout"/> on <paramref name="clock"/>.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider clock, CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var timer = clock.CreateTimer(_ => wait.Cancel(), null, timeout, Timeout.InfiniteTimeSpan);
        try
        {
            await _wake.Reader.ReadAsync(wait.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }
    }

    internal void NudgeAfterCommit(DbContext context) => _waitingForCommit.AddOrUpdate(context, this);

    internal void Committed(DbContext? context, bool inTransaction)
    {
        if (context is not null && !inTransaction && _waitingForCommit.Remove(context))
        {
            Nudge();
        }
    }

    /// <summary>Calls back on SaveChanges outside a transaction, and on the commit of an explicit transaction.</summary>
    internal sealed class Interceptor(OutboxSignal signal) : SaveChangesInterceptor, IDbTransactionInterceptor
    {
        public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
        {
            signal.Committed(eventData.Context, eventData.Context?.Database.CurrentTransaction is not null);
            return result;
        }

        public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            signal.Committed(eventData.Context, eventData.Context?.Database.CurrentTransaction is not null);
            return ValueTask.FromResult(result);
        }

        public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
            signal.Committed(eventData.Context, inTransaction: false);

        public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            signal.Committed(eventData.Context, inTransaction: false);
            return Task.CompletedTask;
        }
    }
}
