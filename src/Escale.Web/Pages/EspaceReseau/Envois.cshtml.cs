using Escale.Core.Data;
using Escale.Core.WelcomeNetworks;
using Escale.Web.Pages.ReseauAccueil;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.EspaceReseau;

/// <summary>The record of mailings to the network, newest first, and one mailing with each of its recipients. A coordinator sees their structures' own.</summary>
public sealed class EnvoisModel(EscaleDbContext db, WelcomeNetworkAccess access) : PageModel
{
    public sealed record Row(int Id, string Subject, string SenderName, DateTimeOffset SentAt, int Recipients);

    public IReadOnlyList<Row> Mailings { get; private set; } = [];
    public NetworkMailing? Mailing { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        var manager = await access.IsManagerAsync(User, cancellationToken);
        var coordinated = manager ? null : await access.CoordinatedAsync(User, cancellationToken);
        if (coordinated is { Count: 0 })
        {
            return NotFound();
        }
        var visible = db.NetworkMailings.AsNoTracking().Where(m => coordinated == null || (m.StructureId != null && coordinated.Contains(m.StructureId.Value)));
        if (id is not null)
        {
            Mailing = await visible.Include(m => m.Recipients).FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
            return Mailing is null ? NotFound() : Page();
        }
        Mailings = await visible.OrderByDescending(m => m.SentAt).Take(200)
            .Select(m => new Row(m.Id, m.Subject, m.SenderName, m.SentAt, m.Recipients.Count)).ToListAsync(cancellationToken);
        return Page();
    }
}
