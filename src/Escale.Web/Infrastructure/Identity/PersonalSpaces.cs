using System.Security.Claims;
using Escale.Core.Identity;
using Microsoft.AspNetCore.Authorization;

namespace Escale.Web.Infrastructure.Identity;

/// <summary>
/// The spaces a signed-in person may use, each behind the policy of its folder: listed in the header and on the
/// account page, and the one sign-in leads to when no return address was given.
/// </summary>
public static class PersonalSpaces
{
    public sealed record Space(string Path, string Label);

    public static readonly Space PartnerSpace = new("/espace-partenaire", "Espace partenaire");
    public static readonly Space BackOffice = new("/admin", "Administration");
    public static readonly Space NewcomerSpace = new("/mon-espace", "Mon espace");
    public const string Account = "/compte";

    private static readonly (string Policy, Space Space)[] All =
    [
        (Policies.Partners, PartnerSpace),
        (Policies.BackOffice, BackOffice),
        (Policies.Newcomers, NewcomerSpace),
    ];

    public static async Task<IReadOnlyList<Space>> SpacesOfAsync(this IAuthorizationService authorization, ClaimsPrincipal user)
    {
        var spaces = new List<Space>();
        foreach (var (policy, space) in All)
        {
            if ((await authorization.AuthorizeAsync(user, policy)).Succeeded)
            {
                spaces.Add(space);
            }
        }
        return spaces;
    }

    /// <summary>
    /// Where a person lands after signing in: a partner in the partner space (editors and administrators may look in
    /// there too, but their work is the back office), the programme's staff in the back office, a newcomer whose
    /// welcome case exists in their space; anyone else on their account page.
    /// </summary>
    public static async Task<string> LandingOfAsync(this IAuthorizationService authorization, ClaimsPrincipal user, bool hasWelcomeCase)
    {
        if (user.IsInRole(Roles.Partner))
        {
            return PartnerSpace.Path;
        }
        if ((await authorization.AuthorizeAsync(user, Policies.BackOffice)).Succeeded)
        {
            return BackOffice.Path;
        }
        if (hasWelcomeCase && (await authorization.AuthorizeAsync(user, Policies.Newcomers)).Succeeded)
        {
            return NewcomerSpace.Path;
        }
        return Account;
    }
}
