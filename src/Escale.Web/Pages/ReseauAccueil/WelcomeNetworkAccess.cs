using System.Security.Claims;
using Escale.Core.Data;
using Escale.Core.Identity;
using Escale.Core.Welcome;
using Escale.Core.WelcomeNetworks;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.ReseauAccueil;

/// <summary>
/// Who may manage what in the welcome network, checked for every structure on the server: administrators and the
/// departmental team manage every structure; a member with the role coordinator and a linked account manages their own.
/// </summary>
public sealed class WelcomeNetworkAccess(EscaleDbContext db, UserManager<ApplicationUser> users)
{
    public async Task<bool> IsManagerAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (user.IsInRole(Roles.Administrator))
        {
            return true;
        }
        var userId = users.GetUserId(user);
        return userId is not null && await db.WelcomeOrganisationMembers
            .AnyAsync(m => m.UserId == userId && m.Organisation!.Kind == WelcomeOrganisationKind.DepartmentalTeam, cancellationToken);
    }

    /// <summary>The structures the person coordinates (every structure is open to a manager, see <see cref="IsManagerAsync"/>).</summary>
    public async Task<IReadOnlyList<int>> CoordinatedAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var userId = users.GetUserId(user);
        return userId is null ? [] : await db.WelcomeStructureMembers
            .Where(m => m.UserId == userId && m.Role == WelcomeMemberRole.Coordinator)
            .Select(m => m.StructureId).ToListAsync(cancellationToken);
    }

    public async Task<bool> CanManageAsync(ClaimsPrincipal user, int structureId, CancellationToken cancellationToken) =>
        await IsManagerAsync(user, cancellationToken) || (await CoordinatedAsync(user, cancellationToken)).Contains(structureId);
}
