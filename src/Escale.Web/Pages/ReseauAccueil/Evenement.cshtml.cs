using System.ComponentModel.DataAnnotations;
using Escale.Core.Data;
using Escale.Core.Identity;
using Escale.Core.WelcomeNetworks;
using Escale.Web.Infrastructure.Links;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.ReseauAccueil;

/// <summary>
/// One newcomer event: its details and seats left; a signed-in person registers (or lands on the waiting list, and is
/// told so), cancels, and downloads the .ics of their registration. Registering asks a visitor to sign in first.
/// </summary>
public sealed class EvenementModel(EscaleDbContext db, UserManager<ApplicationUser> users, NewcomerEventBooking booking, SiteLinks links, TimeProvider clock)
    : PageModel
{
    public sealed class RegisterInput
    {
        [Display(Name = "Nombre de personnes")]
        [Range(1, NewcomerEvent.MaxPersonsPerRegistration, ErrorMessage = "Indiquez un nombre de personnes entre 1 et 10.")]
        public int Persons { get; set; } = 1;
    }

    [BindProperty]
    public RegisterInput Input { get; set; } = new();

    public NewcomerEvent Event { get; private set; } = null!;
    public string StructureName { get; private set; } = "";
    public string? CommuneName { get; private set; }
    public int SeatsLeft { get; private set; }
    public int WaitingCount { get; private set; }
    public NewcomerEventRegistration? Mine { get; private set; }
    public int? MyWaitingPosition { get; private set; }
    public bool IsOpen { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostInscrireAsync(int id, CancellationToken cancellationToken)
    {
        if (users.GetUserId(User) is null)
        {
            return Challenge();
        }
        if (!ModelState.IsValid)
        {
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        var outcome = await booking.RegisterAsync(id, user, Input.Persons, cancellationToken);
        if (outcome.Error is { } error)
        {
            if (!await LoadAsync(id, cancellationToken))
            {
                return NotFound();
            }
            ModelState.AddModelError($"{nameof(Input)}.{nameof(RegisterInput.Persons)}", error);
            return Page();
        }
        TempData["StatusMessage"] = outcome.Registration!.Status == RegistrationStatus.Confirmed
            ? "Votre inscription est confirmée. Un courriel de confirmation vous a été envoyé."
            : "L’événement est complet : vous êtes sur la liste d’attente. Si des places se libèrent, votre inscription sera confirmée automatiquement et nous vous écrirons.";
        return Redirect(NewcomerEventBooking.EventPath(id));
    }

    public async Task<IActionResult> OnPostAnnulerAsync(int id, string? returnUrl, CancellationToken cancellationToken)
    {
        if (users.GetUserId(User) is not { } userId)
        {
            return Challenge();
        }
        if (await booking.CancelAsync(id, userId, cancellationToken))
        {
            TempData["StatusMessage"] = "Votre inscription est annulée.";
        }
        return Redirect(returnUrl is "/mon-espace/evenements" ? returnUrl : NewcomerEventBooking.EventPath(id));
    }

    /// <summary>The .ics of the person's own registration: a signed-in person's, and only theirs.</summary>
    public async Task<IActionResult> OnGetIcsAsync(int id, CancellationToken cancellationToken)
    {
        if (users.GetUserId(User) is not { } userId)
        {
            return Challenge();
        }
        var registration = await db.NewcomerEventRegistrations.AsNoTracking().Include(r => r.Event).ThenInclude(e => e!.Structure)
            .FirstOrDefaultAsync(r => r.EventId == id && r.UserId == userId, cancellationToken);
        if (registration is null)
        {
            return NotFound();
        }
        var bytes = NewcomerEventCalendar.Ics(registration.Event!, registration, registration.Event!.Structure!.Name, links);
        return File(bytes, "text/calendar; charset=utf-8", $"inscription-{id}.ics");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var row = await db.NewcomerEvents.AsNoTracking()
            .Where(e => e.Id == id)
            .Select(e => new { Event = e, Structure = e.Structure!.Name, Commune = e.Commune != null ? e.Commune.Name : null })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return false;
        }
        Event = row.Event;
        StructureName = row.Structure;
        CommuneName = row.Commune;
        IsOpen = Event.StartsAt > clock.GetUtcNow();
        var registrations = await db.NewcomerEventRegistrations.AsNoTracking().Where(r => r.EventId == id)
            .OrderBy(r => r.CreatedAt).ThenBy(r => r.Id)
            .Select(r => new { r.UserId, r.Status, r.Persons }).ToListAsync(cancellationToken);
        SeatsLeft = Math.Max(0, Event.Capacity - registrations.Where(r => r.Status == RegistrationStatus.Confirmed).Sum(r => r.Persons));
        var waiting = registrations.Where(r => r.Status == RegistrationStatus.Waiting).ToList();
        WaitingCount = waiting.Count;
        if (users.GetUserId(User) is { } userId)
        {
            Mine = await db.NewcomerEventRegistrations.AsNoTracking().FirstOrDefaultAsync(r => r.EventId == id && r.UserId == userId, cancellationToken);
            var position = waiting.FindIndex(r => r.UserId == userId);
            MyWaitingPosition = position < 0 ? null : position + 1;
        }
        return true;
    }
}
