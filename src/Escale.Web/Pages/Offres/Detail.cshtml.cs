using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Security.Cryptography;
using Escale.Core.Data;
using Escale.Core.Opportunities;
using Escale.Core.Opportunities.Interest;
using Escale.Web.Infrastructure.Links;
using Escale.Web.Infrastructure.Territory;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Offres;

public sealed class DetailModel(EscaleDbContext db, OfferEmails emails, TerritoryCatalog catalog, SiteLinks links, TimeProvider clock) : PageModel
{
    /// <summary>A second post of the form by the same address for the same offer within this delay is the same interest.</summary>
    public static readonly TimeSpan DuplicateWindow = TimeSpan.FromMinutes(10);

    public const string Thanks = "Merci ! Votre message a bien été transmis. Un courriel de confirmation vient de vous être envoyé.";
    public const string ContactRequestSent = "Merci ! Votre demande de contact a été transmise au cédant. Vous recevrez ses coordonnées par courriel s’il l’accepte.";

    // One check-then-insert at a time, so that two quick posts cannot both pass the duplicate check (one instance;
    // behind several instances a rare double row would remain, which the welcome journey merges by address).
    private static readonly SemaphoreSlim InterestGate = new(1, 1);

    public sealed record View(
        int Id, OpportunityKind Kind, OpportunityStatus Status, string Title, string Slug, string Description,
        int? OrganisationId, string? OrganisationName, string? OrganisationSlug, string? OrganisationWebsite, string? EmployerName,
        string CommuneInsee, string CommuneName, string CommuneSlug, string PostalCodes, string IntercommunalityName, string IntercommunalitySlug,
        string? RomeCode, ContractType? Contract, WorkingTime? WorkingTime, int? SalaryMin, int? SalaryMax, RemoteWork Remote,
        DateOnly? StartDate, bool OpenToDisabledWorkers,
        string? NafCode, int? PriceMin, int? PriceMax, string? TurnoverBand, int? Staff, string? Premises, string? Reason, string? Timeline,
        SupportOrganisation Support, string? SupportOffered, string? HowToApply, string? ApplyUrl, string? ApplyEmail,
        DateOnly? ExpiresOn, DateTimeOffset PublishedAt);

    public View Offer { get; private set; } = null!;
    public string? Occupation { get; private set; }
    public string? Activity { get; private set; }
    public bool Gone { get; private set; }
    public string? JsonLd { get; private set; }
    public string CanonicalPath => SiteLinks.OpportunityPath(Offer.Id, Offer.Slug);

    /// <summary>The absolute address of the page: canonical link, JobPosting <c>url</c>, and the e-mails' link.</summary>
    public string CanonicalUrl => links.Opportunity(Offer.Id, Offer.Slug);

    [TempData]
    public string? StatusMessage { get; set; }

    [BindProperty]
    public InterestInput Input { get; set; } = new();

    public sealed class InterestInput
    {
        [Required(ErrorMessage = "Indiquez votre nom.")]
        [StringLength(200, ErrorMessage = "Le nom ne doit pas dépasser {1} caractères.")]
        [Display(Name = "Nom")]
        public string Name { get; set; } = "";

        [Required(ErrorMessage = "Indiquez votre adresse électronique.")]
        [EmailAddress(ErrorMessage = "Cette adresse électronique n’est pas valide.")]
        [StringLength(256, ErrorMessage = "L’adresse ne doit pas dépasser {1} caractères.")]
        [Display(Name = "Adresse électronique")]
        public string Email { get; set; } = "";

        [StringLength(30, ErrorMessage = "Le numéro ne doit pas dépasser {1} caractères.")]
        [Display(Name = "Téléphone (facultatif)")]
        public string? Phone { get; set; }

        [StringLength(2000, ErrorMessage = "Le message ne doit pas dépasser {1} caractères.")]
        [Display(Name = "Message (facultatif)")]
        public string? Message { get; set; }

