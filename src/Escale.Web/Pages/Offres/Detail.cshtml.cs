using System.ComponentModel.DataAnnotations;
using System.Globalization;
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
using Escale.Web.Infrastructure.Security;

namespace Escale.Web.Pages.Offres;

public sealed class DetailModel(EscaleDbContext db, OpportunityEmails emails, TerritoryCatalog catalog, SiteLinks links, TimeProvider clock) : PageModel
{
    /// <summary>A second post of the form by the same address for the same opportunity within this delay is the same interest.</summary>
    public static readonly TimeSpan DuplicateWindow = TimeSpan.FromMinutes(10);

    public const string Thanks = "Merci ! Votre message a bien été transmis. Un courriel de confirmation vient de vous être envoyé.";
    public const string ContactRequestSent = "Merci ! Votre demande de contact a été transmise au cédant. Vous recevrez ses coordonnées par courriel s’il l’accepte.";

    // One check-then-insert at a time, so that two quick posts cannot both pass the duplicate check (one instance;
    // behind several instances a rare double row would remain, which the welcome journey merges by address).
    private static readonly SemaphoreSlim InterestGate = new(1, 1);

    public sealed record View(
        int Id, OpportunityKind Kind, OpportunityStatus Status, string Title, string Slug, string Description,
        int? OrganisationId, string? OrganisationName, string? OrganisationSlug, string? OrganisationWebsite, string? EmployerName,
        string? StreetAddress, string CommuneInsee, string CommuneName, string CommuneSlug, string PostalCodes, string IntercommunalityName, string IntercommunalitySlug,
        string? RomeCode, ContractType? Contract, WorkingTime? WorkingTime, int? SalaryMin, int? SalaryMax, RemoteWork Remote,
        DateOnly? StartDate, bool OpenToDisabledWorkers,
        string? NafCode, int? PriceMin, int? PriceMax, string? TurnoverBand, int? Staff, string? Premises, string? Reason, string? Timeline,
        SupportOrganisation Support, string? SupportOffered, string? HowToApply, string? ApplyUrl, string? ApplyEmail,
        DateOnly? ExpiresOn, DateTimeOffset PublishedAt);

    public View Opportunity { get; private set; } = null!;
    public string? Occupation { get; private set; }
    public string? Activity { get; private set; }
    public bool Gone { get; private set; }
    public string? JsonLd { get; private set; }
    public string CanonicalPath => SiteLinks.OpportunityPath(Opportunity.Id, Opportunity.Slug);

