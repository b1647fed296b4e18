using System.ComponentModel.DataAnnotations;
using Escale.Core.Data;
using Escale.Core.Identity;
using Escale.Core.Welcome.Housing;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.EspacePartenaire;

/// <summary>
/// Creates a temporary housing offer for one of the person's organisations, or edits one of theirs, and its
/// availability calendar: the periods households may request dates in. An offer of another organisation is a 404.
/// </summary>
public sealed class LogementModel(EscaleDbContext db, UserManager<ApplicationUser> users, TimeProvider clock) : PageModel
{
    /// <summary>The same offer posted again within this window is the same submission, not a second offer.</summary>
    private static readonly TimeSpan DoubleSubmitWindow = TimeSpan.FromMinutes(10);

    public sealed class InputModel
    {
        [Display(Name = "Type de logement")]
        [Required(ErrorMessage = "Choisissez le type de logement.")]
        public HousingKind? Kind { get; set; }

        [Display(Name = "Titre")]
        [Required(ErrorMessage = "Donnez un titre au logement.")]
        [StringLength(200, ErrorMessage = "Le titre tient en 200 caractères au plus.")]
        public string? Title { get; set; }

        [Display(Name = "Description")]
        [Required(ErrorMessage = "Décrivez le logement.")]
        [StringLength(4000, ErrorMessage = "La description tient en 4 000 caractères au plus.")]
        public string? Description { get; set; }

        [Display(Name = "Commune (nom ou code INSEE)")]
        public string? Commune { get; set; }

        [Display(Name = "Adresse")]
        [Required(ErrorMessage = "Indiquez l’adresse.")]
        [StringLength(300, ErrorMessage = "L’adresse tient en 300 caractères au plus.")]
        public string? Address { get; set; }

        [Display(Name = "Capacité (personnes)")]
        [Required(ErrorMessage = "Indiquez combien de personnes le logement accueille.")]
        [Range(1, 50, ErrorMessage = "La capacité va de 1 à 50 personnes.")]
        public int? Capacity { get; set; }

        [Display(Name = "Prix en euros, charges comprises")]
        [Required(ErrorMessage = "Indiquez le prix.")]
        [Range(0, 100000, ErrorMessage = "Le prix va de 0 à 100 000 €.")]
        public int? Price { get; set; }

        [Display(Name = "Le prix est")]
        [Required(ErrorMessage = "Dites si le prix est par nuit, par semaine ou par mois.")]
        public PricePeriod? PricePeriod { get; set; }

        [Display(Name = "Règles de la maison (facultatif)")]
        [StringLength(2000, ErrorMessage = "Les règles tiennent en 2 000 caractères au plus.")]
        public string? Rules { get; set; }

        [Display(Name = "Séjour minimum (nuits)")]
        [Required(ErrorMessage = "Indiquez le séjour minimum.")]
        [Range(1, 365, ErrorMessage = "Le séjour minimum va de 1 à 365 nuits.")]
        public int? MinNights { get; set; } = 1;

        [Display(Name = "Séjour maximum (nuits, facultatif)")]
        [Range(1, 730, ErrorMessage = "Le séjour maximum va de 1 à 730 nuits.")]
        public int? MaxNights { get; set; }
    }

    public sealed class PeriodInput
    {
        [Display(Name = "Disponible à partir du")]
        [Required(ErrorMessage = "Indiquez le premier jour.")]
        public DateOnly? StartOn { get; set; }

        [Display(Name = "Jusqu’au (jour de départ)")]
        [Required(ErrorMessage = "Indiquez le dernier jour de départ.")]
        public DateOnly? EndOn { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public PeriodInput Period { get; set; } = new();

    public int? Id { get; private set; }

    public int OrganisationId { get; private set; }

    public string OrganisationName { get; private set; } = "";

    public IReadOnlyList<HousingAvailability> Periods { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, int? organisation, CancellationToken cancellationToken)
    {
        if (id is null)
        {
            return await NewAsync(organisation, cancellationToken) ? Page() : NotFound();
        }
        var offer = await OfferAsync(id.Value, cancellationToken);
        if (offer is null)
        {
            return NotFound();
        }
        Input = new InputModel
        {
            Kind = offer.Kind, Title = offer.Title, Description = offer.Description, Commune = offer.Commune!.InseeCode, Address = offer.Address,
            Capacity = offer.Capacity, Price = offer.Price, PricePeriod = offer.PricePeriod, Rules = offer.Rules, MinNights = offer.MinNights, MaxNights = offer.MaxNights,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, int? organisation, CancellationToken cancellationToken)
    {
        var offer = id is null ? null : await OfferAsync(id.Value, cancellationToken);
        if (id is null ? !await NewAsync(organisation, cancellationToken) : offer is null)
        {
            return NotFound();
        }
        var (commune, communeError) = await PartnerSpace.FindCommuneAsync(db, Input.Commune, cancellationToken);
        if (communeError is not null)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(InputModel.Commune)}", communeError);
        }
        if (Input.MaxNights is { } max && Input.MinNights is { } min && max < min)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(InputModel.MaxNights)}", "Le séjour maximum ne peut pas être plus court que le minimum.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var now = clock.GetUtcNow();
        var title = Input.Title!.Trim();
        if (offer is null)
        {
            var since = now - DoubleSubmitWindow;
            var twin = await db.HousingOffers.Where(o => o.OrganisationId == OrganisationId && o.Title == title && o.CreatedAt > since)
                .Select(o => (int?)o.Id).FirstOrDefaultAsync(cancellationToken);
            if (twin is not null)
            {
                return Saved(twin.Value, "Logement enregistré : ajoutez ses périodes de disponibilité.");
            }
            offer = new HousingOffer { OrganisationId = OrganisationId, Title = title, Description = "", Address = "", CreatedAt = now };
            db.HousingOffers.Add(offer);
        }
        offer.Kind = Input.Kind!.Value;
        offer.Title = title;
        offer.Description = Input.Description!.Trim();
        offer.CommuneId = commune!.Id;
        offer.Address = Input.Address!.Trim();
        offer.Capacity = Input.Capacity!.Value;
        offer.Price = Input.Price!.Value;
        offer.PricePeriod = Input.PricePeriod!.Value;
        offer.Rules = string.IsNullOrWhiteSpace(Input.Rules) ? null : Input.Rules.Trim();
        offer.MinNights = Input.MinNights!.Value;
        offer.MaxNights = Input.MaxNights;
        await db.SaveChangesAsync(cancellationToken);
        return Saved(offer.Id, id is null ? "Logement enregistré : ajoutez ses périodes de disponibilité." : "Logement enregistré.");
    }

