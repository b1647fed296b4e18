using Escale.Core.Data;
using Escale.Core.Email;
using Escale.Core.Identity;
using Escale.Web.Infrastructure.Jobs;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Compte;

/// <summary>
/// Applies the retention periods the privacy page announces: an account is erased three years after its
/// last sign-in (staff accounts are managed by administrators and kept), an account never confirmed after
/// 30 days, messages sent without an account three years after they were sent, and the outbox's sent e-mails
/// after <see cref="OutboxEmail.SentRetention"/> (30 days).
/// </summary>
public sealed class PersonalDataRetentionJob(EscaleDbContext db, UserManager<ApplicationUser> users, PersonalData personalData, TimeProvider clock)
    : IScheduledJob
{
    public const string Name = "personal-data-retention";
    public static readonly TimeSpan AccountRetention = TimeSpan.FromDays(3 * 365);
    public static readonly TimeSpan UnconfirmedRetention = TimeSpan.FromDays(30);
    private static readonly string[] StaffRoles = [Roles.Administrator, Roles.Editor, Roles.WelcomeReferent, Roles.CommissionMember, Roles.Jury];

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var inactiveSince = now - AccountRetention;
        var unconfirmedSince = now - UnconfirmedRetention;
        var candidates = await db.Users
            .Where(u => (!u.EmailConfirmed && u.CreatedAt < unconfirmedSince)
                || ((u.LastSignInAt ?? u.CreatedAt) < inactiveSince))
            .ToListAsync(cancellationToken);
        foreach (var user in candidates)
        {
            var roles = await users.GetRolesAsync(user);
            if (user.EmailConfirmed && roles.Any(StaffRoles.Contains))
            {
                continue;
            }
            await personalData.EraseAsync(user, cancellationToken);
        }
        await db.OpportunityInterests.Where(i => i.UserId == null && i.CreatedAt < inactiveSince).ExecuteDeleteAsync(cancellationToken);
        await db.TakeoverContactRequests.Where(r => r.UserId == null && r.CreatedAt < inactiveSince).ExecuteDeleteAsync(cancellationToken);
        var sentBefore = now - OutboxEmail.SentRetention;
        await db.OutboxEmails.Where(e => e.Status == OutboxEmailStatus.Sent && e.SentAt < sentBefore).ExecuteDeleteAsync(cancellationToken);
    }
}
