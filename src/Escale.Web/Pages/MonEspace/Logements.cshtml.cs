using Escale.Core.Data;
using Escale.Core.Identity;
using Escale.Core.Welcome;
using Escale.Core.Welcome.Housing;
using Escale.Web.Infrastructure.Links;
using Escale.Web.Infrastructure.Localization;
using Escale.Web.Pages.Accueil;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.MonEspace;

/// <summary>
/// The household's temporary housing: its requests and bookings (each downloadable as <c>.ics</c>, each cancellable
/// while it holds its dates), and the open offers to request from. Only the household's own bookings are reachable.
/// </summary>
public sealed class LogementsModel(EscaleDbContext db, UserManager<ApplicationUser> users, SiteLinks links, TimeProvider clock) : PageModel
{
    public sealed record Booking(int Id, int OfferId, string Offer, string Commune, DateOnly ArrivalOn, DateOnly DepartureOn, int Persons,
        HousingBookingStatus Status, string? DecidedBy, string? DeclineReason, bool CanCancel);

    public sealed record Offer(int Id, string Title, HousingKind Kind, string Commune, int Capacity, int Price, PricePeriod PricePeriod);

    public IReadOnlyList<Booking> Bookings { get; private set; } = [];

    public IReadOnlyList<Offer> Offers { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var caseId = await db.CaseOf(users.GetUserId(User)).Select(c => (int?)c.Id).FirstOrDefaultAsync(cancellationToken);
        if (caseId is null)
        {
            return Redirect("/mon-espace");
        }
        var today = Today;
        var bookings = await db.HousingBookings.AsNoTracking().Where(b => b.CaseId == caseId).OrderByDescending(b => b.CreatedAt)
            .Select(b => new { b.Id, b.OfferId, b.Offer!.Title, Commune = b.Offer.Commune!.Name, b.ArrivalOn, b.DepartureOn, b.Persons, b.Status, b.DecidedBy, b.DeclineReason })
            .ToListAsync(cancellationToken);
        Bookings = [.. bookings.Select(b => new Booking(b.Id, b.OfferId, b.Title, b.Commune, b.ArrivalOn, b.DepartureOn, b.Persons, b.Status, b.DecidedBy, b.DeclineReason,
            b.Status == HousingBookingStatus.Requested || (b.Status == HousingBookingStatus.Accepted && b.ArrivalOn > today)))];
        Offers = await db.HousingOffers.AsNoTracking().Where(o => !o.Withdrawn && o.Availabilities.Any(a => a.EndOn > today))
            .OrderBy(o => o.Commune!.Name).ThenBy(o => o.Title)
            .Select(o => new Offer(o.Id, o.Title, o.Kind, o.Commune!.Name, o.Capacity, o.Price, o.PricePeriod))
            .ToListAsync(cancellationToken);
        return Page();
    }

    /// <summary>The booking as an iCalendar file, for the household's own agenda.</summary>
    public async Task<IActionResult> OnGetCalendrierAsync(int id, CancellationToken cancellationToken)
    {
        var caseId = await db.CaseOf(users.GetUserId(User)).Select(c => (int?)c.Id).FirstOrDefaultAsync(cancellationToken);
        var stay = await db.HousingBookings.AsNoTracking().Where(b => b.Id == id && caseId != null && b.CaseId == caseId)
            .Select(b => new HousingCalendar.Stay(b.Id, b.Offer!.Title, b.Offer.Address, b.Offer.Commune!.Name, b.Offer.Organisation!.Name,
                b.ArrivalOn, b.DepartureOn, b.Status, b.DecidedAt ?? b.CreatedAt))
            .SingleOrDefaultAsync(cancellationToken);
        if (stay is null)
        {
            return NotFound();
        }
        return File(HousingCalendar.Ics(stay, links), "text/calendar; charset=utf-8", $"logement-{id}.ics");
    }

    public async Task<IActionResult> OnPostAnnulerAsync(int id, CancellationToken cancellationToken)
    {
        var userId = users.GetUserId(User)!;
        var welcomeCase = await db.CaseOf(userId).FirstOrDefaultAsync(cancellationToken);
        var booking = welcomeCase is null ? null
            : await db.HousingBookings.Include(b => b.Offer).SingleOrDefaultAsync(b => b.Id == id && b.CaseId == welcomeCase.Id, cancellationToken);
        if (booking is null)
        {
            return NotFound();
        }
        var now = clock.GetUtcNow();
        if (booking.Cancel(Today, now) is { } refusal)
        {
            TempData["StatusMessage"] = refusal;
            return RedirectToPage();
        }
        welcomeCase!.Record(CaseEventKind.HousingCancelled, welcomeCase.HouseholdActor(userId), now,
            $"{booking.Offer!.Title} {HousingLabels.Dates(booking.ArrivalOn, booking.DepartureOn)}");
        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = "C’est annulé : ces dates sont de nouveau libres.";
        return RedirectToPage();
    }

    private DateOnly Today => DateOnly.FromDateTime(ParisTime.ToLocal(clock.GetUtcNow()));
}
