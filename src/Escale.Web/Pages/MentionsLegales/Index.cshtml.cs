using Escale.Core.Data;
using Escale.Core.Territories;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.MentionsLegales;

public sealed class IndexModel(EscaleDbContext db) : PageModel
{
    public sealed record Publisher(LocalizedText Organisation, string Email, string Phone);

    public Publisher Editor { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Editor = await db.Territories.AsNoTracking()
            .Select(t => new Publisher(t.ContactOrganisation, t.ContactEmail, t.ContactPhone))
            .SingleAsync(cancellationToken);
}
