using System.ComponentModel.DataAnnotations;
using Escale.Core.Data;
using Escale.Core.Identity;
using Escale.Core.Welcome;
using Escale.Web.Infrastructure.Email;
using Escale.Web.Infrastructure.Links;
using Escale.Web.Infrastructure.Localization;
using Escale.Web.Pages.Accueil;
using Escale.Web.Pages.MonEspace;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Admin.Dossiers;

/// <summary>
/// One household's case file for its referents: the project and the schools for its children, who follows it and by
/// when, the stage actions (each e-mails the household), the assignee and transfers, tasks, private notes, messages
/// with the household and referrals to partners, and the timeline. A case the referent may not see answers 404; each view and each change is written
/// to the case's access log. Every form posts, redirects and shows a status; a second identical post changes nothing.
/// </summary>
public sealed class DetailModel(
    EscaleDbContext db, UserManager<ApplicationUser> users, IEmailOutbox outbox, SiteLinks links, WelcomePack pack, HouseholdMatching matching,
    TimeProvider clock) : PageModel
{
    /// <summary>An identical note, task or message posted again within this window is the same submission, not a new one.</summary>
    private static readonly TimeSpan DoubleSubmitWindow = TimeSpan.FromMinutes(10);

    public sealed record AssignmentView(int Id, int OrganisationId, string OrganisationName, AssignmentRole Role, string? AssigneeId,
        DateTimeOffset ReceivedAt, DateOnly FirstResponseDueOn, DateTimeOffset? RespondedAt, DateTimeOffset? EndedAt, AssignmentEndReason? EndReason, bool Overdue);

    public sealed record MemberChoice(int OrganisationId, string UserId, string Name);

    public sealed record Choice(int Id, string Name);

    public sealed class InstallInput
    {
        [Display(Name = "Date d’installation")]
        [Required(ErrorMessage = "Indiquez la date d’installation.")]
        public DateOnly? InstalledOn { get; set; }
    }

    public sealed class CloseInput
    {
        [Display(Name = "Motif de clôture")]
        [Required(ErrorMessage = "Choisissez le motif de clôture.")]
        public CaseClosedReason? Reason { get; set; }
    }

    public sealed class AssigneeInput
    {
        public int AssignmentId { get; set; }

        [Display(Name = "Référent")]
        [Required(ErrorMessage = "Choisissez un membre de l’organisation.")]
        public string? UserId { get; set; }
    }

    public sealed class TransferInput
    {
        public int FromOrganisationId { get; set; }

        [Display(Name = "Transférer à")]
        [Required(ErrorMessage = "Choisissez l’organisation qui reprend le dossier.")]
        public int? ToOrganisationId { get; set; }
    }

    public sealed class TaskInput
    {
        [Display(Name = "Tâche")]
        [Required(ErrorMessage = "Dites ce qu’il y a à faire.")]
        [StringLength(300, ErrorMessage = "La tâche tient en 300 caractères au plus.")]
        public string? Title { get; set; }

        [Display(Name = "À faire pour le")]
        [Required(ErrorMessage = "Indiquez pour quand.")]
        public DateOnly? DueOn { get; set; }
    }

    public sealed class NoteInput
    {
        [Display(Name = "Note privée")]
        [Required(ErrorMessage = "La note est vide.")]
        [StringLength(8000, ErrorMessage = "La note tient en 8 000 caractères au plus.")]
        public string? Text { get; set; }
    }

    public sealed class MessageInput
    {
        [Display(Name = "Message au ménage")]
        [Required(ErrorMessage = "Le message est vide.")]
        [StringLength(8000, ErrorMessage = "Le message tient en 8 000 caractères au plus.")]
        public string? Body { get; set; }
    }

    public sealed class ReferralInput
    {
        [Display(Name = "Partenaire")]
        [Required(ErrorMessage = "Choisissez le partenaire.")]
        public int? PartnerOrganisationId { get; set; }

        [Display(Name = "Type de partenaire")]
        [Required(ErrorMessage = "Choisissez le type de partenaire.")]
        public ReferralPartnerKind? PartnerKind { get; set; }

        /// <summary>Index of the adult in the project; empty for the whole household.</summary>
        [Display(Name = "Personne concernée")]
        public int? AdultIndex { get; set; }

        [Display(Name = "Numéro de l’offre (facultatif)")]
        public int? OpportunityId { get; set; }

        [Display(Name = "Message au partenaire")]
        [Required(ErrorMessage = "Écrivez quelques mots au partenaire.")]
        [StringLength(4000, ErrorMessage = "Le message tient en 4 000 caractères au plus.")]
        public string? Message { get; set; }

        [Display(Name = "Informations à partager (le ménage devra l’accepter)")]
        public List<SharedFields> Shared { get; set; } = [];
    }

    public WelcomeCase Case { get; private set; } = null!;

    public CaseViewer Viewer { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    public DateTimeOffset Now { get; private set; }

    public string? HouseholdEmail { get; private set; }

    public string? Intercommunality { get; private set; }

    public string? Persona { get; private set; }

    public IReadOnlyList<string> TargetPlaces { get; private set; } = [];

    public ChildSchoolsView Schools { get; private set; } = new([], ForHousehold: false);

    public CaseHousing Housing { get; private set; } = CaseHousing.None;
    public SpouseCaseView? Spouse { get; private set; }

    public IReadOnlyList<AssignmentView> Assignments { get; private set; } = [];

    public IReadOnlyDictionary<string, string> UserNames { get; private set; } = new Dictionary<string, string>();

    public IReadOnlyList<MemberChoice> Members { get; private set; } = [];

    public IReadOnlyList<Choice> TransferTargets { get; private set; } = [];

    public IReadOnlyList<Choice> Partners { get; private set; } = [];

    public IReadOnlyDictionary<int, string> PartnerNames { get; private set; } = new Dictionary<int, string>();

    public InstallInput Install { get; set; } = new();

    public CloseInput Closing { get; set; } = new();

    public TaskInput NewTask { get; set; } = new();

    public NoteInput NewNote { get; set; } = new();

    public MessageInput NewMessage { get; set; } = new();

    public ReferralInput NewReferral { get; set; } = new();

    public TransferInput Transfer { get; set; } = new();

    /// <summary>The organisations the viewer acts for on this case (members of an organisation that follows it).</summary>
    public IReadOnlyList<AssignmentView> MyAssignments =>
        [.. Assignments.Where(a => a.EndedAt is null && Viewer.Organisations.Any(o => o.Id == a.OrganisationId))];

    /// <summary>Whether the viewer may change who follows the case for the organisation of <paramref name="assignment"/>.</summary>
    public bool CanReassign(AssignmentView assignment) =>
        assignment.EndedAt is null && (Viewer.SeesAll || Viewer.IsCoordinatorOf(assignment.OrganisationId));

    /// <summary>The organisations the viewer may hand the case from: their own, or any for the departmental team.</summary>
    public IReadOnlyList<AssignmentView> TransferableAssignments =>
        [.. Assignments.Where(a => a.EndedAt is null && (Viewer.SeesAll || Viewer.Organisations.Any(o => o.Id == a.OrganisationId)))];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        CaseAccessRules.Record(db, id, Viewer, Assignments.Select(a => a.OrganisationId), CaseAccessAction.Viewed, Now);
        // Opening the file reads the household's messages.
        await db.CaseMessages.Where(m => m.CaseId == id && m.FromHousehold && m.ReadAt == null)
            .ExecuteUpdateAsync(m => m.SetProperty(x => x.ReadAt, Now), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Page();
    }

    /// <summary>The spouse profile's CV, for the case's referents; never kept by a browser or a proxy.</summary>
    public async Task<IActionResult> OnGetCvConjointAsync(int id, CancellationToken cancellationToken)
    {
        if (!await StartAsync(cancellationToken) || !await CaseAccessRules.Visible(db.Cases, Viewer).AnyAsync(c => c.Id == id, cancellationToken))
        {
            return NotFound();
        }
        var document = await db.SpouseProfiles.Where(p => p.CaseId == id)
            .Join(db.CaseDocuments, p => p.CvDocumentId, d => d.Id, (p, d) => d).AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        if (document is null)
        {
            return NotFound();
        }
        CaseAccessRules.Record(db, id, Viewer, await db.CaseAssignments.Where(a => a.CaseId == id).Select(a => a.OrganisationId).ToListAsync(cancellationToken),
            CaseAccessAction.Exported, Now);
        await db.SaveChangesAsync(cancellationToken);
        Response.Headers.CacheControl = "no-store";
        return File(document.Content, document.ContentType, document.FileName);
    }

    public Task<IActionResult> OnPostQualifierAsync(int id, CancellationToken cancellationToken) =>
        ChangeStageAsync(id, c => c.Qualify(Viewer.Actor, Now), respond: true, cancellationToken);

    public Task<IActionResult> OnPostAccompagnerAsync(int id, CancellationToken cancellationToken) =>
        ChangeStageAsync(id, c => c.Accompany(Viewer.Actor, Now), respond: false, cancellationToken);

    public Task<IActionResult> OnPostRouvrirAsync(int id, CancellationToken cancellationToken) =>
        ChangeStageAsync(id, c => c.Reopen(Viewer.Actor, Now), respond: false, cancellationToken);

    public async Task<IActionResult> OnPostInstallerAsync(int id, [Bind(Prefix = nameof(Install))] InstallInput input, CancellationToken cancellationToken)
    {
        Install = input;
        if (!ModelState.IsValid)
        {
            return await RedisplayAsync(id, cancellationToken);
        }
        return await ChangeStageAsync(id, c => c.Install(input.InstalledOn!.Value, Viewer.Actor, Now), respond: false, cancellationToken, $"{nameof(Install)}.{nameof(InstallInput.InstalledOn)}");
    }

    public async Task<IActionResult> OnPostCloreAsync(int id, [Bind(Prefix = nameof(Closing))] CloseInput input, CancellationToken cancellationToken)
    {
        Closing = input;
        if (!ModelState.IsValid)
        {
            return await RedisplayAsync(id, cancellationToken);
        }
        return await ChangeStageAsync(id, c => c.Close(input.Reason!.Value, Viewer.Actor, Now), respond: false, cancellationToken);
    }

    public async Task<IActionResult> OnPostDateInstallationAsync(int id, [Bind(Prefix = nameof(Install))] InstallInput input, CancellationToken cancellationToken)
    {
        Install = input;
        if (!ModelState.IsValid)
        {
            return await RedisplayAsync(id, cancellationToken);
        }
        var welcomeCase = await TrackedAsync(id, cancellationToken);
        if (welcomeCase is null)
        {
            return NotFound();
        }
        if (welcomeCase.InstalledOn == input.InstalledOn)
        {
            return Done(id, "La date d’installation est déjà celle-ci.");
        }
        if (welcomeCase.ChangeInstallationDate(input.InstalledOn!.Value, Viewer.Actor, Now) is { } refusal)
        {
            ModelState.AddModelError($"{nameof(Install)}.{nameof(InstallInput.InstalledOn)}", refusal);
            return await RedisplayAsync(id, cancellationToken);
        }
        await SaveChangeAsync(welcomeCase, cancellationToken);
        return Done(id, "Date d’installation modifiée : les dates de suivi suivent.");
    }

    public async Task<IActionResult> OnPostReferentAsync(int id, [Bind(Prefix = "Assignee")] AssigneeInput input, CancellationToken cancellationToken)
    {
        var welcomeCase = await TrackedAsync(id, cancellationToken);
        if (welcomeCase is null)
        {
            return NotFound();
        }
        var assignment = welcomeCase.Assignments.FirstOrDefault(a => a.Id == input.AssignmentId && a.EndedAt is null);
        if (assignment is null || !(Viewer.SeesAll || Viewer.IsCoordinatorOf(assignment.OrganisationId)))
        {
            return Done(id, "Seul un coordinateur de l’organisation, ou l’équipe départementale, change le référent d’un dossier.");
        }
        var member = await db.WelcomeOrganisationMembers.Where(m => m.OrganisationId == assignment.OrganisationId && m.UserId == input.UserId)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => u.DisplayName ?? u.Email).SingleOrDefaultAsync(cancellationToken);
        if (member is null)
        {
            return Done(id, "Choisissez un membre de l’organisation.");
        }
        if (assignment.AssignedUserId == input.UserId)
        {
            return Done(id, $"{member} suit déjà ce dossier.");
        }
        assignment.AssignedUserId = input.UserId;
        welcomeCase.Record(CaseEventKind.AssigneeChanged, Viewer.Actor, Now, member);
        await SaveChangeAsync(welcomeCase, cancellationToken);
        return Done(id, $"Dossier confié à {member}.");
    }

    public async Task<IActionResult> OnPostTransfererAsync(int id, [Bind(Prefix = nameof(Transfer))] TransferInput input, CancellationToken cancellationToken)
    {
        Transfer = input;
        if (!ModelState.IsValid)
        {
            return await RedisplayAsync(id, cancellationToken);
        }
        var welcomeCase = await TrackedAsync(id, cancellationToken);
        if (welcomeCase is null)
        {
            return NotFound();
        }
        if (!Viewer.SeesAll && !Viewer.Organisations.Any(o => o.Id == input.FromOrganisationId))
        {
            return Done(id, "Vous ne pouvez transférer que la part de votre organisation.");
        }
        var receiver = await db.WelcomeOrganisations.Where(o => o.Id == input.ToOrganisationId)
            .Select(o => new { o.Id, o.Name, Members = o.Members.Select(m => m.UserId).ToList() }).SingleOrDefaultAsync(cancellationToken);
        if (receiver is null)
        {
            ModelState.AddModelError($"{nameof(Transfer)}.{nameof(TransferInput.ToOrganisationId)}", "Cette organisation n’existe pas.");
            return await RedisplayAsync(id, cancellationToken);
        }
        var loads = await db.CaseAssignments.Where(a => a.EndedAt == null && a.AssignedUserId != null && receiver.Members.Contains(a.AssignedUserId))
            .GroupBy(a => a.AssignedUserId!).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, StringComparer.Ordinal, cancellationToken);
        var dueOn = FrenchCalendar.AddWorkingDays(Today, pack.FirstResponseWorkingDays);
        if (welcomeCase.Transfer(input.FromOrganisationId, receiver.Id, receiver.Name, CaseRouting.ProposeMember(receiver.Members, loads), dueOn, Viewer.Actor, Now) is { } refusal)
        {
            ModelState.AddModelError($"{nameof(Transfer)}.{nameof(TransferInput.ToOrganisationId)}", refusal);
            return await RedisplayAsync(id, cancellationToken);
        }
        await SaveChangeAsync(welcomeCase, cancellationToken);
        return Done(id, $"Dossier transféré à {receiver.Name}, qui a jusqu’au {dueOn:dd/MM/yyyy} pour répondre.");
    }

    public async Task<IActionResult> OnPostTacheAsync(int id, [Bind(Prefix = nameof(NewTask))] TaskInput input, CancellationToken cancellationToken)
    {
        NewTask = input;
        if (!ModelState.IsValid)
        {
            return await RedisplayAsync(id, cancellationToken);
        }
        var welcomeCase = await TrackedAsync(id, cancellationToken);
        if (welcomeCase is null)
        {
            return NotFound();
        }
        var title = input.Title!.Trim();
        var since = Now - DoubleSubmitWindow;
        if (!await db.CaseTasks.AnyAsync(t => t.CaseId == id && t.CreatedByUserId == Viewer.UserId && t.Title == title && t.DueOn == input.DueOn && t.CreatedAt > since, cancellationToken))
        {
            welcomeCase.Tasks.Add(new CaseTask { Title = title, DueOn = input.DueOn!.Value, CreatedByUserId = Viewer.UserId, CreatedAt = Now,
                AssignedUserId = MyAssignments.Select(a => a.AssigneeId).FirstOrDefault(a => a is not null) ?? Viewer.UserId });
            welcomeCase.Record(CaseEventKind.TaskAdded, Viewer.Actor, Now, title);
            await SaveChangeAsync(welcomeCase, cancellationToken);
        }
        return Done(id, "Tâche ajoutée.");
    }

    public async Task<IActionResult> OnPostTacheFaiteAsync(int id, int taskId, CancellationToken cancellationToken)
    {
        var welcomeCase = await TrackedAsync(id, cancellationToken);
        if (welcomeCase is null)
        {
            return NotFound();
        }
        var task = await db.CaseTasks.SingleOrDefaultAsync(t => t.Id == taskId && t.CaseId == id, cancellationToken);
        if (task is null)
        {
            return NotFound();
        }
        if (task.DoneAt is null)
        {
            task.DoneAt = Now;
            welcomeCase.Record(CaseEventKind.TaskDone, Viewer.Actor, Now, task.Title);
            await SaveChangeAsync(welcomeCase, cancellationToken);
        }
        return Done(id, $"Tâche « {task.Title} » faite.");
    }

    public async Task<IActionResult> OnPostNoteAsync(int id, [Bind(Prefix = nameof(NewNote))] NoteInput input, CancellationToken cancellationToken)
    {
        NewNote = input;
        if (!ModelState.IsValid)
        {
            return await RedisplayAsync(id, cancellationToken);
        }
        var welcomeCase = await TrackedAsync(id, cancellationToken);
        if (welcomeCase is null)
        {
            return NotFound();
        }
        var text = input.Text!.Trim();
        var since = Now - DoubleSubmitWindow;
        if (!await db.CaseNotes.AnyAsync(n => n.CaseId == id && n.AuthorUserId == Viewer.UserId && n.Text == text && n.At > since, cancellationToken))
        {
            welcomeCase.Notes.Add(new CaseNote { AuthorUserId = Viewer.UserId, AuthorName = Viewer.Name, Text = text, At = Now });
            welcomeCase.Record(CaseEventKind.NoteAdded, Viewer.Actor, Now);
            await SaveChangeAsync(welcomeCase, cancellationToken);
        }
        return Done(id, "Note enregistrée.");
    }

    public async Task<IActionResult> OnPostMessageAsync(int id, [Bind(Prefix = nameof(NewMessage))] MessageInput input, CancellationToken cancellationToken)
    {
        NewMessage = input;
        if (!ModelState.IsValid)
        {
            return await RedisplayAsync(id, cancellationToken);
        }
        var welcomeCase = await TrackedAsync(id, cancellationToken);
        if (welcomeCase is null)
        {
            return NotFound();
        }
        var household = await HouseholdAsync(welcomeCase, cancellationToken);
        if (household is null)
        {
            return Done(id, "Le ménage a supprimé son compte : il ne peut plus recevoir de message.");
        }
        var body = input.Body!.Trim();
        var since = Now - DoubleSubmitWindow;
        if (!await db.CaseMessages.AnyAsync(m => m.CaseId == id && !m.FromHousehold && m.AuthorUserId == Viewer.UserId && m.Body == body && m.At > since, cancellationToken))
        {
            welcomeCase.Messages.Add(new CaseMessage { AuthorUserId = Viewer.UserId, AuthorName = Viewer.Name, Body = body, At = Now });
            welcomeCase.Record(CaseEventKind.MessageToHousehold, Viewer.Actor, Now);
            RecordResponse(welcomeCase);
            outbox.Enqueue(CaseEmails.MessageToHousehold(household.Value.Email, welcomeCase.HouseholdName, Viewer.Name, body, links.NewcomerSpace()));
            await SaveChangeAsync(welcomeCase, cancellationToken);
        }
        return Done(id, "Message envoyé au ménage.");
    }

    public async Task<IActionResult> OnPostOrientationAsync(int id, [Bind(Prefix = nameof(NewReferral))] ReferralInput input, CancellationToken cancellationToken)
    {
        NewReferral = input;
        var welcomeCase = ModelState.IsValid ? await TrackedAsync(id, cancellationToken) : null;
        if (ModelState.IsValid && welcomeCase is null)
        {
            return NotFound();
        }
        var shared = input.Shared.Aggregate(SharedFields.None, (all, field) => all | field);
        if (welcomeCase is not null)
        {
            if (shared == SharedFields.None)
            {
                ModelState.AddModelError($"{nameof(NewReferral)}.{nameof(ReferralInput.Shared)}", "Cochez au moins une information à partager.");
            }
            if (input.AdultIndex is { } adult && (adult < 0 || adult >= welcomeCase.Project.Adults.Count))
            {
                ModelState.AddModelError($"{nameof(NewReferral)}.{nameof(ReferralInput.AdultIndex)}", "Choisissez une personne du ménage.");
            }
            if (!await db.Organisations.AnyAsync(o => o.Id == input.PartnerOrganisationId && o.Members.Any(), cancellationToken))
            {
                ModelState.AddModelError($"{nameof(NewReferral)}.{nameof(ReferralInput.PartnerOrganisationId)}", "Choisissez un partenaire de la liste.");
            }
            if (input.OpportunityId is { } opportunity
                && !await db.Opportunities.AnyAsync(o => o.Id == opportunity && o.OrganisationId == input.PartnerOrganisationId, cancellationToken))
            {
                ModelState.AddModelError($"{nameof(NewReferral)}.{nameof(ReferralInput.OpportunityId)}", "Aucune offre de ce partenaire ne porte ce numéro.");
            }
        }
        if (!ModelState.IsValid)
        {
            return await RedisplayAsync(id, cancellationToken);
        }
        var message = input.Message!.Trim();
        var since = Now - DoubleSubmitWindow;
        if (!await db.CaseReferrals.AnyAsync(r => r.CaseId == id && r.CreatedByUserId == Viewer.UserId && r.PartnerOrganisationId == input.PartnerOrganisationId
            && r.Message == message && r.CreatedAt > since, cancellationToken))
        {
            welcomeCase!.Referrals.Add(new CaseReferral
            {
                PartnerOrganisationId = input.PartnerOrganisationId!.Value,
                PartnerKind = input.PartnerKind!.Value,
                AdultIndex = input.AdultIndex,
                OpportunityId = input.OpportunityId,
                Message = message,
                Shared = shared,
                Status = ReferralStatus.Draft,
                CreatedByUserId = Viewer.UserId,
                CreatedAt = Now,
            });
            welcomeCase.Record(CaseEventKind.ReferralDrafted, Viewer.Actor, Now);
            await SaveChangeAsync(welcomeCase, cancellationToken);
        }
        return Done(id, "Mise en relation préparée : le ménage doit accepter le partage depuis son espace avant que vous l’envoyiez.");
    }

    public async Task<IActionResult> OnPostEnvoyerOrientationAsync(int id, int referralId, CancellationToken cancellationToken)
    {
        var welcomeCase = await TrackedAsync(id, cancellationToken);
        if (welcomeCase is null)
        {
            return NotFound();
        }
        var referral = await db.CaseReferrals.Include(r => r.PartnerOrganisation).SingleOrDefaultAsync(r => r.Id == referralId && r.CaseId == id, cancellationToken);
        if (referral is null)
        {
            return NotFound();
        }
        if (referral.Send(Now) is { } refusal)
        {
            return Done(id, refusal);
        }
        welcomeCase.Record(CaseEventKind.ReferralSent, Viewer.Actor, Now, referral.PartnerOrganisation!.Name);
        var members = await db.OrganisationMembers.Where(m => m.OrganisationId == referral.PartnerOrganisationId)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.Email, u.DisplayName }).ToListAsync(cancellationToken);
        foreach (var member in members.Where(m => m.Email is not null))
        {
            outbox.Enqueue(CaseEmails.ReferralSent(member.Email!, member.DisplayName, referral.PartnerOrganisation.Name, Viewer.Name, links.PartnerReferral(referral.Id)));
        }
        await SaveChangeAsync(welcomeCase, cancellationToken);
        return Done(id, $"Mise en relation envoyée à {referral.PartnerOrganisation.Name}.");
    }

    public async Task<IActionResult> OnPostAnnulerOrientationAsync(int id, int referralId, CancellationToken cancellationToken)
    {
        var welcomeCase = await TrackedAsync(id, cancellationToken);
        if (welcomeCase is null)
        {
            return NotFound();
        }
        var referral = await db.CaseReferrals.SingleOrDefaultAsync(r => r.Id == referralId && r.CaseId == id, cancellationToken);
        if (referral is null)
        {
            return NotFound();
        }
        if (referral.Cancel(Now) is { } refusal)
        {
            return Done(id, refusal);
        }
        await SaveChangeAsync(welcomeCase, cancellationToken);
        return Done(id, "Mise en relation retirée.");
    }

    private async Task<IActionResult> ChangeStageAsync(int id, Func<WelcomeCase, string?> change, bool respond, CancellationToken cancellationToken, string? field = null)
    {
        var welcomeCase = await TrackedAsync(id, cancellationToken);
        if (welcomeCase is null)
        {
            return NotFound();
        }
        if (change(welcomeCase) is { } refusal)
        {
            if (field is null)
            {
                return Done(id, refusal);
            }
            ModelState.AddModelError(field, refusal);
            return await RedisplayAsync(id, cancellationToken);
        }
        if (respond)
        {
            RecordResponse(welcomeCase);
        }
        if (await HouseholdAsync(welcomeCase, cancellationToken) is { } household)
        {
            outbox.Enqueue(CaseEmails.StageChanged(household.Email, welcomeCase.HouseholdName, welcomeCase.Stage, welcomeCase.ClosedReason,
                welcomeCase.InstalledOn, links.NewcomerSpace()));
        }
        await SaveChangeAsync(welcomeCase, cancellationToken);
        return Done(id, $"Dossier passé à l’étape « {WelcomeLabels.Stage(welcomeCase.Stage)} » ; le ménage en est informé par courriel.");
    }

    /// <summary>The household's answer counts for the organisations the viewer acts for on the case (the team's own, when it leads).</summary>
    private void RecordResponse(WelcomeCase welcomeCase)
    {
        var mine = welcomeCase.Assignments.Where(a => a.EndedAt is null && Viewer.Organisations.Any(o => o.Id == a.OrganisationId)).Select(a => a.OrganisationId).ToList();
        if (mine.Count == 0)
        {
            welcomeCase.FirstRespondedAt ??= Now;
        }
        mine.ForEach(organisation => welcomeCase.RecordResponse(organisation, Now));
    }

    private async Task<(string Email, string? Name)?> HouseholdAsync(WelcomeCase welcomeCase, CancellationToken cancellationToken)
    {
        if (welcomeCase.HouseholdUserId is null || welcomeCase.Anonymised)
        {
            return null;
        }
        var email = await db.Users.Where(u => u.Id == welcomeCase.HouseholdUserId).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken);
        return email is null ? null : (email, welcomeCase.HouseholdName);
    }

    private async Task SaveChangeAsync(WelcomeCase welcomeCase, CancellationToken cancellationToken)
    {
        CaseAccessRules.Record(db, welcomeCase.Id, Viewer, welcomeCase.Assignments.Where(a => a.EndedAt is null).Select(a => a.OrganisationId), CaseAccessAction.Changed, Now);
        await db.SaveChangesAsync(cancellationToken);
    }

    private RedirectToPageResult Done(int id, string status)
    {
        TempData["StatusMessage"] = status;
        return RedirectToPage("/Admin/Dossiers/Detail", new { id });
    }

    private async Task<bool> StartAsync(CancellationToken cancellationToken)
    {
        var viewer = await CaseAccessRules.ViewerAsync(db, users.GetUserId(User), cancellationToken);
        if (viewer is null)
        {
            return false;
        }
        Viewer = viewer;
        Now = clock.GetUtcNow();
        Today = DateOnly.FromDateTime(ParisTime.ToLocal(Now));
        return true;
    }

    /// <summary>The case with its assignments, tracked for a change; null when the viewer may not see it.</summary>
    private async Task<WelcomeCase?> TrackedAsync(int id, CancellationToken cancellationToken)
    {
        if (!await StartAsync(cancellationToken))
        {
            return null;
        }
        return await CaseAccessRules.Visible(db.Cases, Viewer).Include(c => c.Assignments).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
    }

    private async Task<IActionResult> RedisplayAsync(int id, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    /// <summary>Everything the page shows; false when the viewer may not see the case.</summary>
    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (!await StartAsync(cancellationToken))
        {
            return false;
        }
        var welcomeCase = await CaseAccessRules.Visible(db.Cases.AsNoTracking(), Viewer)
            .Include(c => c.Assignments).ThenInclude(a => a.Organisation)
            .Include(c => c.Events.OrderByDescending(e => e.At))
            .Include(c => c.Tasks.OrderBy(t => t.DoneAt != null).ThenBy(t => t.DueOn))
            .Include(c => c.Notes.OrderByDescending(n => n.At))
            .Include(c => c.Messages.OrderBy(m => m.At))
            .Include(c => c.Referrals.OrderByDescending(r => r.CreatedAt))
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (welcomeCase is null)
        {
            return false;
        }
        Case = welcomeCase;
        Assignments = [.. welcomeCase.Assignments.OrderBy(a => a.EndedAt != null).ThenBy(a => a.Role).ThenBy(a => a.ReceivedAt)
            .Select(a => new AssignmentView(a.Id, a.OrganisationId, a.Organisation!.Name, a.Role, a.AssignedUserId, a.ReceivedAt, a.FirstResponseDueOn,
                a.RespondedAt, a.EndedAt, a.EndReason, a.IsOverdue(Today)))];
        HouseholdEmail = welcomeCase.HouseholdUserId is null ? null
            : await db.Users.Where(u => u.Id == welcomeCase.HouseholdUserId).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken);
        Intercommunality = await db.Intercommunalities.Where(e => e.Id == welcomeCase.IntercommunalityId).Select(e => e.Name).SingleOrDefaultAsync(cancellationToken);
        Persona = (await db.Personas.AsNoTracking().SingleOrDefaultAsync(p => p.Id == welcomeCase.PersonaId, cancellationToken))?.Name.Current;
        var epcis = welcomeCase.Project.TargetIntercommunalityIds;
        var communes = welcomeCase.Project.TargetCommuneIds;
        TargetPlaces = [
            .. await db.Intercommunalities.Where(e => epcis.Contains(e.Id)).OrderBy(e => e.Name).Select(e => e.Name).ToListAsync(cancellationToken),
            .. await db.Communes.Where(c => communes.Contains(c.Id)).OrderBy(c => c.Name).Select(c => c.Name).ToListAsync(cancellationToken)];
        Schools = new ChildSchoolsView(await matching.SchoolsAsync(welcomeCase.Project, cancellationToken), ForHousehold: false);
        Housing = await CaseHousing.LoadAsync(db, matching, welcomeCase, cancellationToken);
        Spouse = await SpouseCaseView.LoadAsync(db, welcomeCase, cancellationToken);

        var organisations = Assignments.Where(a => a.EndedAt is null).Select(a => a.OrganisationId).ToList();
        Members = await db.WelcomeOrganisationMembers.Where(m => organisations.Contains(m.OrganisationId))
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new MemberChoice(m.OrganisationId, m.UserId, u.DisplayName ?? u.Email ?? ""))
            .ToListAsync(cancellationToken);
        var userIds = welcomeCase.Assignments.Select(a => a.AssignedUserId).Concat(welcomeCase.Tasks.Select(t => t.AssignedUserId)).OfType<string>().Distinct().ToList();
        UserNames = await db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName ?? u.Email ?? "", StringComparer.Ordinal, cancellationToken);
        TransferTargets = await db.WelcomeOrganisations.Where(o => !organisations.Contains(o.Id)).OrderBy(o => o.Position).ThenBy(o => o.Name)
            .Select(o => new Choice(o.Id, o.Name)).ToListAsync(cancellationToken);
        // Partners with an account: a referral reaches its members by e-mail.
        Partners = await db.Organisations.Where(o => o.Members.Any()).OrderBy(o => o.Name).Select(o => new Choice(o.Id, o.Name)).ToListAsync(cancellationToken);
        var referred = welcomeCase.Referrals.Select(r => r.PartnerOrganisationId).Distinct().ToList();
        PartnerNames = await db.Organisations.Where(o => referred.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        Install.InstalledOn ??= welcomeCase.InstalledOn;
        return true;
    }
}
