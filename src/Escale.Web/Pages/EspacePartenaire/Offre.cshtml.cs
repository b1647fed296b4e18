using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Escale.Core.Data;
using Escale.Core.Identity;
using Escale.Core.Opportunities;
using Escale.Core.Territories;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.EspacePartenaire;

/// <summary>
/// Creates or edits an opportunity of one of the partner's organisations. "Enregistrer le brouillon" keeps it private;
/// "Soumettre" sends it to the editors. A published opportunity that is edited goes back to review (and leaves the
/// search until approved): what the public reads has always been read by an editor.
/// </summary>
public sealed partial class OffreModel(EscaleDbContext db, UserManager<ApplicationUser> users, TimeProvider clock) : PageModel
{
    public const string SaveDraft = "brouillon";
    public const string Submit = "soumettre";

    /// <summary>Marks the source reference of an opportunity typed in a form: the form's one-time token makes a double submit create one opportunity.</summary>
    public const string FormReferencePrefix = "formulaire:";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        /// <summary>Issued with the empty form; the unique (source, reference) index turns a second post of it into a no-op.</summary>
        public string? FormToken { get; set; }

        public string? Action { get; set; }

        [Display(Name = "Intitulé")]
        [Required(ErrorMessage = "Indiquez l’intitulé de l’offre.")]
        [StringLength(300, ErrorMessage = "L’intitulé est trop long (300 caractères au plus).")]
        public string? Title { get; set; }

        [Display(Name = "Description")]
        [StringLength(10000, ErrorMessage = "La description est trop longue (10 000 caractères au plus).")]
        public string? Description { get; set; }

        [Display(Name = "Commune (nom ou code INSEE)")]
        public string? Commune { get; set; }

        [Display(Name = "Adresse (rue et numéro)")]
        [StringLength(OpportunityFields.StreetAddressMaxLength, ErrorMessage = "L’adresse est trop longue (200 caractères au plus).")]
        public string? StreetAddress { get; set; }

        [Display(Name = "Code ROME du métier (ex. J1506)")]
        public string? RomeCode { get; set; }

        [Display(Name = "Contrat")]
        public ContractType? Contract { get; set; }

        [Display(Name = "Temps de travail")]
        public WorkingTime? WorkingTime { get; set; }

        [Display(Name = "Salaire annuel brut minimum (€)")]
        [Range(0, 1_000_000, ErrorMessage = "Indiquez un salaire annuel entre 0 et 1 000 000 €.")]
        public int? SalaryMin { get; set; }

        [Display(Name = "Salaire annuel brut maximum (€)")]
        [Range(0, 1_000_000, ErrorMessage = "Indiquez un salaire annuel entre 0 et 1 000 000 €.")]
        public int? SalaryMax { get; set; }

        [Display(Name = "Télétravail")]
        public RemoteWork Remote { get; set; }

        [Display(Name = "Date de prise de poste")]
        public DateOnly? StartDate { get; set; }

        [Display(Name = "Date d’expiration de l’offre")]
        public DateOnly? ExpiresOn { get; set; }

        [Display(Name = "Lien pour candidater")]
        public string? ApplyUrl { get; set; }

        [Display(Name = "Adresse e-mail pour candidater")]
        public string? ApplyEmail { get; set; }

        [Display(Name = "Comment candidater")]
        [StringLength(2000, ErrorMessage = "Ce texte est trop long (2 000 caractères au plus).")]
        public string? HowToApply { get; set; }

        [Display(Name = "Poste ouvert aux travailleurs en situation de handicap")]
        public bool OpenToDisabledWorkers { get; set; }

        [Display(Name = "Code NAF de l’activité (ex. 10.71C)")]
        public string? NafCode { get; set; }

        [Display(Name = "Prix minimum (€)")]
        [Range(0, 100_000_000, ErrorMessage = "Indiquez un prix en euros, positif.")]
        public int? PriceMin { get; set; }

        [Display(Name = "Prix maximum (€)")]
        [Range(0, 100_000_000, ErrorMessage = "Indiquez un prix en euros, positif.")]
        public int? PriceMax { get; set; }

