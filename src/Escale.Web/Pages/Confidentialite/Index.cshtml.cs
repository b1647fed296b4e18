using Escale.Core.Data;
using Escale.Core.Territories;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Confidentialite;

public sealed class IndexModel(EscaleDbContext db) : PageModel
{
    public sealed record Controller(LocalizedText Organisation, string Email);

    public Controller DataController { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        DataController = await db.Territories.AsNoTracking()
            .Select(t => new Controller(t.ContactOrganisation, t.ContactEmail))
            .SingleAsync(cancellationToken);
}
