using System.ComponentModel.DataAnnotations;
using Escale.Core.Data;
using Escale.Core.Identity;
using Escale.Core.Welcome;
using Escale.Core.Welcome.Housing;
using Escale.Web.Pages.Accueil;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.EspacePartenaire;

/// <summary>
/// A provider's temporary housing: its organisations' offers and the households' requests on them, which it accepts or
/// declines (the household is told). A provider is a partner organisation; it sees only the requests on its own offers,
/// with the dates and the number of persons, not the household's file.
/// </summary>
public sealed class LogementsModel(EscaleDbContext db, UserManager<ApplicationUser> users, HousingDecisions decisions) : PageModel
{
    public sealed record OfferRow(int Id, int OrganisationId, string Title, HousingKind Kind, string Commune, int Capacity, bool Withdrawn, int Periods);

    public sealed record RequestRow(int Id, int OfferId, string Offer, DateOnly ArrivalOn, DateOnly DepartureOn, int Persons, string? Message,
        HousingBookingStatus Status, DateTimeOffset CreatedAt);

    public sealed record OrganisationRow(int Id, string Name, IReadOnlyList<OfferRow> Offers);

    public IReadOnlyList<OrganisationRow> Organisations { get; private set; } = [];

    public IReadOnlyList<RequestRow> Requests { get; private set; } = [];

    [BindProperty]
    [Display(Name = "Motif du refus (facultatif, lu par le ménage)")]
    [StringLength(2000, ErrorMessage = "Le motif tient en 2 000 caractères au plus.")]
    public string? Reason { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = users.GetUserId(User)!;
        var organisations = await db.OrganisationsOf(userId).OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken);
        var ids = organisations.Select(o => o.Id).ToList();
        var offers = await db.HousingOffers.AsNoTracking().Where(o => ids.Contains(o.OrganisationId)).OrderBy(o => o.Title)
            .Select(o => new OfferRow(o.Id, o.OrganisationId, o.Title, o.Kind, o.Commune!.Name, o.Capacity, o.Withdrawn, o.Availabilities.Count))
            .ToListAsync(cancellationToken);
        Organisations = [.. organisations.Select(o => new OrganisationRow(o.Id, o.Name, [.. offers.Where(f => f.OrganisationId == o.Id)]))];
        Requests = await db.HousingBookingsOf(userId).AsNoTracking()
            .OrderBy(b => b.Status != HousingBookingStatus.Requested).ThenBy(b => b.ArrivalOn)
            .Select(b => new RequestRow(b.Id, b.OfferId, b.Offer!.Title, b.ArrivalOn, b.DepartureOn, b.Persons, b.Message, b.Status, b.CreatedAt))
            .Take(200).ToListAsync(cancellationToken);
    }

    public Task<IActionResult> OnPostAccepterAsync(int id, CancellationToken cancellationToken) => DecideAsync(id, accept: true, cancellationToken);

    public Task<IActionResult> OnPostRefuserAsync(int id, CancellationToken cancellationToken) => DecideAsync(id, accept: false, cancellationToken);

    private async Task<IActionResult> DecideAsync(int id, bool accept, CancellationToken cancellationToken)
    {
        var userId = users.GetUserId(User)!;
        var booking = await db.HousingBookingsOf(userId).Include(b => b.Offer).ThenInclude(o => o!.Organisation).SingleOrDefaultAsync(b => b.Id == id, cancellationToken);
        if (booking is null)
        {
            return NotFound();
        }
        var provider = booking.Offer!.Organisation!.Name;
        var name = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken);
        var refusal = await decisions.DecideAsync(booking, accept, Reason, new CaseActor(userId, $"{name ?? provider} ({provider})"), provider, cancellationToken);
        TempData["StatusMessage"] = refusal ?? (accept
            ? $"Demande acceptée : « {booking.Offer.Title} » {HousingLabels.Dates(booking.ArrivalOn, booking.DepartureOn)}. Le ménage en est informé."
            : $"Demande refusée : les dates de « {booking.Offer.Title} » sont de nouveau libres. Le ménage en est informé.");
        return RedirectToPage();
    }
}
