using System.Globalization;
using System.Text.Encodings.Web;
using Escale.Core.Data;
using Escale.Web.Infrastructure.Email;
using Escale.Web.Infrastructure.Links;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Accueil;

/// <summary>
/// Short e-mails to the referents about something the household or a partner did on a case, with the link to the
/// case file. Queued in the outbox: the caller's <c>SaveChanges</c> sends them with the change they tell about.
/// </summary>
public sealed class ReferentNotices(EscaleDbContext db, IEmailOutbox outbox, SiteLinks links)
{
    public string CaseLink(int caseId) => links.Absolute("/admin/dossiers/" + caseId.ToString(CultureInfo.InvariantCulture));

    /// <summary>To the members following the case for each organisation still on it (the organisation's address when no one is assigned).</summary>
    public async Task ToAssignedReferentsAsync(int caseId, string subject, string text, CancellationToken cancellationToken)
    {
        var assignments = await db.CaseAssignments.Where(a => a.CaseId == caseId && a.EndedAt == null)
            .Select(a => new { a.AssignedUserId, OrganisationEmail = a.Organisation!.Email }).ToListAsync(cancellationToken);
        var userIds = assignments.Where(a => a.AssignedUserId is not null).Select(a => a.AssignedUserId!).Distinct().ToList();
        var addresses = await db.Users.Where(u => userIds.Contains(u.Id) && u.Email != null).Select(u => u.Email!).ToListAsync(cancellationToken);
        addresses.AddRange(assignments.Where(a => a.AssignedUserId is null && a.OrganisationEmail is not null).Select(a => a.OrganisationEmail!));
        foreach (var address in addresses.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            outbox.Enqueue(Message(address, caseId, subject, text));
        }
    }

    /// <summary>To one referent (e.g. the one who drafted a referral); nothing when the account is gone.</summary>
    public async Task ToUserAsync(string? userId, int caseId, string subject, string text, CancellationToken cancellationToken)
    {
        if (userId is null)
        {
            await ToAssignedReferentsAsync(caseId, subject, text, cancellationToken);
            return;
        }
        var address = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken);
        if (address is not null)
        {
            outbox.Enqueue(Message(address, caseId, subject, text));
        }
    }

    private EmailMessage Message(string address, int caseId, string subject, string text)
    {
        var link = CaseLink(caseId);
        var h = HtmlEncoder.Default;
        var body = $"Bonjour,\n\n{text}\n\nLe dossier : {link}\n\n— Escale\n";
        var html = $"<!DOCTYPE html>\n<html lang=\"fr\"><body>\n<p>Bonjour,</p>\n<p>{h.Encode(text)}</p>\n<p><a href=\"{h.Encode(link)}\">Ouvrir le dossier</a></p>\n<p>— Escale</p>\n</body></html>\n";
        return new EmailMessage(address, null, subject + " — Escale", body, html);
    }
}
