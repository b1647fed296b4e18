using Escale.Core.Data;
using Escale.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Admin.Utilisateurs;

public sealed class IndexModel(EscaleDbContext db) : PageModel
{
    public sealed record Row(string Id, string? DisplayName, string? Email, bool EmailConfirmed, IReadOnlyList<string> Roles);

    public IReadOnlyList<Row> Users { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var roles = await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken);
        var byUser = roles.ToLookup(r => r.UserId, r => r.Name!);
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Email)
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.EmailConfirmed })
            .ToListAsync(cancellationToken);
        Users = [.. users.Select(u => new Row(u.Id, u.DisplayName, u.Email, u.EmailConfirmed, [.. byUser[u.Id].Order(StringComparer.Ordinal)]))];
    }
}
