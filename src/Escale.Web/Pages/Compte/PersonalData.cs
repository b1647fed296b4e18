using Escale.Core.Content;
using Escale.Core.Data;
using Escale.Core.Identity;
using Escale.Core.Opportunities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Compte;

// string.ToUpper() inside these queries is translated to SQL upper() on both databases; the culture-aware
// overloads the analyzers ask for are not translatable.
#pragma warning disable CA1304, CA1311, CA1862

/// <summary>
/// The personal data a person's account and e-mail address are linked to: exported on request, erased on
/// request or when the retention period ends (see the privacy page). Opportunities and stories a person wrote for an
/// organisation stay, without their name.
/// </summary>
public sealed class PersonalData(EscaleDbContext db, UserManager<ApplicationUser> users)
{
    public async Task<object> ExportAsync(ApplicationUser user, CancellationToken cancellationToken)
    {
        var email = Normalize(user.Email);
        var roles = await users.GetRolesAsync(user);
        return new
        {
            Compte = new { user.DisplayName, user.Email, user.EmailConfirmed, user.CreatedAt, user.LastSignInAt, Campagne = user.CampaignCode, PremiereCampagne = user.FirstCampaignCode, Roles = roles },
            IntercommunalitesSuivies = await db.Users.Where(u => u.Id == user.Id).SelectMany(u => u.ReferentIntercommunalities.Select(e => e.Name)).ToListAsync(cancellationToken),
            Organisations = await db.OrganisationMembers.Where(m => m.UserId == user.Id).Select(m => m.Organisation!.Name).ToListAsync(cancellationToken),
            Alertes = await db.SearchAlerts.Where(a => a.Email.ToUpper() == email)
                .Select(a => new { a.Label, a.QueryString, a.CreatedAt, a.ConfirmedAt, a.LastSentAt }).ToListAsync(cancellationToken),
            InteretsPourDesOffres = await db.OpportunityInterests.Where(i => i.UserId == user.Id || i.Email.ToUpper() == email)
                .Select(i => new { Offre = i.Opportunity!.Title, i.Name, i.Email, i.Phone, i.Message, i.ConsentedAt, i.CreatedAt }).ToListAsync(cancellationToken),
            DemandesDeContactReprise = await db.TakeoverContactRequests.Where(r => r.UserId == user.Id || r.Email.ToUpper() == email)
                .Select(r => new { Offre = r.Opportunity!.Title, r.Name, r.Email, r.Phone, r.Message, Statut = r.Status.ToString(), r.CreatedAt, r.DecidedAt }).ToListAsync(cancellationToken),
        };
    }

    /// <summary>Erases the account and everything linked to it or to its address, in one transaction.</summary>
    public async Task EraseAsync(ApplicationUser user, CancellationToken cancellationToken)
    {
        var email = Normalize(user.Email);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SearchAlerts.Where(a => a.Email.ToUpper() == email).ExecuteDeleteAsync(cancellationToken);
        await db.OpportunityInterests.Where(i => i.UserId == user.Id || i.Email.ToUpper() == email).ExecuteDeleteAsync(cancellationToken);
        await db.TakeoverContactRequests.Where(r => r.UserId == user.Id || r.Email.ToUpper() == email).ExecuteDeleteAsync(cancellationToken);
        // Mail to the address, whether waiting, failed or kept as sent: an erased account receives nothing more.
        await db.OutboxEmails.Where(e => e.To.ToUpper() == email).ExecuteDeleteAsync(cancellationToken);
        await db.Opportunities.Where(o => o.SubmittedByUserId == user.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.SubmittedByUserId, (string?)null), cancellationToken);
        // Bypasses UpdatedAtInterceptor on purpose: the author is not shown, so listings, feeds and sitemaps have nothing new.
        await db.ContentItems.Where(c => c.AuthorUserId == user.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.AuthorUserId, (string?)null), cancellationToken);
        await db.ContentRevisions.Where(r => r.AuthorUserId == user.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.AuthorUserId, (string?)null), cancellationToken);
        var result = await users.DeleteAsync(user);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("The account could not be deleted: " + string.Join("; ", result.Errors.Select(e => e.Code)));
        }
        await transaction.CommitAsync(cancellationToken);
    }

    // Addresses are compared as Identity does (upper case); SQL upper() on both databases.
    private static string Normalize(string? email) => (email ?? "").Trim().ToUpperInvariant();
}
