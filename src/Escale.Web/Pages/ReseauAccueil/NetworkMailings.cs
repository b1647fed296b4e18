using Escale.Core.Data;
using Escale.Core.WelcomeNetworks;
using Escale.Web.Infrastructure.Links;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.ReseauAccueil;

/// <summary>Who a mailing goes to: every filter left empty widens it; a coordinator's is their structure.</summary>
public sealed record MailingSegment(int? IntercommunalityId, WelcomeStructureKind? Kind, WelcomeMemberRole? Role, int? StructureId);

public enum MailingSendResult
{
    Sent,
    /// <summary>The same form was already sent (double submit): nothing more is sent.</summary>
    AlreadySent,
    NoRecipient,
    /// <summary>The recipients changed since the preview: the sender must look at the new list.</summary>
    RecipientsChanged,
}

/// <summary>
/// Mailings to the members of the welcome network: the recipients of a segment (the preview), and the sending of exactly
/// that list through the e-mail outbox, recorded with each recipient, in one save.
/// </summary>
public sealed class NetworkMailings(EscaleDbContext db, NetworkEmails emails, SiteLinks links, TimeProvider clock)
{
    public async Task<IReadOnlyList<MailingRecipient>> RecipientsAsync(MailingSegment segment, CancellationToken cancellationToken)
    {
        var members = db.WelcomeStructureMembers.AsNoTracking().Where(m => m.Email != null && m.Email != "");
        if (segment.StructureId is { } structure)
        {
            members = members.Where(m => m.StructureId == structure);
        }
        if (segment.IntercommunalityId is { } epci)
        {
            members = members.Where(m => m.Structure!.IntercommunalityId == epci);
        }
        if (segment.Kind is { } kind)
        {
            members = members.Where(m => m.Structure!.Kind == kind);
        }
        if (segment.Role is { } role)
        {
            members = members.Where(m => m.Role == role);
        }
        var rows = await members.Select(m => new MailingRecipient(m.Name, m.Email!, m.UserId)).ToListAsync(cancellationToken);
        return MailingRecipients.Distinct(rows);
    }

    public async Task<(MailingSendResult Result, int? MailingId)> SendAsync(
        MailingSegment segment, string subject, string body, string previewedHash, Guid submissionKey, string? senderUserId, string senderName,
        CancellationToken cancellationToken)
    {
        if (await db.NetworkMailings.Where(m => m.SubmissionKey == submissionKey).Select(m => (int?)m.Id).FirstOrDefaultAsync(cancellationToken) is { } sent)
        {
            return (MailingSendResult.AlreadySent, sent);
        }
        var recipients = await RecipientsAsync(segment, cancellationToken);
        if (recipients.Count == 0)
        {
            return (MailingSendResult.NoRecipient, null);
        }
        if (!string.Equals(MailingRecipients.Hash(recipients), previewedHash, StringComparison.Ordinal))
        {
            return (MailingSendResult.RecipientsChanged, null);
        }
        var mailing = new NetworkMailing
        {
            SubmissionKey = submissionKey,
            Subject = subject,
            Body = body,
            IntercommunalityId = segment.IntercommunalityId,
            StructureKind = segment.Kind,
            Role = segment.Role,
            StructureId = segment.StructureId,
            SenderUserId = senderUserId,
            SenderName = senderName,
            SentAt = clock.GetUtcNow(),
            Recipients = [.. recipients.Select(r => new NetworkMailingRecipient { Name = r.Name, Email = r.Email, UserId = r.UserId })],
        };
        db.NetworkMailings.Add(mailing);
        var link = links.Absolute("/reseau-accueil");
        foreach (var recipient in recipients)
        {
            emails.Mailing(recipient, subject, body, senderName, link);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two submits of the same form at once: the unique key let one through, and its e-mails with it.
            db.ChangeTracker.Clear();
            var first = await db.NetworkMailings.Where(m => m.SubmissionKey == submissionKey).Select(m => (int?)m.Id).FirstOrDefaultAsync(cancellationToken);
            if (first is null)
            {
                throw;
            }
            return (MailingSendResult.AlreadySent, first);
        }
        return (MailingSendResult.Sent, mailing.Id);
    }
}