        public bool Consent { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id, string? slug, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } outcome)
        {
            return outcome;
        }
        if (slug != Offer.Slug)
        {
            return RedirectPermanent(CanonicalPath);
        }
        if (Offer.Kind == OpportunityKind.Job)
        {
            JsonLd = await JobPostingAsync(cancellationToken);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, string? slug, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } outcome)
        {
            return outcome;
        }
        if (!Input.Consent)
        {
            ModelState.AddModelError("Input.Consent", "Pour envoyer ce message, acceptez que vos coordonnées soient transmises.");
        }
        if (!ModelState.IsValid)
        {
            if (Offer.Kind == OpportunityKind.Job)
            {
                JsonLd = await JobPostingAsync(cancellationToken);
            }
            return Page();
        }

        var now = clock.GetUtcNow();
        var candidate = new OfferEmails.Person(Input.Name.Trim(), Input.Email.Trim(), Blank(Input.Phone), Blank(Input.Message));
        var offerUrl = CanonicalUrl;
        var campaign = Campagnes.CampaignCookies.LastTouch(Request);
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (Offer.Kind == OpportunityKind.Takeover)
        {
            var token = await RecordContactRequestAsync(candidate, now, campaign, userId, cancellationToken);
            if (token is not null)
            {
                await emails.AcknowledgeContactRequestAsync(candidate, Offer.Title, offerUrl, cancellationToken);
                var seller = await db.Opportunities.AsNoTracking().Where(o => o.Id == Offer.Id)
                    .Select(o => new { o.SellerName, o.SellerEmail }).SingleAsync(cancellationToken);
                if (!string.IsNullOrEmpty(seller.SellerEmail))
                {
                    var decisionUrl = links.TakeoverDecision(token);
                    await emails.AskSellerAsync(seller.SellerEmail, seller.SellerName, candidate, Offer.Title, decisionUrl, cancellationToken);
                }
            }
            StatusMessage = ContactRequestSent;
        }
        else
        {
            if (await RecordInterestAsync(candidate, now, campaign, userId, cancellationToken))
            {
                await emails.AcknowledgeInterestAsync(candidate, Offer.Title, offerUrl, cancellationToken);
                foreach (var address in await PublisherAddressesAsync(cancellationToken))
                {
                    await emails.NotifyPublisherAsync(address, candidate, Offer.Title, offerUrl, cancellationToken);
                }
            }
            StatusMessage = Thanks;
        }
        return Redirect(CanonicalPath + "#interet");
    }

    /// <summary>Null when the page can be shown; otherwise 404 (never published, or unknown) or the 410 notice.</summary>
    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var offer = await db.Opportunities.AsNoTracking().Where(o => o.Id == id)
            .Select(o => new View(
                o.Id, o.Kind, o.Status, o.Title, o.Slug, o.Description,
                o.OrganisationId, o.Organisation!.Name, o.Organisation.Slug, o.Organisation.Website, o.EmployerName,
                o.Commune!.InseeCode, o.Commune.Name, o.Commune.Slug, o.Commune.PostalCodes, o.Commune.Intercommunality!.Name, o.Commune.Intercommunality.Slug,
                o.RomeCode, o.Contract, o.WorkingTime, o.SalaryMin, o.SalaryMax, o.Remote, o.StartDate, o.OpenToDisabledWorkers,
                o.NafCode, o.PriceMin, o.PriceMax, o.TurnoverBand, o.Staff, o.Premises, o.Reason, o.Timeline,
                o.Support, o.SupportOffered, o.HowToApply, o.ApplyUrl, o.ApplyEmail,
                o.ExpiresOn, o.PublishedAt ?? o.UpdatedAt))
            .SingleOrDefaultAsync(cancellationToken);
        if (offer is null || offer.Status is OpportunityStatus.Draft or OpportunityStatus.InReview or OpportunityStatus.Rejected)
        {
            return NotFound();
        }
        Offer = offer;
        // The same rule as the search index: an offer is gone the day after its expiry date (UTC).
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (offer.Status != OpportunityStatus.Published || offer.ExpiresOn < today)
        {
            Gone = true;
            Response.StatusCode = StatusCodes.Status410Gone;
            return Page();
        }
        if (offer.RomeCode is { } rome)
        {
            Occupation = await db.RomeOccupations.Where(r => r.Code == rome).Select(r => r.Label).FirstOrDefaultAsync(cancellationToken);
        }
        if (offer.NafCode is { } naf)
        {
            Activity = await db.NafActivities.Where(n => n.Code == naf).Select(n => n.Label).FirstOrDefaultAsync(cancellationToken);
        }
        return null;
    }

    private async Task<string> JobPostingAsync(CancellationToken cancellationToken)
    {
        var territory = (await catalog.GetAsync(cancellationToken)).Territory;
        return JobPostingJsonLd.Serialize(new JobPostingJsonLd.Input(
            Offer.Id, CanonicalUrl, Offer.Title, Offer.Description, Offer.PublishedAt, Offer.ExpiresOn,
            Offer.OrganisationName ?? Offer.EmployerName ?? territory.Name, Offer.OrganisationWebsite,
            Offer.PostalCodes.Split(';')[0], Offer.CommuneName, territory.Name,
            Offer.Contract, Offer.WorkingTime, Offer.SalaryMin, Offer.SalaryMax));
    }

    private async Task<bool> RecordInterestAsync(OfferEmails.Person candidate, DateTimeOffset now, string? campaign, string? userId, CancellationToken cancellationToken)
    {
        await InterestGate.WaitAsync(cancellationToken);
        try
        {
            var since = now - DuplicateWindow;
            if (await db.OpportunityInterests.AnyAsync(i => i.OpportunityId == Offer.Id && i.Email == candidate.Email && i.CreatedAt >= since, cancellationToken))
            {
                return false;
            }
            db.OpportunityInterests.Add(new OpportunityInterest
            {
                OpportunityId = Offer.Id, Name = candidate.Name, Email = candidate.Email, Phone = candidate.Phone, Message = candidate.Message,
                ConsentedAt = now, CreatedAt = now, Source = OpportunityInterest.OfferSource, CampaignCode = campaign, FirstCampaignCode = Campagnes.CampaignCookies.FirstTouch(Request), UserId = userId,
            });
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        finally
        {
            InterestGate.Release();
        }
    }

    /// <summary>The token for the seller's link, or null when the same request was just made.</summary>
    private async Task<string?> RecordContactRequestAsync(OfferEmails.Person candidate, DateTimeOffset now, string? campaign, string? userId, CancellationToken cancellationToken)
    {
        await InterestGate.WaitAsync(cancellationToken);
        try
        {
            var since = now - DuplicateWindow;
            if (await db.TakeoverContactRequests.AnyAsync(r => r.OpportunityId == Offer.Id && r.Email == candidate.Email && r.CreatedAt >= since, cancellationToken))
            {
                return null;
            }
            var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
            db.TakeoverContactRequests.Add(new TakeoverContactRequest
            {
                OpportunityId = Offer.Id, Name = candidate.Name, Email = candidate.Email, Phone = candidate.Phone, Message = candidate.Message,
                Status = ContactRequestStatus.Pending, TokenHash = ContactRequestToken.Hash(token), ConsentedAt = now, CreatedAt = now,
                CampaignCode = campaign, FirstCampaignCode = Campagnes.CampaignCookies.FirstTouch(Request), UserId = userId,
            });
            await db.SaveChangesAsync(cancellationToken);
            return token;
        }
        finally
        {
            InterestGate.Release();
        }
    }

    /// <summary>Who hears of an interest: the offer's application address, else the members of its organisation.</summary>
    private async Task<IReadOnlyList<string>> PublisherAddressesAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(Offer.ApplyEmail))
        {
            return [Offer.ApplyEmail];
        }
        if (Offer.OrganisationId is not { } organisationId)
        {
            return [];
        }
        return await db.OrganisationMembers.Where(m => m.OrganisationId == organisationId)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => u.Email)
            .Where(e => e != null).Select(e => e!).Distinct().ToListAsync(cancellationToken);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
