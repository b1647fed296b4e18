using System.ComponentModel.DataAnnotations;
using Escale.Core.Data;
using Escale.Core.Identity;
using Escale.Core.Welcome;
using Escale.Core.Welcome.Housing;
using Escale.Web.Infrastructure.Email;
using Escale.Web.Infrastructure.Links;
using Escale.Web.Infrastructure.Localization;
using Escale.Web.Pages.Accueil;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.MonEspace;

/// <summary>
/// One temporary housing offer, its availability calendar, and the household's request for dates. The rules of
/// <see cref="HousingRequestRules"/> answer beside their field; that the nights are still free is the database's answer
/// (see <see cref="HousingBooking.NoOverlapConstraint"/>), so two simultaneous requests cannot both hold them. The form's
/// one-time key makes a double submit one request.
/// </summary>
public sealed class LogementModel(EscaleDbContext db, UserManager<ApplicationUser> users, IEmailOutbox outbox, SiteLinks links, TimeProvider clock) : PageModel
{
    public sealed class InputModel
    {
        public Guid SubmissionKey { get; set; }

        [Display(Name = "Date d’arrivée")]
        [Required(ErrorMessage = "Indiquez la date d’arrivée.")]
        public DateOnly? ArrivalOn { get; set; }

        [Display(Name = "Date de départ")]
        [Required(ErrorMessage = "Indiquez la date de départ.")]
        public DateOnly? DepartureOn { get; set; }

        [Display(Name = "Nombre de personnes")]
        [Required(ErrorMessage = "Indiquez le nombre de personnes.")]
        public int? Persons { get; set; }

        [Display(Name = "Message à l’hébergeur (facultatif)")]
        [StringLength(2000, ErrorMessage = "Le message tient en 2 000 caractères au plus.")]
        public string? Message { get; set; }
    }

    public sealed record Held(DateOnly ArrivalOn, DateOnly DepartureOn);

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public HousingOffer Offer { get; private set; } = null!;

    public string Provider { get; private set; } = "";

    public string Commune { get; private set; } = "";

    public IReadOnlyList<HousingAvailability> Periods { get; private set; } = [];

    public IReadOnlyList<Held> HeldNights { get; private set; } = [];

    public bool HasCase { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var project = await db.CaseOf(users.GetUserId(User)).AsNoTracking().Select(c => c.Project).FirstOrDefaultAsync(cancellationToken);
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        Input = new InputModel
        {
            SubmissionKey = Guid.NewGuid(),
            Persons = project is null ? null : Math.Min(Offer.Capacity, Math.Max(1, project.Adults.Count + project.ChildrenAges.Count)),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var userId = users.GetUserId(User)!;
        var welcomeCase = await db.CaseOf(userId).FirstOrDefaultAsync(cancellationToken);
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (welcomeCase is null || !welcomeCase.IsOpen)
        {
            ModelState.AddModelError("", "Une demande de logement se fait depuis un dossier d’accueil en cours.");
            return Page();
        }
        if (await db.HousingBookings.AnyAsync(b => b.SubmissionKey == Input.SubmissionKey && b.CaseId == welcomeCase.Id, cancellationToken))
        {
            return Sent();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var now = clock.GetUtcNow();
        var arrival = Input.ArrivalOn!.Value;
        var departure = Input.DepartureOn!.Value;
        foreach (var error in HousingRequestRules.Check(Offer, arrival, departure, Input.Persons!.Value, DateOnly.FromDateTime(ParisTime.ToLocal(now))))
        {
            ModelState.AddModelError($"{nameof(Input)}.{FieldOf(error.Field)}", error.Message);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        db.HousingBookings.Add(new HousingBooking
        {
            OfferId = Offer.Id, CaseId = welcomeCase.Id, SubmissionKey = Input.SubmissionKey, ArrivalOn = arrival, DepartureOn = departure,
            Persons = Input.Persons!.Value, Message = string.IsNullOrWhiteSpace(Input.Message) ? null : Input.Message.Trim(),
            Status = HousingBookingStatus.Requested, CreatedAt = now,
        });
        welcomeCase.Record(CaseEventKind.HousingRequested, welcomeCase.HouseholdActor(userId), now, $"{Offer.Title} {HousingLabels.Dates(arrival, departure)}");
        var email = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).SingleAsync(cancellationToken);
        if (email is not null)
        {
            outbox.Enqueue(HousingEmails.Requested(email, welcomeCase.HouseholdName, Offer.Title, arrival, departure, links.Absolute("/mon-espace/logements")));
        }
        var members = await db.OrganisationMembers.Where(m => m.OrganisationId == Offer.OrganisationId)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.Email, u.DisplayName }).ToListAsync(cancellationToken);
        foreach (var member in members.Where(m => m.Email is not null))
        {
            outbox.Enqueue(HousingEmails.ToProvider(member.Email!, member.DisplayName, Offer.Title, arrival, departure, Input.Persons.Value,
                links.Absolute("/espace-partenaire/logements")));
        }
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.HoldAsync(welcomeCase, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException exception)
        {
            db.ChangeTracker.Clear();
            // A double submit raced with its twin: the first one made the request.
            if (await db.HousingBookings.AnyAsync(b => b.SubmissionKey == Input.SubmissionKey && b.CaseId == welcomeCase.Id, cancellationToken))
            {
                return Sent();
            }
            if (!HousingDecisions.IsOverlap(exception))
            {
                throw;
            }
            ModelState.AddModelError($"{nameof(Input)}.{nameof(InputModel.ArrivalOn)}", HousingRequestRules.DatesTaken);
            await LoadAsync(id, cancellationToken);
            return Page();
        }
        return Sent();
    }

    private RedirectResult Sent()
    {
        TempData["StatusMessage"] = "Votre demande est envoyée : ces dates vous sont réservées en attendant la réponse, que vous recevrez par courriel.";
        return Redirect("/mon-espace/logements");
    }

    private static string FieldOf(HousingRequestField field) => field switch
    {
        HousingRequestField.Arrival => nameof(InputModel.ArrivalOn),
        HousingRequestField.Departure => nameof(InputModel.DepartureOn),
        _ => nameof(InputModel.Persons),
    };

    /// <summary>The offer, its periods still to come and the nights already held; false when there is no such open offer.</summary>
    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(ParisTime.ToLocal(clock.GetUtcNow()));
        var offer = await db.HousingOffers.AsNoTracking().Include(o => o.Availabilities).SingleOrDefaultAsync(o => o.Id == id && !o.Withdrawn, cancellationToken);
        if (offer is null)
        {
            return false;
        }
        Offer = offer;
        HasCase = await db.CaseOf(users.GetUserId(User)).AnyAsync(cancellationToken);
        Provider = await db.Organisations.Where(o => o.Id == offer.OrganisationId).Select(o => o.Name).SingleAsync(cancellationToken);
        Commune = await db.Communes.Where(c => c.Id == offer.CommuneId).Select(c => c.Name).SingleAsync(cancellationToken);
        Periods = [.. offer.Availabilities.Where(a => a.EndOn > today).OrderBy(a => a.StartOn)];
        HeldNights = await db.HousingBookings.AsNoTracking()
            .Where(b => b.OfferId == id && b.DepartureOn > today && (b.Status == HousingBookingStatus.Requested || b.Status == HousingBookingStatus.Accepted))
            .OrderBy(b => b.ArrivalOn).Select(b => new Held(b.ArrivalOn, b.DepartureOn)).ToListAsync(cancellationToken);
        return true;
    }
}
