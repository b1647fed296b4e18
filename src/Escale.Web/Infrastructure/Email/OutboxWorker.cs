using System.Net.Sockets;
using Escale.Core.Data;
using Escale.Core.Email;
using MailKit;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Escale.Web.Infrastructure.Email;

/// <summary>The <c>Email</c> section: how the outbox polls and retries.</summary>
public sealed class EmailOutboxSettings
{
    /// <summary>How often each instance looks for due messages when nothing nudged it (retries, other instances' mail).</summary>
    public int OutboxPollSeconds { get; set; } = 30;

    /// <summary>The waits between attempts, in seconds; empty means <see cref="OutboxEmail.DefaultRetryDelays"/>.</summary>
    public int[] OutboxRetrySeconds { get; set; } = [];

    public IReadOnlyList<TimeSpan> RetryDelays => OutboxRetrySeconds.Length == 0
        ? OutboxEmail.DefaultRetryDelays
        : [.. OutboxRetrySeconds.Select(s => TimeSpan.FromSeconds(s))];
}

/// <summary>
/// Sends the outbox, on every instance, each message once: a run claims a few due messages with one conditional
/// UPDATE (pending, due, and not held by a live lease), sends them, and records the outcome. A message held by an
/// instance that died is taken again when its lease expires.
/// </summary>
public sealed partial class OutboxWorker(
    IServiceScopeFactory scopes, OutboxSignal signal, IEmailSender sender, TimeProvider clock,
    IOptions<EmailOutboxSettings> settings, ILogger<OutboxWorker> logger) : BackgroundService
{
    private const int Batch = 5;

    /// <summary>Longer than a batch can take: the SMTP client gives up on a silent server after <see cref="SmtpEmailSender.Timeout"/>.</summary>
    internal static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromSeconds(Math.Max(1, settings.Value.OutboxPollSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SendDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogRunFailed(ex);
            }
            await signal.WaitAsync(poll, clock, stoppingToken);
        }
    }

    /// <summary>Sends every message due now that this instance manages to claim; returns how many were sent.</summary>
    internal async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var sent = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<EscaleDbContext>();
            var claimed = await ClaimAsync(db, cancellationToken);
            if (claimed.Count == 0)
            {
                return sent;
            }
            foreach (var email in claimed)
            {
                sent += await SendOneAsync(db, email, cancellationToken) ? 1 : 0;
            }
        }
    }

    private async Task<List<OutboxEmail>> ClaimAsync(EscaleDbContext db, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await db.OutboxEmails
            .Where(e => e.Status == OutboxEmailStatus.Pending && e.NextAttemptAt <= now && (e.LeaseUntil == null || e.LeaseUntil < now))
            .OrderBy(e => e.NextAttemptAt).ThenBy(e => e.Id).Select(e => e.Id).Take(Batch)
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return [];
        }
        // The conditions are repeated in the UPDATE itself: of two instances that read the same ids, the database
        // lets only the first one's UPDATE match a row (PostgreSQL re-checks them after waiting for the row lock).
        var lease = Guid.NewGuid();
        await db.OutboxEmails
            .Where(e => due.Contains(e.Id) && e.Status == OutboxEmailStatus.Pending && (e.LeaseUntil == null || e.LeaseUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.LeaseId, lease).SetProperty(e => e.LeaseUntil, now + Lease), cancellationToken);
        return await db.OutboxEmails.Where(e => e.LeaseId == lease).OrderBy(e => e.Id).ToListAsync(cancellationToken);
    }

    private async Task<bool> SendOneAsync(EscaleDbContext db, OutboxEmail email, CancellationToken cancellationToken)
    {
        var ok = false;
        try
        {
            await sender.SendAsync(EmailOutbox.ToMessage(email), cancellationToken);
            email.MarkSent(clock.GetUtcNow());
            ok = true;
        }
        catch (Exception ex) when (IsDeliveryFailure(ex))
        {
            email.MarkAttemptFailed(clock.GetUtcNow(), Describe(ex), settings.Value.RetryDelays);
            if (email.Status == OutboxEmailStatus.Failed)
            {
                LogGaveUp(email.Id, email.Attempts, email.LastError!);
            }
            else
            {
                LogWillRetry(email.Id, email.Attempts, email.LastError!, email.NextAttemptAt);
            }
        }
        // Saved with CancellationToken.None: a message handed to SMTP must be recorded as sent even during shutdown.
        await db.SaveChangesAsync(CancellationToken.None);
        return ok;
    }

    private static bool IsDeliveryFailure(Exception ex) =>
        ex is IOException or SocketException or SmtpCommandException or SmtpProtocolException or ServiceNotConnectedException
            or MailKit.Security.AuthenticationException or MailKit.Security.SslHandshakeException or TimeoutException
            or OperationCanceledException { CancellationToken.IsCancellationRequested: false };

    /// <summary>What went wrong, without the address or the server's free text (which may quote the address).</summary>
    internal static string Describe(Exception ex) => ex switch
    {
        SmtpCommandException smtp => $"{nameof(SmtpCommandException)}: SMTP {(int)smtp.StatusCode} ({smtp.ErrorCode})",
        SocketException socket => $"{nameof(SocketException)}: {socket.SocketErrorCode}",
        _ when ex.InnerException is SocketException socket => $"{ex.GetType().Name}: {socket.SocketErrorCode}",
        _ => ex.GetType().Name,
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "E-mail outbox run failed")]
    private partial void LogRunFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox e-mail {EmailId}: attempt {Attempts} failed ({Error}); next attempt at {NextAttemptAt}")]
    private partial void LogWillRetry(long emailId, int attempts, string error, DateTimeOffset nextAttemptAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox e-mail {EmailId}: gave up after {Attempts} attempts ({Error}); an administrator can send it again from /admin/courriels")]
    private partial void LogGaveUp(long emailId, int attempts, string error);
}