    /// <summary>The absolute address of the page: canonical link, JobPosting <c>url</c>, and the e-mails' link.</summary>
    public string CanonicalUrl => links.Opportunity(Opportunity.Id, Opportunity.Slug);

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
        if (slug != Opportunity.Slug)
        {
            return RedirectPermanent(CanonicalPath);
        }
        if (Opportunity.Kind == OpportunityKind.Job)
        {
            JsonLd = await JobPostingAsync(cancellationToken);
        }
        await FillInSignedInPersonAsync(cancellationToken);
        return Page();
    }

    /// <summary>A signed-in visitor finds the interest or contact form already holding their name and address.</summary>
    private async Task FillInSignedInPersonAsync(CancellationToken cancellationToken)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            return;
        }
        var me = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.DisplayName, u.Email }).SingleOrDefaultAsync(cancellationToken);
        Input.Name = me?.DisplayName ?? "";
        Input.Email = me?.Email ?? "";
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
            if (Opportunity.Kind == OpportunityKind.Job)
            {
                JsonLd = await JobPostingAsync(cancellationToken);
            }
            return Page();
        }

        var now = clock.GetUtcNow();
        var candidate = new OpportunityEmails.Person(Input.Name.Trim(), Input.Email.Trim(), Blank(Input.Phone), Blank(Input.Message));
        var opportunityUrl = CanonicalUrl;
        var campaign = Campagnes.CampaignCookies.LastTouch(Request);
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (Opportunity.Kind == OpportunityKind.Takeover)
        {
            var seller = await db.Opportunities.AsNoTracking().Where(o => o.Id == Opportunity.Id)
                .Select(o => new { o.SellerName, o.SellerEmail }).SingleAsync(cancellationToken);
            await RecordContactRequestAsync(candidate, now, campaign, userId, token =>
            {
                emails.AcknowledgeContactRequest(candidate, Opportunity.Title, opportunityUrl);
                if (!string.IsNullOrEmpty(seller.SellerEmail))
                {
                    var decisionUrl = links.TakeoverDecision(token);
                    emails.AskSeller(seller.SellerEmail, seller.SellerName, candidate, Opportunity.Title, decisionUrl);
                }
            }, cancellationToken);
            StatusMessage = ContactRequestSent;
        }
        else
        {
            var publishers = await PublisherAddressesAsync(cancellationToken);
            var candidatesUrl = Opportunity.OrganisationId is null ? null : links.Absolute($"/espace-partenaire/offres/{Opportunity.Id.ToString(CultureInfo.InvariantCulture)}/candidats");
            await RecordInterestAsync(candidate, now, campaign, userId, () =>
            {
                emails.AcknowledgeInterest(candidate, Opportunity.Title, opportunityUrl);
                foreach (var address in publishers)
                {
                    emails.NotifyPublisher(address, candidate, Opportunity.Title, opportunityUrl, candidatesUrl);
                }
            }, cancellationToken);
            StatusMessage = Thanks;
        }
        return Redirect(CanonicalPath + "#interet");
    }

    /// <summary>Null when the page can be shown; otherwise 404 (never published, or unknown) or the 410 notice.</summary>
    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var opportunity = await db.Opportunities.AsNoTracking().Where(o => o.Id == id)
            .Select(o => new View(
                o.Id, o.Kind, o.Status, o.Title, o.Slug, o.Description,
                o.OrganisationId, o.Organisation!.Name, o.Organisation.Slug, o.Organisation.Website, o.EmployerName,
                o.StreetAddress, o.Commune!.InseeCode, o.Commune.Name, o.Commune.Slug, o.Commune.PostalCodes, o.Commune.Intercommunality!.Name, o.Commune.Intercommunality.Slug,
                o.RomeCode, o.Contract, o.WorkingTime, o.SalaryMin, o.SalaryMax, o.Remote, o.StartDate, o.OpenToDisabledWorkers,
                o.NafCode, o.PriceMin, o.PriceMax, o.TurnoverBand, o.Staff, o.Premises, o.Reason, o.Timeline,
                o.Support, o.SupportOffered, o.HowToApply, o.ApplyUrl, o.ApplyEmail,
                o.ExpiresOn, o.PublishedAt ?? o.UpdatedAt))
            .SingleOrDefaultAsync(cancellationToken);
        if (opportunity is null || opportunity.Status is OpportunityStatus.Draft or OpportunityStatus.InReview or OpportunityStatus.Rejected)
        {
            return NotFound();
        }
        Opportunity = opportunity;
        // The same rule as the search index: an opportunity is gone the day after its expiry date (UTC).
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (opportunity.Status != OpportunityStatus.Published || opportunity.ExpiresOn < today)
        {
            Gone = true;
            Response.StatusCode = StatusCodes.Status410Gone;
            return Page();
        }
        if (opportunity.RomeCode is { } rome)
        {
            Occupation = await db.RomeOccupations.Where(r => r.Code == rome).Select(r => r.Label).FirstOrDefaultAsync(cancellationToken);
        }
        if (opportunity.NafCode is { } naf)
        {
            Activity = await db.NafActivities.Where(n => n.Code == naf).Select(n => n.Label).FirstOrDefaultAsync(cancellationToken);
        }
        return null;
    }

    private async Task<string> JobPostingAsync(CancellationToken cancellationToken)
    {
        var territory = (await catalog.GetAsync(cancellationToken)).Territory;
        return JobPostingJsonLd.Serialize(new JobPostingJsonLd.Input(
            Opportunity.Id, CanonicalUrl, Opportunity.Title, Opportunity.Description, Opportunity.PublishedAt, Opportunity.ExpiresOn,
            Opportunity.OrganisationName ?? Opportunity.EmployerName ?? territory.Name, Opportunity.OrganisationWebsite,
            Opportunity.StreetAddress, Opportunity.PostalCodes.Split(';')[0], Opportunity.CommuneName, territory.Name,
            Opportunity.Contract, Opportunity.WorkingTime, Opportunity.SalaryMin, Opportunity.SalaryMax, Opportunity.Remote, AnsweredOnThePage));
    }

    /// <summary>
    /// Whether a candidate applies on this page: every page that is online has the interest form, but it reaches the
    /// employer only through the offer's application address or its organisation's members (<see cref="PublisherAddressesAsync"/>).
    /// An imported offer with neither is answered where it came from.
    /// </summary>
    private bool AnsweredOnThePage => !string.IsNullOrWhiteSpace(Opportunity.ApplyEmail) || Opportunity.OrganisationId is not null;

    /// <summary>Records the interest and queues its e-mails (<paramref name="notify"/>) in one SaveChanges; nothing when the same interest was just recorded.</summary>
    private async Task RecordInterestAsync(OpportunityEmails.Person candidate, DateTimeOffset now, string? campaign, string? userId, Action notify, CancellationToken cancellationToken)
    {
        await InterestGate.WaitAsync(cancellationToken);
        try
        {
            var since = now - DuplicateWindow;
            if (await db.OpportunityInterests.AnyAsync(i => i.OpportunityId == Opportunity.Id && i.Email == candidate.Email && i.CreatedAt >= since, cancellationToken))
            {
                return;
            }
            db.OpportunityInterests.Add(new OpportunityInterest
            {
                OpportunityId = Opportunity.Id, Name = candidate.Name, Email = candidate.Email, Phone = candidate.Phone, Message = candidate.Message,
                ConsentedAt = now, CreatedAt = now, Source = OpportunityInterest.OpportunitySource, CampaignCode = campaign, FirstCampaignCode = Campagnes.CampaignCookies.FirstTouch(Request), UserId = userId,
            });
            notify();
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            InterestGate.Release();
        }
    }

    /// <summary>Records the request and queues its e-mails (<paramref name="notify"/>, given the seller's token) in one SaveChanges; nothing when the same request was just made.</summary>
    private async Task RecordContactRequestAsync(OpportunityEmails.Person candidate, DateTimeOffset now, string? campaign, string? userId, Action<string> notify, CancellationToken cancellationToken)
    {
        await InterestGate.WaitAsync(cancellationToken);
        try
        {
            var since = now - DuplicateWindow;
            if (await db.TakeoverContactRequests.AnyAsync(r => r.OpportunityId == Opportunity.Id && r.Email == candidate.Email && r.CreatedAt >= since, cancellationToken))
            {
                return;
            }
            var token = LinkTokens.NewToken();
            db.TakeoverContactRequests.Add(new TakeoverContactRequest
            {
                OpportunityId = Opportunity.Id, Name = candidate.Name, Email = candidate.Email, Phone = candidate.Phone, Message = candidate.Message,
                Status = ContactRequestStatus.Pending, TokenHash = LinkTokens.Hash(token), ConsentedAt = now, CreatedAt = now,
                CampaignCode = campaign, FirstCampaignCode = Campagnes.CampaignCookies.FirstTouch(Request), UserId = userId,
            });
            notify(token);
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            InterestGate.Release();
        }
    }

    /// <summary>Who hears of an interest: the offer's application address, else the members of its organisation.</summary>
    private async Task<IReadOnlyList<string>> PublisherAddressesAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(Opportunity.ApplyEmail))
        {
            return [Opportunity.ApplyEmail];
        }
        if (Opportunity.OrganisationId is not { } organisationId)
        {
            return [];
        }
        return await db.OrganisationMembers.Where(m => m.OrganisationId == organisationId)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => u.Email)
            .Where(e => e != null).Select(e => e!).Distinct().ToListAsync(cancellationToken);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
