using Escale.Core.Data;
using Escale.Core.Identity;
using Escale.Core.Welcome;
using Escale.Web.Infrastructure.Email;
using Escale.Web.Infrastructure.Links;
using Escale.Web.Infrastructure.Localization;
using Escale.Web.Pages.Accueil;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Escale.Web.Pages.EspacePartenaire.ProfilsConjoints;

/// <summary>
/// One spouse profile as an employer sees it. Before the household accepts an introduction, the anonymous card and a
/// form to ask for one; after, the contact and the CV. A profile neither shared nor asked for by the partner's
/// organisations is unknown (404), as is the CV before acceptance. Each request goes on the case, to the household
/// and to its referents; a second request from the same organisation finds the first.
/// </summary>
public sealed class DetailModel(EscaleDbContext db, UserManager<ApplicationUser> users, TimeProvider clock, IStringLocalizer<SharedResource> t,
    IEmailOutbox outbox, SiteLinks links, ReferentNotices notices) : PageModel
{
    public sealed record Choice(int Id, string Name);
    public sealed record Contact(string Name, string? Email, string? Phone, string? Presentation, bool HasCv);
    public sealed record Asked(string Organisation, IntroductionStatus Status, DateTimeOffset RequestedAt);

    public SpouseProfileCard Card { get; private set; } = null!;
    public bool IsShared { get; private set; }
    public IReadOnlyList<Choice> Organisations { get; private set; } = [];
    public IReadOnlyList<Asked> Introductions { get; private set; } = [];
    public Contact? Accepted { get; private set; }

    [BindProperty]
    public string? Message { get; set; }

    [BindProperty]
    public int? OrganisationId { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var profile = await FindAsync(id, cancellationToken);
        if (profile is null)
        {
            return NotFound();
        }
        await LoadAsync(profile, cancellationToken);
        if (Accepted is not null)
        {
            await LogAccessAsync(profile.Id, profile.CaseId, CaseAccessAction.Viewed, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var profile = await FindAsync(id, cancellationToken);
        if (profile is null || !profile.IsSharedOn(Today))
        {
            return NotFound();
        }
        var userId = users.GetUserId(User)!;
        var organisations = await db.OrganisationsOf(userId).OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken);
        var organisation = organisations.FirstOrDefault(o => o.Id == (OrganisationId ?? organisations.FirstOrDefault()?.Id));
        var message = Message?.Trim() ?? "";
        if (organisation is null)
        {
            ModelState.AddModelError(nameof(OrganisationId), t["Demandez au nom d’une de vos organisations : créez-en une d’abord."]);
        }
        if (message.Length == 0)
        {
            ModelState.AddModelError(nameof(Message), t["Écrivez quelques mots : le poste, l’entreprise, pourquoi ce profil."]);
        }
        else if (message.Length > SpouseIntroduction.MessageMaxLength)
        {
            ModelState.AddModelError(nameof(Message), t["Le message ne dépasse pas 1 000 caractères."]);
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(profile, cancellationToken);
            return Page();
        }
        if (await db.SpouseIntroductions.AnyAsync(i => i.SpouseProfileId == profile.Id && i.PartnerOrganisationId == organisation!.Id, cancellationToken))
        {
            TempData["StatusMessage"] = "Votre organisation a déjà demandé cette mise en relation.";
            return RedirectToPage(new { id });
        }
        var now = clock.GetUtcNow();
        db.SpouseIntroductions.Add(new SpouseIntroduction
        {
            SpouseProfileId = profile.Id, PartnerOrganisationId = organisation!.Id, RequestedByUserId = userId, Message = message,
            Status = IntroductionStatus.Pending, RequestedAt = now,
        });
        var welcomeCase = await db.Cases.SingleAsync(c => c.Id == profile.CaseId, cancellationToken);
        var user = await users.GetUserAsync(User);
        welcomeCase.Record(CaseEventKind.SpouseIntroductionRequested, new CaseActor(userId, $"{user?.DisplayName} ({organisation.Name})"), now, organisation.Name);
        var household = await db.Users.Where(u => u.Id == welcomeCase.HouseholdUserId).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken);
        if (household is not null)
        {
            outbox.Enqueue(SpouseEmails.IntroductionRequested(household, welcomeCase.HouseholdName, organisation.Name, message, links.Absolute("/mon-espace/conjoint")));
        }
        await notices.ToAssignedReferentsAsync(welcomeCase.Id, "Un employeur demande une mise en relation",
            $"{organisation.Name} demande une mise en relation avec le conjoint de {welcomeCase.HouseholdName}. Le ménage accepte ou refuse depuis son espace ; son message : {message}",
            cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A double submit: the first request was saved, with its e-mails; this one changes nothing.
            TempData["StatusMessage"] = "Votre organisation a déjà demandé cette mise en relation.";
            return RedirectToPage(new { id });
        }
        TempData["StatusMessage"] = "Votre demande est envoyée au ménage et à son référent. Vous recevrez un courriel dès sa réponse.";
        return RedirectToPage(new { id });
    }

    /// <summary>The CV, only for an organisation whose introduction the household accepted; never kept by a browser or a proxy.</summary>
    public async Task<IActionResult> OnGetCvAsync(int id, CancellationToken cancellationToken)
    {
        var userId = users.GetUserId(User)!;
        var profile = await db.SpouseProfiles.AsNoTracking()
            .Where(p => p.Id == id && p.Introductions.Any(i => i.Status == IntroductionStatus.Accepted && i.PartnerOrganisation!.Members.Any(m => m.UserId == userId)))
            .Select(p => new { p.CaseId, p.CvDocumentId }).SingleOrDefaultAsync(cancellationToken);
        var document = profile?.CvDocumentId is { } cvId
            ? await db.CaseDocuments.AsNoTracking().SingleOrDefaultAsync(d => d.Id == cvId && d.CaseId == profile.CaseId, cancellationToken) : null;
        if (document is null)
        {
            return NotFound();
        }
        await LogAccessAsync(id, profile!.CaseId, CaseAccessAction.Exported, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        Response.Headers.CacheControl = "no-store";
        return File(document.Content, document.ContentType, document.FileName);
    }

    private DateOnly Today => DateOnly.FromDateTime(ParisTime.ToLocal(clock.GetUtcNow()));

    private Task<SpouseProfile?> FindAsync(int id, CancellationToken cancellationToken) =>
        db.VisibleTo(users.GetUserId(User)!, Today).AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);

    private async Task LoadAsync(SpouseProfile profile, CancellationToken cancellationToken)
    {
        var userId = users.GetUserId(User)!;
        Card = (await SpouseProfileCards.CardsAsync(db, db.SpouseProfiles.Where(p => p.Id == profile.Id), cancellationToken)).Single();
        IsShared = profile.IsSharedOn(Today);
        Organisations = await db.OrganisationsOf(userId).OrderBy(o => o.Name).Select(o => new Choice(o.Id, o.Name)).ToListAsync(cancellationToken);
        Introductions = await db.SpouseIntroductions.Where(i => i.SpouseProfileId == profile.Id && i.PartnerOrganisation!.Members.Any(m => m.UserId == userId))
            .OrderBy(i => i.RequestedAt).Select(i => new Asked(i.PartnerOrganisation!.Name, i.Status, i.RequestedAt)).ToListAsync(cancellationToken);
        if (Introductions.Any(i => i.Status == IntroductionStatus.Accepted))
        {
            var household = await db.Cases.AsNoTracking().Where(c => c.Id == profile.CaseId)
                .Select(c => new { c.Project, c.HouseholdUserId }).SingleAsync(cancellationToken);
            var adult = household.Project.Adults.ElementAtOrDefault(profile.AdultIndex);
            var email = await db.Users.Where(u => u.Id == household.HouseholdUserId).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken);
            Accepted = new Contact(string.Join(' ', new[] { adult?.FirstName, adult?.LastName }.Where(n => !string.IsNullOrWhiteSpace(n))),
                email, household.Project.Phone, profile.Presentation, profile.CvDocumentId is not null);
        }
    }

    /// <summary>An employer who reads the contact or downloads the CV is in the case's access log, which the household reads.</summary>
    private async Task LogAccessAsync(int profileId, int caseId, CaseAccessAction action, CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        var organisation = await db.SpouseIntroductions
            .Where(i => i.SpouseProfileId == profileId && i.Status == IntroductionStatus.Accepted && i.PartnerOrganisation!.Members.Any(m => m.UserId == user!.Id))
            .Select(i => i.PartnerOrganisation!.Name).FirstOrDefaultAsync(cancellationToken);
        db.CaseAccesses.Add(new CaseAccess
        {
            CaseId = caseId, UserId = user?.Id, ActorName = string.IsNullOrWhiteSpace(user?.DisplayName) ? "Un employeur" : user.DisplayName.Trim(),
            OrganisationName = organisation, Action = action, At = clock.GetUtcNow(),
        });
    }
}
