using Escale.Core.Data;
using Escale.Core.Territories;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Contact;

public sealed class IndexModel(EscaleDbContext db) : PageModel
{
    public sealed record View(string TerritoryName, LocalizedText Organisation, string Email, string Phone, string? PhoneInternational);

    public View Contact { get; private set; } = null!;

    /// <summary>The tel: link wants the international form; without one, the national number without spaces still dials from France.</summary>
    public string TelLink => "tel:" + (Contact.PhoneInternational ?? new string(Contact.Phone.Where(c => char.IsAsciiDigit(c) || c == '+').ToArray()));

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Contact = await db.Territories.AsNoTracking()
            .Select(t => new View(t.Name, t.ContactOrganisation, t.ContactEmail, t.ContactPhone, t.ContactPhoneInternational))
            .SingleAsync(cancellationToken);
}
