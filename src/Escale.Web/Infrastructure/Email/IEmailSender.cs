namespace Escale.Web.Infrastructure.Email;

/// <summary>
/// A message to one person, with a plain-text body and the same content in HTML, and optional extra headers
/// (e.g. <c>List-Unsubscribe</c> for the alert digests).
/// </summary>
public sealed record EmailMessage(string To, string? ToName, string Subject, string TextBody, string HtmlBody, IReadOnlyDictionary<string, string>? Headers = null);

/// <summary>Sends e-mail. Implementations never log addresses or bodies: they are personal data.</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default);
}