        [Display(Name = "Tranche de chiffre d’affaires")]
        public string? TurnoverBand { get; set; }

        [Display(Name = "Effectif")]
        [Range(0, 10_000, ErrorMessage = "Indiquez un effectif entre 0 et 10 000.")]
        public int? Staff { get; set; }

        [Display(Name = "Locaux")]
        public string? Premises { get; set; }

        [Display(Name = "Motif de la cession")]
        public string? Reason { get; set; }

        [Display(Name = "Échéance souhaitée")]
        public string? Timeline { get; set; }

        [Display(Name = "Organisme d’accompagnement")]
        public SupportOrganisation Support { get; set; }

        [Display(Name = "Nom du cédant")]
        public string? SellerName { get; set; }

        [Display(Name = "E-mail du cédant")]
        public string? SellerEmail { get; set; }

        [Display(Name = "Téléphone du cédant")]
        public string? SellerPhone { get; set; }

        [Display(Name = "Accompagnement proposé (aides, programmes, loyer…)")]
        [StringLength(4000, ErrorMessage = "Ce texte est trop long (4 000 caractères au plus).")]
        public string? SupportOffered { get; set; }
    }

    public int? Id { get; private set; }

    public OpportunityKind Kind { get; private set; }

    public OpportunityStatus? Status { get; private set; }

    public string OrganisationName { get; private set; } = "";

    public string? ModerationNote { get; private set; }

    /// <summary>When the edit now waiting for an editor was sent (the published version stays online meanwhile).</summary>
    public DateTimeOffset? PendingSince { get; private set; }

    [GeneratedRegex(@"^[A-N][0-9]{4}$")]
    private static partial Regex RomeFormat();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailFormat();

    public async Task<IActionResult> OnGetAsync(int? id, int? organisation, OpportunityKind? type, CancellationToken cancellationToken)
    {
        if (id is null)
        {
            if (!await LoadNewAsync(organisation, type, cancellationToken))
            {
                return NotFound();
            }
            Input.FormToken = Guid.NewGuid().ToString("N");
            Input.ExpiresOn = Today.AddMonths(2);
            return Page();
        }
        var opportunity = await db.OpportunitiesOf(UserId).AsNoTracking().Include(o => o.Commune).Include(o => o.Organisation).SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (opportunity is null)
        {
            return NotFound();
        }
        Describe(opportunity);
        // The form shows the edit waiting for an editor, if any: that is what the partner last wrote.
        if (await db.PendingEdits.AsNoTracking().SingleOrDefaultAsync(e => e.OpportunityId == opportunity.Id, cancellationToken) is { } pending)
        {
            var commune = await db.Communes.AsNoTracking().SingleAsync(c => c.Id == pending.CommuneId, cancellationToken);
            pending.ApplyTo(opportunity, commune);
            opportunity.Commune = commune;
            PendingSince = pending.SubmittedAt;
        }
        Input = new InputModel
        {
            Title = opportunity.Title, Description = opportunity.Description, Commune = opportunity.Commune!.Name, StreetAddress = opportunity.StreetAddress, RomeCode = opportunity.RomeCode, Contract = opportunity.Contract,
            WorkingTime = opportunity.WorkingTime, SalaryMin = opportunity.SalaryMin, SalaryMax = opportunity.SalaryMax, Remote = opportunity.Remote, StartDate = opportunity.StartDate,
            ExpiresOn = opportunity.ExpiresOn, ApplyUrl = opportunity.ApplyUrl, ApplyEmail = opportunity.ApplyEmail, HowToApply = opportunity.HowToApply,
            OpenToDisabledWorkers = opportunity.OpenToDisabledWorkers, NafCode = opportunity.NafCode, PriceMin = opportunity.PriceMin, PriceMax = opportunity.PriceMax,
            TurnoverBand = opportunity.TurnoverBand, Staff = opportunity.Staff, Premises = opportunity.Premises, Reason = opportunity.Reason, Timeline = opportunity.Timeline,
            Support = opportunity.Support, SellerName = opportunity.SellerName, SellerEmail = opportunity.SellerEmail, SellerPhone = opportunity.SellerPhone, SupportOffered = opportunity.SupportOffered,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, int? organisation, OpportunityKind? type, CancellationToken cancellationToken)
    {
        Opportunity? opportunity = null;
        Organisation? owner;
        if (id is null)
        {
            if (!await LoadNewAsync(organisation, type, cancellationToken))
            {
                return NotFound();
            }
            owner = await db.OrganisationsOf(UserId).SingleAsync(o => o.Id == organisation, cancellationToken);
            if (Guid.TryParseExact(Input.FormToken, "N", out _) && await AlreadyCreatedAsync(cancellationToken))
            {
                return Done(Input.Title ?? "", OpportunityStatus.InReview);
            }
        }
        else
        {
            opportunity = await db.OpportunitiesOf(UserId).Include(o => o.Organisation).SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
            if (opportunity is null)
            {
                return NotFound();
            }
            owner = opportunity.Organisation!;
            Describe(opportunity);
        }
        var submitting = Input.Action != SaveDraft;
        var (commune, rome) = await ValidateAsync(submitting, cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var now = clock.GetUtcNow();
        if (opportunity is { Status: OpportunityStatus.Published } && submitting)
        {
            // The approved version stays online; the edit waits beside it for an editor.
            var edit = await db.PendingEdits.SingleOrDefaultAsync(e => e.OpportunityId == opportunity.Id, cancellationToken);
            if (edit is null)
            {
                edit = new PendingEdit { OpportunityId = opportunity.Id, FieldsJson = "", DedupKey = "" };
                db.PendingEdits.Add(edit);
            }
            var fields = Fields(owner, rome);
            edit.Set(fields, commune!.Id, rome is null ? null : (rome.DomainCode, rome.GrandDomainCode),
                ManualOpportunity.DedupKey(Kind, owner.Name, fields.Title, commune.InseeCode, fields.Contract), UserId, now);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException) when (db.Entry(edit).State == EntityState.Added)
            {
                // The same edit posted twice at once: the other request stored it.
            }
            TempData["StatusMessage"] = $"La modification de « {fields.Title} » est envoyée à l’équipe Escale. La version publiée reste en ligne jusqu’à ce que la modification soit validée.";
            return RedirectToPage("/EspacePartenaire/Index");
        }
        if (opportunity is null)
        {
            opportunity = new Opportunity
            {
                Kind = Kind, Title = "", Slug = "", DedupKey = "", OrganisationId = owner.Id, CreatedAt = now, Source = OpportunitySource.Manual,
                SourceReference = Guid.TryParseExact(Input.FormToken, "N", out var token) ? FormReferencePrefix + token.ToString("N") : null,
            };
            db.Opportunities.Add(opportunity);
        }
        opportunity.Fill(Fields(owner, rome), rome is null ? null : (rome.DomainCode, rome.GrandDomainCode));
        opportunity.PlaceIn(commune!);
        opportunity.DedupKey = ManualOpportunity.DedupKey(Kind, owner.Name, opportunity.Title, commune!.InseeCode, opportunity.Contract);
        if ((submitting ? opportunity.Submit() : opportunity.KeepAsDraft()) is { } refusal)
        {
            ModelState.AddModelError("", refusal);
            return Page();
        }
        opportunity.SubmittedByUserId = UserId;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (opportunity.Id == 0 && opportunity.SourceReference is not null)
        {
            // The same form posted twice at once: the other request created the opportunity.
            return Done(opportunity.Title, opportunity.Status);
        }
        return Done(opportunity.Title, opportunity.Status);
    }

    private RedirectToPageResult Done(string title, OpportunityStatus status)
    {
        TempData["StatusMessage"] = status == OpportunityStatus.Draft
            ? $"Le brouillon « {title} » est enregistré. Soumettez-le quand il est prêt."
            : $"L’offre « {title} » est envoyée à l’équipe Escale, qui la relit avant publication. Vous recevrez un e-mail.";
        return RedirectToPage("/EspacePartenaire/Index");
    }

    private async Task<bool> AlreadyCreatedAsync(CancellationToken cancellationToken)
    {
        var reference = FormReferencePrefix + Input.FormToken;
        return await db.Opportunities.AnyAsync(o => o.Source == OpportunitySource.Manual && o.SourceReference == reference, cancellationToken);
    }

    private async Task<bool> LoadNewAsync(int? organisation, OpportunityKind? type, CancellationToken cancellationToken)
    {
        if (organisation is null || type is null || !Enum.IsDefined(type.Value))
        {
            return false;
        }
        var name = await db.OrganisationsOf(UserId).Where(o => o.Id == organisation).Select(o => o.Name).SingleOrDefaultAsync(cancellationToken);
        if (name is null)
        {
            return false;
        }
        OrganisationName = name;
        Kind = type.Value;
        return true;
    }

    private void Describe(Opportunity opportunity)
    {
        Id = opportunity.Id;
        Kind = opportunity.Kind;
        Status = opportunity.Status;
        OrganisationName = opportunity.Organisation?.Name ?? "";
        ModerationNote = opportunity.Status == OpportunityStatus.Rejected ? opportunity.ModerationNote : null;
    }

    private async Task<(Commune? Commune, Core.Reference.RomeOccupation? Rome)> ValidateAsync(bool submitting, CancellationToken cancellationToken)
    {
        void Error(string field, string message) => ModelState.AddModelError("Input." + field, message);
        var (commune, communeError) = await PartnerSpace.FindCommuneAsync(db, Input.Commune, cancellationToken);
        if (communeError is not null)
        {
            Error(nameof(Input.Commune), communeError);
        }
        if (Input.ExpiresOn is null && submitting)
        {
            Error(nameof(Input.ExpiresOn), "Indiquez jusqu’à quand l’offre reste en ligne.");
        }
        // Only a job has a start date (Fields drops it for the other kinds).
        var start = Kind == OpportunityKind.Job ? Input.StartDate : null;
        foreach (var problem in OpportunityDates.Check(start, Input.ExpiresOn, Today))
        {
            Error(problem.Field == OpportunityDateField.StartDate ? nameof(Input.StartDate) : nameof(Input.ExpiresOn), problem.Message);
        }
        if (!string.IsNullOrWhiteSpace(Input.ApplyUrl) && !PartnerSpace.IsHttpUrl(Input.ApplyUrl.Trim()))
        {
            Error(nameof(Input.ApplyUrl), "Indiquez une adresse web complète, commençant par https:// ou http://.");
        }
        if (!string.IsNullOrWhiteSpace(Input.ApplyEmail) && !EmailFormat().IsMatch(Input.ApplyEmail.Trim()))
        {
            Error(nameof(Input.ApplyEmail), "Cette adresse e-mail n’est pas valide.");
        }

        Core.Reference.RomeOccupation? rome = null;
        switch (Kind)
        {
            case OpportunityKind.Job:
                var code = Input.RomeCode?.Trim().ToUpperInvariant() ?? "";
                if (code.Length > 0)
                {
                    rome = RomeFormat().IsMatch(code) ? await db.RomeOccupations.FindAsync([code], cancellationToken) : null;
                    if (rome is null)
                    {
                        Error(nameof(Input.RomeCode), $"« {Input.RomeCode} » n’est pas un code ROME connu (une lettre et quatre chiffres, ex. J1506).");
                    }
                }
                else if (submitting)
                {
                    Error(nameof(Input.RomeCode), "Indiquez le code ROME du métier.");
                }
                if (submitting && Input.Contract is null)
                {
                    Error(nameof(Input.Contract), "Choisissez le type de contrat.");
                }
                if (Input.SalaryMin > Input.SalaryMax)
                {
                    Error(nameof(Input.SalaryMax), "Le salaire maximum doit être supérieur ou égal au salaire minimum.");
                }
                if (submitting && string.IsNullOrWhiteSpace(Input.ApplyUrl) && string.IsNullOrWhiteSpace(Input.ApplyEmail) && string.IsNullOrWhiteSpace(Input.HowToApply))
                {
                    Error(nameof(Input.HowToApply), "Indiquez comment candidater : un lien, une adresse e-mail ou des consignes.");
                }
                break;
            case OpportunityKind.Takeover:
                var naf = Input.NafCode?.Trim().ToUpperInvariant().Replace(" ", "", StringComparison.Ordinal) ?? "";
                if (naf.Length == 5 && !naf.Contains('.', StringComparison.Ordinal))
                {
                    naf = naf[..2] + "." + naf[2..];
                }
                Input.NafCode = naf;
                if (naf.Length > 0)
                {
                    if (!await db.NafActivities.AnyAsync(n => n.Code == naf && n.Level == "sous-classe", cancellationToken))
                    {
                        Error(nameof(Input.NafCode), $"« {naf} » n’est pas une sous-classe NAF connue (ex. 10.71C pour une boulangerie).");
                    }
                }
                else if (submitting)
                {
                    Error(nameof(Input.NafCode), "Indiquez le code NAF de l’activité.");
                }
                if (Input.PriceMin > Input.PriceMax)
                {
                    Error(nameof(Input.PriceMax), "Le prix maximum doit être supérieur ou égal au prix minimum.");
                }
                if (!string.IsNullOrWhiteSpace(Input.SellerEmail) && !EmailFormat().IsMatch(Input.SellerEmail.Trim()))
                {
                    Error(nameof(Input.SellerEmail), "Cette adresse e-mail n’est pas valide.");
                }
                break;
            default:
                if (submitting && string.IsNullOrWhiteSpace(Input.SupportOffered))
                {
                    Error(nameof(Input.SupportOffered), "Décrivez l’accompagnement proposé.");
                }
                break;
        }
        return (commune, rome);
    }

    /// <summary>The form's values for this kind of opportunity; fields of other kinds are left empty.</summary>
    private OpportunityFields Fields(Organisation owner, Core.Reference.RomeOccupation? rome)
    {
        static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        var job = Kind == OpportunityKind.Job;
        var takeover = Kind == OpportunityKind.Takeover;
        return new OpportunityFields
        {
            Kind = Kind,
            Title = Input.Title!.Trim(),
            Description = Input.Description?.Trim() ?? "",
            EmployerName = owner.Name,
            EmployerSiret = owner.Siret,
            StreetAddress = takeover ? null : Clean(Input.StreetAddress),
            RomeCode = job ? rome?.Code : null,
            Contract = job ? Input.Contract : Kind == OpportunityKind.HealthInstallation ? ContractType.Liberal : null,
            WorkingTime = job ? Input.WorkingTime : null,
            SalaryMin = job ? Input.SalaryMin : null,
            SalaryMax = job ? Input.SalaryMax : null,
            Remote = job ? Input.Remote : RemoteWork.None,
            StartDate = job ? Input.StartDate : null,
            OpenToDisabledWorkers = job && Input.OpenToDisabledWorkers,
            NafCode = takeover ? Clean(Input.NafCode) : null,
            PriceMin = takeover ? Input.PriceMin : null,
            PriceMax = takeover ? Input.PriceMax : null,
            TurnoverBand = takeover ? Clean(Input.TurnoverBand) : null,
            Staff = takeover ? Input.Staff : null,
            Reason = takeover ? Clean(Input.Reason) : null,
            Timeline = takeover ? Clean(Input.Timeline) : null,
            SellerName = takeover ? Clean(Input.SellerName) : null,
            SellerEmail = takeover ? Clean(Input.SellerEmail) : null,
            SellerPhone = takeover ? Clean(Input.SellerPhone) : null,
            Premises = job ? null : Clean(Input.Premises),
            Support = job ? SupportOrganisation.None : Input.Support,
            SupportOffered = job || takeover ? null : Clean(Input.SupportOffered),
            ApplyUrl = takeover ? null : Clean(Input.ApplyUrl),
            ApplyEmail = takeover ? null : Clean(Input.ApplyEmail),
            HowToApply = takeover ? null : Clean(Input.HowToApply),
            ExpiresOn = Input.ExpiresOn,
        };
    }

    private string UserId => users.GetUserId(User)!;

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
