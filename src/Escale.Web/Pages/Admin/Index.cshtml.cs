using Escale.Core.Content;
using Escale.Core.Data;
using Escale.Core.Email;
using Escale.Core.Identity;
using Escale.Core.Opportunities;
using Escale.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Admin;

/// <summary>The back office's front door. The folder's policy (BackOffice) decides who gets here.</summary>
public sealed class IndexModel(EscaleDbContext db, IAuthorizationService authorization) : PageModel
{
    public sealed record RoleCount(string Role, int Users);

    public string? DisplayName { get; private set; }

    public int Communes { get; private set; }

    public int Users { get; private set; }

    public IReadOnlyList<RoleCount> UsersPerRole { get; private set; } = [];

    /// <summary>Proposals and drafts waiting for an editor; null for the staff who do not edit content.</summary>
    public int? ContentsInReview { get; private set; }

    /// <summary>Offers waiting for an editor's approval; null for the staff who do not moderate them.</summary>
    public int? OpportunitiesInReview { get; private set; }

    /// <summary>Outbox messages given up on; null for everyone but administrators, who may resend them.</summary>
    public int? FailedEmails { get; private set; }

    /// <summary>Whether the links to the editors' and administrators' folders lead anywhere for this person.</summary>
    public bool IsEditor { get; private set; }

    public bool IsAdministrator { get; private set; }

    public bool IsWelcomeReferent { get; private set; }

    /// <summary>Whether this person moderates the brand proposals or answers them (the BrandTeam policy).</summary>
    public bool IsBrandTeam { get; private set; }

    /// <summary>Whether this person moderates offers and imports them (the Moderators policy).</summary>
    public bool IsModerator { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var name = User.Identity!.Name;
        DisplayName = await db.Users.Where(u => u.UserName == name).Select(u => u.DisplayName ?? u.UserName).SingleOrDefaultAsync(cancellationToken);
        Communes = await db.Communes.CountAsync(cancellationToken);
        Users = await db.Users.CountAsync(cancellationToken);
        var counts = await db.Roles
            .Select(r => new { r.Name, Users = db.UserRoles.Count(ur => ur.RoleId == r.Id) })
            .ToDictionaryAsync(r => r.Name!, r => r.Users, cancellationToken);
        UsersPerRole = [.. Roles.All.Select(role => new RoleCount(role, counts.GetValueOrDefault(role)))];
        IsEditor = (await authorization.AuthorizeAsync(User, Policies.Editors)).Succeeded;
        IsAdministrator = (await authorization.AuthorizeAsync(User, Policies.Administrators)).Succeeded;
        IsWelcomeReferent = (await authorization.AuthorizeAsync(User, Policies.WelcomeReferents)).Succeeded;
        IsBrandTeam = (await authorization.AuthorizeAsync(User, Policies.BrandTeam)).Succeeded;
        if (IsEditor)
        {
            ContentsInReview = await db.ContentItems.CountAsync(c => c.Status == ContentStatus.InReview, cancellationToken);
        }
        IsModerator = (await authorization.AuthorizeAsync(User, Policies.Moderators)).Succeeded;
        if (IsModerator)
        {
            OpportunitiesInReview = await db.Opportunities.CountAsync(
                o => o.Status == OpportunityStatus.InReview
                    || (o.Status == OpportunityStatus.Published && db.PendingEdits.Any(e => e.OpportunityId == o.Id)), cancellationToken);
        }
        if (IsAdministrator)
        {
            FailedEmails = await db.OutboxEmails.CountAsync(e => e.Status == OutboxEmailStatus.Failed, cancellationToken);
        }
    }
}
