using System.Text.Json;
using Escale.Core.Data;
using Escale.Core.Email;

namespace Escale.Web.Infrastructure.Email;

/// <summary>
/// The one way the application sends e-mail: <see cref="Enqueue"/> adds the message to the request's
/// <see cref="EscaleDbContext"/>, so the caller's <c>SaveChanges</c> stores it with the change that causes it
/// (or neither). The <see cref="OutboxWorker"/> sends it right after the commit, and again later if SMTP is down.
/// A flow with nothing else to save calls <c>SaveChangesAsync</c> itself after enqueueing.
/// </summary>
public interface IEmailOutbox
{
    void Enqueue(EmailMessage message);
}

public sealed class EmailOutbox(EscaleDbContext db, OutboxSignal signal, TimeProvider clock) : IEmailOutbox
{
    public void Enqueue(EmailMessage message)
    {
        var now = clock.GetUtcNow();
        db.OutboxEmails.Add(new OutboxEmail
        {
            To = message.To,
            ToName = message.ToName,
            Subject = message.Subject,
            TextBody = message.TextBody,
            HtmlBody = message.HtmlBody,
            HeadersJson = message.Headers is { Count: > 0 } headers ? JsonSerializer.Serialize(headers) : null,
            Status = OutboxEmailStatus.Pending,
            CreatedAt = now,
            NextAttemptAt = now,
        });
        signal.NudgeAfterCommit(db);
    }

    public static EmailMessage ToMessage(OutboxEmail email) => new(
        email.To, email.ToName, email.Subject, email.TextBody, email.HtmlBody,
        email.HeadersJson is null ? null : JsonSerializer.Deserialize<Dictionary<string, string>>(email.HeadersJson));
}
