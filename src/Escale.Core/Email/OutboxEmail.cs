namespace Escale.Core.Email;

public enum OutboxEmailStatus
{
    Pending,
    Sent,
    Failed,
}

/// <summary>
/// An e-mail waiting to leave, or that left or gave up. Written in the same transaction as the change that causes
/// it, then sent by the outbox worker, which claims a row by setting <see cref="LeaseId"/> and
/// <see cref="LeaseUntil"/> in one conditional UPDATE, so that several instances never send it twice.
/// Once sent, the body is dropped (it may hold a sign-in link) and the row is deleted after <see cref="SentRetention"/>.
/// </summary>
public sealed class OutboxEmail
{
    public const int AddressMaxLength = 256;
    public const int NameMaxLength = 200;
    public const int SubjectMaxLength = 500;
    public const int ErrorMaxLength = 500;

    /// <summary>How long a sent message's recipient, subject and dates stay visible to administrators.</summary>
    public static readonly TimeSpan SentRetention = TimeSpan.FromDays(30);

    /// <summary>The waits after the 1st, 2nd… failed attempt; a failure after the last one marks the message failed.</summary>
    public static readonly IReadOnlyList<TimeSpan> DefaultRetryDelays =
    [
        TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5),
        TimeSpan.FromMinutes(15), TimeSpan.FromHours(1), TimeSpan.FromHours(6),
    ];

    public long Id { get; set; }
    public required string To { get; set; }
    public string? ToName { get; set; }
    public required string Subject { get; set; }
    public required string TextBody { get; set; }
    public required string HtmlBody { get; set; }
    /// <summary>Extra headers (e.g. <c>List-Unsubscribe</c>) as a JSON object, or null.</summary>
    public string? HeadersJson { get; set; }
    public OutboxEmailStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>When the worker may next try (pending messages only).</summary>
    public DateTimeOffset NextAttemptAt { get; set; }
    public int Attempts { get; set; }
    /// <summary>The last failure as the exception type and SMTP status, never an address.</summary>
    public string? LastError { get; set; }
    public DateTimeOffset? LastAttemptAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    /// <summary>The worker run that holds the message, until <see cref="LeaseUntil"/>; after that another may take it.</summary>
    public Guid? LeaseId { get; set; }
    public DateTimeOffset? LeaseUntil { get; set; }

    public void MarkSent(DateTimeOffset now)
    {
        Status = OutboxEmailStatus.Sent;
        SentAt = now;
        LastAttemptAt = now;
        Attempts++;
        TextBody = "";
        HtmlBody = "";
        HeadersJson = null;
        LeaseId = null;
        LeaseUntil = null;
    }

    /// <summary>Waits the next delay of <paramref name="retryDelays"/>, or gives up when they are used up.</summary>
    public void MarkAttemptFailed(DateTimeOffset now, string error, IReadOnlyList<TimeSpan> retryDelays)
    {
        Attempts++;
        LastAttemptAt = now;
        LastError = error.Length > ErrorMaxLength ? error[..ErrorMaxLength] : error;
        LeaseId = null;
        LeaseUntil = null;
        if (Attempts > retryDelays.Count)
        {
            Status = OutboxEmailStatus.Failed;
            return;
        }
        NextAttemptAt = now + retryDelays[Attempts - 1];
    }

    /// <summary>An administrator's "Renvoyer": a failed message gets a fresh series of attempts, starting now.</summary>
    public bool Requeue(DateTimeOffset now)
    {
        if (Status != OutboxEmailStatus.Failed)
        {
            return false;
        }
        Status = OutboxEmailStatus.Pending;
        Attempts = 0;
        NextAttemptAt = now;
        return true;
    }
}
