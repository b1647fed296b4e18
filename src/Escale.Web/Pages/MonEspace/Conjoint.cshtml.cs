using System.Globalization;
using Escale.Core.Data;
using Escale.Core.Identity;
using Escale.Core.Welcome;
using Escale.Web.Infrastructure.Email;
using Escale.Web.Infrastructure.Links;
using Escale.Web.Infrastructure.Localization;
using Escale.Web.Pages.Accueil;
using Escale.Web.Pages.MonProjet;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Escale.Web.Pages.MonEspace;

/// <summary>
/// The spouse profile: the household writes the accompanying partner's occupation, experience, availability, wished
/// area, languages, a presentation and a CV; shares it with partner employers until a date it sets (or stops); and
/// answers the employers who ask for an introduction. Only an accepted introduction gives an employer the contact.
/// </summary>
public sealed class ConjointModel(EscaleDbContext db, UserManager<ApplicationUser> users, TimeProvider clock, IStringLocalizer<SharedResource> t,
    IEmailOutbox outbox, SiteLinks links, ReferentNotices notices) : PageModel
{
    public sealed class ProfileInput
    {
        public int AdultIndex { get; set; }
        public string? OccupationQuery { get; set; }
        public string? RomeCode { get; set; }
        public int? ExperienceYears { get; set; }
        public DateOnly? AvailableOn { get; set; }
        public List<int> IntercommunalityIds { get; set; } = [];
        public List<int> CommuneIds { get; set; } = [];
        public int? DistanceKm { get; set; }
        public List<string> Languages { get; set; } = [];
        public string? Presentation { get; set; }
    }

    public sealed record Choice(int Id, string Name);
    public sealed record Occupation(string Code, string Label);
    public sealed record Introduction(int Id, string Partner, string Message, IntroductionStatus Status, DateTimeOffset RequestedAt);

    [BindProperty]
    public ProfileInput Input { get; set; } = new();

    [BindProperty]
    public IFormFile? Cv { get; set; }

    /// <summary>The button pressed in the profile form: « search » (the occupation) or « save ».</summary>
    [BindProperty]
    public string? Go { get; set; }

    [BindProperty]
    public DateOnly? SharedUntil { get; set; }

    [BindProperty]
    public bool ConsentSharing { get; set; }

    public bool HasProfile { get; private set; }
    public DateOnly? SharingUntil { get; private set; }
    public DateTimeOffset? SharingConsentedAt { get; private set; }
    public bool IsShared { get; private set; }
    public string? CvFileName { get; private set; }
    public IReadOnlyList<string> AdultNames { get; private set; } = [];
    public IReadOnlyList<Choice> Intercommunalities { get; private set; } = [];
    public IReadOnlyList<Choice> Communes { get; private set; } = [];
    public IReadOnlyList<Occupation> Occupations { get; private set; } = [];
    public IReadOnlyList<Introduction> Introductions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var welcomeCase = await db.CaseOf(users.GetUserId(User)).AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        if (welcomeCase is null)
        {
            return Redirect("/mon-espace");
        }
        var profile = await db.SpouseProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.CaseId == welcomeCase.Id, cancellationToken);
        if (profile is not null)
        {
            Input = new ProfileInput
            {
                AdultIndex = profile.AdultIndex, RomeCode = profile.RomeCode, ExperienceYears = profile.ExperienceYears, AvailableOn = profile.AvailableOn,
                IntercommunalityIds = [.. profile.IntercommunalityIds], CommuneIds = [.. profile.CommuneIds], DistanceKm = profile.DistanceKm,
                Languages = [.. profile.Languages], Presentation = profile.Presentation,
            };
            SharedUntil = profile.SharedUntil;
        }
        else
        {
            // The accompanying partner is most often the second adult; the household changes it if not.
            var adult = welcomeCase.Project.Adults.Count > 1 ? 1 : 0;
            Input = new ProfileInput
            {
                AdultIndex = adult,
                RomeCode = welcomeCase.Project.Adults.ElementAtOrDefault(adult)?.RomeCode,
                ExperienceYears = welcomeCase.Project.Adults.ElementAtOrDefault(adult)?.ExperienceYears,
                Languages = ["fr"],
            };
        }
        await LoadAsync(welcomeCase, profile, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var userId = users.GetUserId(User)!;
        var welcomeCase = await db.CaseOf(userId).FirstOrDefaultAsync(cancellationToken);
        if (welcomeCase is null)
        {
            return Redirect("/mon-espace");
        }
        var profile = await db.SpouseProfiles.FirstOrDefaultAsync(p => p.CaseId == welcomeCase.Id, cancellationToken);
        var searched = Array.Empty<Occupation>();
        if (Go == "search")
        {
            var query = Input.OccupationQuery?.Trim() ?? "";
            if (query.Length < 2)
            {
                ModelState.AddModelError("Input.OccupationQuery", t[RomeSearch.TooShortMessage]);
            }
            else
            {
                searched = [.. (await RomeSearch.FindAsync(db, query, cancellationToken)).Select(r => new Occupation(r.Code, r.Label))];
                if (searched.Length == 0)
                {
                    ModelState.AddModelError("Input.OccupationQuery", t[RomeSearch.NothingFoundMessage]);
                }
            }
            await LoadAsync(welcomeCase, profile, cancellationToken, searched);
            return Page();
        }

        await ValidateAsync(welcomeCase, cancellationToken);
        await using var cv = new MemoryStream();
        DocumentKind? cvKind = null;
        if (Cv is not null)
        {
            if (Cv.Length <= DocumentTypes.CvMaxBytes)
            {
                await Cv.CopyToAsync(cv, cancellationToken);
                cv.Position = 0;
            }
            if (DocumentTypes.CvRefusal(cv, Cv.Length) is { } refusal)
            {
                ModelState.AddModelError(nameof(Cv), t[refusal]);
            }
            else
            {
                cvKind = DocumentTypes.Detect(cv);
            }
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(welcomeCase, profile, cancellationToken);
            return Page();
        }

        var now = clock.GetUtcNow();
        if (profile is null)
        {
            profile = new SpouseProfile { CaseId = welcomeCase.Id, CreatedAt = now };
            db.SpouseProfiles.Add(profile);
        }
        profile.AdultIndex = Input.AdultIndex;
        profile.RomeCode = Input.RomeCode;
        profile.ExperienceYears = Input.ExperienceYears;
        profile.AvailableOn = Input.AvailableOn;
        profile.IntercommunalityIds = [.. Input.IntercommunalityIds.Distinct().Order()];
        profile.CommuneIds = [.. Input.CommuneIds.Distinct().Order()];
        profile.DistanceKm = Input.DistanceKm;
        profile.Languages = [.. SpouseLanguages.All.Select(l => l.Code).Where(Input.Languages.Contains)];
        profile.Presentation = string.IsNullOrWhiteSpace(Input.Presentation) ? null : Input.Presentation.Trim();
        if (cvKind is { } kind)
        {
            var name = DocumentsModel.FileNameFor(Cv!.FileName, kind);
            var document = new CaseDocument
            {
                FileName = name, ContentType = kind.ContentType(), SizeBytes = cv.Length, Content = cv.ToArray(),
                FromHousehold = true, UploadedByUserId = userId, UploadedAt = now,
            };
            welcomeCase.Documents.Add(document);
            welcomeCase.Record(CaseEventKind.DocumentAdded, welcomeCase.HouseholdActor(userId), now, name);
            var previous = profile.CvDocumentId;
            await db.SaveChangesAsync(cancellationToken);
            profile.CvDocumentId = document.Id;
            if (previous is { } old)
            {
                // The CV replaced goes: an employer never downloads an outdated one.
                await db.CaseDocuments.Where(d => d.Id == old && d.CaseId == welcomeCase.Id).ExecuteDeleteAsync(cancellationToken);
            }
        }
        welcomeCase.Record(CaseEventKind.ProjectEdited, welcomeCase.HouseholdActor(userId), now, "Profil du conjoint");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (profile.Id == 0)
        {
            // A double submit made the profile first: the household's next save edits it.
            TempData["StatusMessage"] = "Le profil a déjà été enregistré : vérifiez-le ci-dessous.";
            return RedirectToPage();
        }
        TempData["StatusMessage"] = "Le profil est enregistré.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostShareAsync(CancellationToken cancellationToken)
    {
        var userId = users.GetUserId(User)!;
        var welcomeCase = await db.CaseOf(userId).FirstOrDefaultAsync(cancellationToken);
        var profile = welcomeCase is null ? null : await db.SpouseProfiles.FirstOrDefaultAsync(p => p.CaseId == welcomeCase.Id, cancellationToken);
        if (profile is null)
        {
            return Redirect("/mon-espace/conjoint");
        }
        var now = clock.GetUtcNow();
        if (SharedUntil is null)
        {
            ModelState.AddModelError(nameof(SharedUntil), t["Indiquez jusqu’à quelle date partager ce profil."]);
        }
        else if (!ConsentSharing)
        {
            ModelState.AddModelError(nameof(ConsentSharing), t["Cochez la case pour accepter ce partage."]);
        }
        else if (profile.Share(SharedUntil.Value, Today(now), now) is { } refusal)
        {
            ModelState.AddModelError(nameof(SharedUntil), t[refusal]);
        }
        if (!ModelState.IsValid)
        {
            Input = InputOf(profile);
            await LoadAsync(welcomeCase!, profile, cancellationToken);
            return Page();
        }
        welcomeCase!.Record(CaseEventKind.SpouseProfileShared, welcomeCase.HouseholdActor(userId), now, SharedUntil!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = "Le profil est partagé avec les employeurs partenaires, sans votre nom ni votre contact.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostStopSharingAsync(CancellationToken cancellationToken)
    {
        var userId = users.GetUserId(User)!;
        var welcomeCase = await db.CaseOf(userId).FirstOrDefaultAsync(cancellationToken);
        var profile = welcomeCase is null ? null : await db.SpouseProfiles.FirstOrDefaultAsync(p => p.CaseId == welcomeCase.Id, cancellationToken);
        if (profile is null)
        {
            return NotFound();
        }
        var now = clock.GetUtcNow();
        // Stopping twice says the same: the household's wish holds.
        if (profile.StopSharing(now) is null)
        {
            welcomeCase!.Record(CaseEventKind.SpouseProfileSharingStopped, welcomeCase.HouseholdActor(userId), now);
            await db.SaveChangesAsync(cancellationToken);
        }
        TempData["StatusMessage"] = "Le profil n’est plus partagé : les employeurs ne le trouvent plus.";
        return RedirectToPage();
    }

    public Task<IActionResult> OnPostAcceptAsync(int id, CancellationToken cancellationToken) => AnswerAsync(id, accept: true, cancellationToken);

    public Task<IActionResult> OnPostRefuseAsync(int id, CancellationToken cancellationToken) => AnswerAsync(id, accept: false, cancellationToken);

    /// <summary>The household's own CV, never kept by a browser or a proxy.</summary>
    public async Task<IActionResult> OnGetCvAsync(CancellationToken cancellationToken)
    {
        var caseId = await db.CaseOf(users.GetUserId(User)).Select(c => (int?)c.Id).FirstOrDefaultAsync(cancellationToken);
        var document = caseId is null ? null : await db.SpouseProfiles.Where(p => p.CaseId == caseId)
            .Join(db.CaseDocuments, p => p.CvDocumentId, d => d.Id, (p, d) => d).AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        if (document is null)
        {
            return NotFound();
        }
        Response.Headers.CacheControl = "no-store";
        return File(document.Content, document.ContentType, document.FileName);
    }

    private async Task<IActionResult> AnswerAsync(int id, bool accept, CancellationToken cancellationToken)
    {
        var userId = users.GetUserId(User)!;
        var welcomeCase = await db.CaseOf(userId).FirstOrDefaultAsync(cancellationToken);
        var introduction = welcomeCase is null ? null : await db.SpouseIntroductions.Include(i => i.PartnerOrganisation)
            .SingleOrDefaultAsync(i => i.Id == id && i.SpouseProfile!.CaseId == welcomeCase.Id, cancellationToken);
        if (introduction is null)
        {
            return NotFound();
        }
        var now = clock.GetUtcNow();
        if ((accept ? introduction.Accept(now) : introduction.Refuse(now)) is { } refusal)
        {
            TempData["StatusMessage"] = refusal;
            return RedirectToPage();
        }
        var partner = introduction.PartnerOrganisation!.Name;
        welcomeCase!.Record(accept ? CaseEventKind.SpouseIntroductionAccepted : CaseEventKind.SpouseIntroductionRefused, welcomeCase.HouseholdActor(userId), now, partner);
        var household = await db.Users.Where(u => u.Id == userId).Select(u => new { u.Email, u.DisplayName }).SingleAsync(cancellationToken);
        if (household.Email is not null)
        {
            outbox.Enqueue(SpouseEmails.IntroductionAnswered(household.Email, welcomeCase.HouseholdName, partner, accept, links.Absolute("/mon-espace/conjoint")));
        }
        var employer = await db.Users.Where(u => u.Id == introduction.RequestedByUserId).Select(u => new { u.Email, u.DisplayName }).SingleOrDefaultAsync(cancellationToken);
        if (employer?.Email is not null)
        {
            outbox.Enqueue(SpouseEmails.AnswerToEmployer(employer.Email, employer.DisplayName, accept,
                links.Absolute("/espace-partenaire/profils-conjoints/" + introduction.SpouseProfileId.ToString(CultureInfo.InvariantCulture))));
        }
        await notices.ToAssignedReferentsAsync(welcomeCase.Id,
            accept ? "Mise en relation avec un employeur acceptée" : "Mise en relation avec un employeur refusée",
            accept
                ? $"{welcomeCase.HouseholdName} accepte la mise en relation demandée par {partner} pour le profil du conjoint : l’employeur voit maintenant son contact."
                : $"{welcomeCase.HouseholdName} refuse la mise en relation demandée par {partner} pour le profil du conjoint : rien ne lui est transmis.",
            cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = accept
            ? "Merci : l’employeur voit maintenant votre contact et votre CV."
            : "C’est noté : rien n’est transmis à cet employeur.";
        return RedirectToPage();
    }

    private async Task ValidateAsync(WelcomeCase welcomeCase, CancellationToken cancellationToken)
    {
        if (Input.AdultIndex < 0 || Input.AdultIndex >= welcomeCase.Project.Adults.Count)
        {
            ModelState.AddModelError("Input.AdultIndex", t["Choisissez un adulte du foyer."]);
        }
        if (Input.RomeCode is null)
        {
            ModelState.AddModelError("Input.OccupationQuery", t["Cherchez le métier recherché, puis choisissez-le dans la liste."]);
        }
        else if (!await db.RomeOccupations.AnyAsync(r => r.Code == Input.RomeCode, cancellationToken))
        {
            Input.RomeCode = null;
            ModelState.AddModelError("Input.OccupationQuery", t["Ce métier n’existe pas dans la liste : cherchez-le à nouveau."]);
        }
        if (Input.ExperienceYears is < 0 or > 60)
        {
            ModelState.AddModelError("Input.ExperienceYears", t["Indiquez un nombre d’années entre 0 et 60."]);
        }
        if (Input.DistanceKm is < 1 or > SpouseProfile.MaxDistanceKm)
        {
            ModelState.AddModelError("Input.DistanceKm", t["Indiquez une distance entre 1 et 100 km."]);
        }
        if (Input.Presentation?.Length > SpouseProfile.PresentationMaxLength)
        {
            ModelState.AddModelError("Input.Presentation", t["La présentation ne dépasse pas 1 000 caractères."]);
        }
        var known = await db.Intercommunalities.Where(e => Input.IntercommunalityIds.Contains(e.Id)).CountAsync(cancellationToken);
        var knownCommunes = await db.Communes.Where(c => Input.CommuneIds.Contains(c.Id)).CountAsync(cancellationToken);
        if (known != Input.IntercommunalityIds.Distinct().Count() || knownCommunes != Input.CommuneIds.Distinct().Count())
        {
            ModelState.AddModelError("Input.IntercommunalityIds", t["Choisissez des lieux de la liste."]);
        }
        if (!Input.Languages.All(SpouseLanguages.IsKnown))
        {
            ModelState.AddModelError("Input.Languages", t["Choisissez des langues de la liste."]);
        }
    }

    private static ProfileInput InputOf(SpouseProfile profile) => new()
    {
        AdultIndex = profile.AdultIndex, RomeCode = profile.RomeCode, ExperienceYears = profile.ExperienceYears, AvailableOn = profile.AvailableOn,
        IntercommunalityIds = [.. profile.IntercommunalityIds], CommuneIds = [.. profile.CommuneIds], DistanceKm = profile.DistanceKm,
        Languages = [.. profile.Languages], Presentation = profile.Presentation,
    };

    private static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(ParisTime.ToLocal(now));

    private async Task LoadAsync(WelcomeCase welcomeCase, SpouseProfile? profile, CancellationToken cancellationToken, IReadOnlyList<Occupation>? searched = null)
    {
        HasProfile = profile is not null;
        SharingUntil = profile?.SharedUntil;
        SharingConsentedAt = profile?.SharingConsentedAt;
        IsShared = profile?.IsSharedOn(Today(clock.GetUtcNow())) == true;
        SharedUntil ??= profile?.SharedUntil ?? Today(clock.GetUtcNow()).AddMonths(3);
        CvFileName = profile?.CvDocumentId is { } cvId
            ? await db.CaseDocuments.Where(d => d.Id == cvId).Select(d => d.FileName).FirstOrDefaultAsync(cancellationToken) : null;
        AdultNames = welcomeCase.Project.Adults.Select(a => a.FirstName).ToList();
        Intercommunalities = await db.Intercommunalities.OrderBy(e => e.Name).Select(e => new Choice(e.Id, e.Name)).ToListAsync(cancellationToken);
        var communeIds = welcomeCase.Project.TargetCommuneIds.Concat(Input.CommuneIds).Distinct().ToList();
        Communes = await db.Communes.Where(c => communeIds.Contains(c.Id)).OrderBy(c => c.Name).Select(c => new Choice(c.Id, c.Name)).ToListAsync(cancellationToken);
        var chosen = Input.RomeCode is null ? [] : await db.RomeOccupations.Where(r => r.Code == Input.RomeCode).Select(r => new Occupation(r.Code, r.Label)).ToListAsync(cancellationToken);
        Occupations = [.. chosen, .. (searched ?? []).Where(o => o.Code != Input.RomeCode)];
        Introductions = profile is null ? [] : await db.SpouseIntroductions.Where(i => i.SpouseProfileId == profile.Id).OrderByDescending(i => i.RequestedAt)
            .Select(i => new Introduction(i.Id, i.PartnerOrganisation!.Name, i.Message, i.Status, i.RequestedAt)).ToListAsync(cancellationToken);
    }
}
