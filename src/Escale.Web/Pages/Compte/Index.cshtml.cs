using Escale.Core.Data;
using Escale.Core.Identity;
using Escale.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Compte;

public sealed class IndexModel(EscaleDbContext db, UserManager<ApplicationUser> users, IAuthorizationService authorization) : PageModel
{
    public sealed record Account(string Id, string? DisplayName, string Email, IReadOnlyList<string> WelcomeOrganisations);

    public Account Me { get; private set; } = null!;

    public IReadOnlyList<string> Roles { get; private set; } = [];

    public IReadOnlyList<PersonalSpaces.Space> Spaces { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var id = users.GetUserId(User);
        var me = await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new Account(u.Id, u.DisplayName, u.Email!, db.WelcomeOrganisationMembers.Where(m => m.UserId == u.Id).OrderBy(m => m.Organisation!.Name).Select(m => m.Organisation!.Name).ToList()))
            .SingleOrDefaultAsync(cancellationToken);
        if (me is null)
        {
            return Challenge();
        }
        Me = me;
        Spaces = await authorization.SpacesOfAsync(User);
        Roles = [.. await db.UserRoles.Where(r => r.UserId == id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync(cancellationToken)];
        return Page();
    }
}