    public async Task<IActionResult> OnPostAjouterPeriodeAsync(int id, [Bind(Prefix = nameof(Period))] PeriodInput period, CancellationToken cancellationToken)
    {
        var offer = await OfferAsync(id, cancellationToken, tracked: true);
        if (offer is null)
        {
            return NotFound();
        }
        Period = period;
        // The offer's own fields are not part of this form (bound with no value, they may even be keyed without their prefix).
        foreach (var key in ModelState.Keys.Where(k => !k.StartsWith(nameof(Period) + ".", StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }
        var today = DateOnly.FromDateTime(Infrastructure.Localization.ParisTime.ToLocal(clock.GetUtcNow()));
        if (ModelState.IsValid && period.EndOn <= period.StartOn)
        {
            ModelState.AddModelError($"{nameof(Period)}.{nameof(PeriodInput.EndOn)}", "Le dernier jour doit suivre le premier.");
        }
        else if (ModelState.IsValid && period.EndOn <= today)
        {
            ModelState.AddModelError($"{nameof(Period)}.{nameof(PeriodInput.EndOn)}", "Cette période est déjà passée.");
        }
        else if (ModelState.IsValid && offer.Availabilities.Any(a => a.StartOn < period.EndOn && period.StartOn < a.EndOn
            && !(a.StartOn == period.StartOn && a.EndOn == period.EndOn)))
        {
            ModelState.AddModelError($"{nameof(Period)}.{nameof(PeriodInput.StartOn)}", "Cette période chevauche une période déjà ouverte : modifiez plutôt celle-ci.");
        }
        if (!ModelState.IsValid)
        {
            Input = new InputModel
            {
                Kind = offer.Kind, Title = offer.Title, Description = offer.Description, Commune = offer.Commune!.InseeCode, Address = offer.Address,
                Capacity = offer.Capacity, Price = offer.Price, PricePeriod = offer.PricePeriod, Rules = offer.Rules, MinNights = offer.MinNights, MaxNights = offer.MaxNights,
            };
            return Page();
        }
        // The same period posted twice is one period.
        if (!offer.Availabilities.Any(a => a.StartOn == period.StartOn && a.EndOn == period.EndOn))
        {
            offer.Availabilities.Add(new HousingAvailability { StartOn = period.StartOn!.Value, EndOn = period.EndOn!.Value });
            await db.SaveChangesAsync(cancellationToken);
        }
        return Saved(id, "Période de disponibilité ajoutée.");
    }

    public async Task<IActionResult> OnPostSupprimerPeriodeAsync(int id, int periodId, CancellationToken cancellationToken)
    {
        var offer = await OfferAsync(id, cancellationToken, tracked: true);
        if (offer is null)
        {
            return NotFound();
        }
        var period = offer.Availabilities.FirstOrDefault(a => a.Id == periodId);
        if (period is not null)
        {
            offer.Availabilities.Remove(period);
            await db.SaveChangesAsync(cancellationToken);
        }
        return Saved(id, "Période retirée : les demandes déjà faites restent à traiter.");
    }

    private RedirectResult Saved(int id, string status)
    {
        TempData["StatusMessage"] = status;
        return Redirect($"/espace-partenaire/logement/{id}");
    }

    private async Task<bool> NewAsync(int? organisation, CancellationToken cancellationToken)
    {
        var owner = await db.OrganisationsOf(users.GetUserId(User)!).Where(o => o.Id == organisation).Select(o => new { o.Id, o.Name }).SingleOrDefaultAsync(cancellationToken);
        if (owner is null)
        {
            return false;
        }
        (OrganisationId, OrganisationName) = (owner.Id, owner.Name);
        return true;
    }

    private async Task<HousingOffer?> OfferAsync(int id, CancellationToken cancellationToken, bool tracked = false)
    {
        var query = db.HousingOffersOf(users.GetUserId(User)!).Include(o => o.Availabilities).Include(o => o.Commune).Include(o => o.Organisation);
        var offer = await (tracked ? query : query.AsNoTracking()).SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (offer is not null)
        {
            Id = offer.Id;
            (OrganisationId, OrganisationName) = (offer.OrganisationId, offer.Organisation!.Name);
            Periods = [.. offer.Availabilities.OrderBy(a => a.StartOn)];
        }
        return offer;
    }
}
