using Escale.Core.Data;

namespace Escale.Core.Welcome;

/// <summary>Where a household's welcome stands. The order is the journey's.</summary>
public enum CaseStage
{
    NewContact,
    Qualified,
    /// <summary>Visits, a discovery stay, introductions: the household is being accompanied towards its move.</summary>
    Accompanied,
    Installed,
    FollowUpSixMonths,
    FollowUpTwelveMonths,
    Closed,
}

public enum CaseClosedReason
{
    /// <summary>Installed, and followed for a year.</summary>
    FollowUpCompleted,
    MovedElsewhere,
    ProjectAbandoned,
    ProjectPostponed,
    NoAnswer,
    Duplicate,
    /// <summary>The household erased its account.</summary>
    AccountErased,
    Other,
}

/// <summary>Who did something on a case: a referent, the household, or Escale itself (a job).</summary>
public sealed record CaseActor(string? UserId, string Name)
{
    public static readonly CaseActor System = new(null, "Escale");
}

/// <summary>
/// One household's welcome file, shared by the referents of the organisations it is routed to. Every change goes
/// through a method here, which refuses the impossible with a French reason (null when done) and writes the change to
/// the timeline; the page then tells the household (a stage change always does).
/// </summary>
public sealed class WelcomeCase : IHasUpdatedAt
{
    public int Id { get; set; }
    /// <summary>The form's one-time key: a double-submitted project finds its case instead of making a second one.</summary>
    public Guid SubmissionKey { get; set; }
    /// <summary>The household's account; null once it erased it (the case then keeps only anonymous figures).</summary>
    public string? HouseholdUserId { get; set; }
    /// <summary>How referents name the household in lists ("Claire et Marc Martin"); null once erased.</summary>
    public string? HouseholdName { get; set; }
    public HouseholdProject Project { get; set; } = new();

    public CaseStage Stage { get; set; }
    public CaseStage? StageBeforeClosing { get; set; }
    public CaseClosedReason? ClosedReason { get; set; }
    public DateTimeOffset StageChangedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>When a referent first answered (qualified the case or wrote to the household): the household's whole wait ends there.</summary>
    public DateTimeOffset? FirstRespondedAt { get; set; }
    public DateOnly? InstalledOn { get; set; }

    /// <summary>The one target intercommunality, when the household named exactly one (by itself or through its communes).</summary>
    public int? IntercommunalityId { get; set; }
    public int? PersonaId { get; set; }
    public HeardFrom Source { get; set; }
    /// <summary>The campaign code (last touch) when the household came through one.</summary>
    public string? CampaignCode { get; set; }
    public string? FirstCampaignCode { get; set; }
    public bool IsBusinessProject { get; set; }

    public DateTimeOffset ConsentAccompanimentAt { get; set; }
    public DateTimeOffset? ConsentMatchEmailsAt { get; set; }
    public DateTimeOffset? ConsentFollowUpAt { get; set; }
    public DateTimeOffset? LastMatchEmailAt { get; set; }
    public bool Anonymised { get; set; }

    public List<CaseAssignment> Assignments { get; set; } = [];
    public List<CaseEvent> Events { get; set; } = [];
    public List<CaseTask> Tasks { get; set; } = [];
    public List<CaseNote> Notes { get; set; } = [];
    public List<CaseMessage> Messages { get; set; } = [];
    public List<CaseReferral> Referrals { get; set; } = [];
    public List<CaseDocument> Documents { get; set; } = [];
    public List<CaseAccess> Accesses { get; set; } = [];
    public List<CaseQuestionnaire> Questionnaires { get; set; } = [];

    public DateOnly? FollowUpSixMonthsOn => InstalledOn?.AddMonths(6);
    public DateOnly? FollowUpTwelveMonthsOn => InstalledOn?.AddMonths(12);
    public bool IsOpen => Stage != CaseStage.Closed;

    /// <summary>The household's whole wait for a first answer, across every hand-off.</summary>
    public TimeSpan Wait(DateTimeOffset now) => (FirstRespondedAt ?? now) - CreatedAt;

    /// <summary>The stage a referent may move the case to next (closing is always offered while open).</summary>
    public CaseStage? NextStage => Stage switch
    {
        CaseStage.NewContact => CaseStage.Qualified,
        CaseStage.Qualified => CaseStage.Accompanied,
        CaseStage.Accompanied => CaseStage.Installed,
        CaseStage.Installed => CaseStage.FollowUpSixMonths,
        CaseStage.FollowUpSixMonths => CaseStage.FollowUpTwelveMonths,
        _ => null,
    };

    public string? Qualify(CaseActor actor, DateTimeOffset now) =>
        Stage == CaseStage.NewContact ? MoveTo(CaseStage.Qualified, actor, now, null) : "Seul un nouveau contact peut être qualifié.";

    public string? Accompany(CaseActor actor, DateTimeOffset now) =>
        Stage == CaseStage.Qualified ? MoveTo(CaseStage.Accompanied, actor, now, null) : "Seul un dossier qualifié peut passer en accompagnement.";

    /// <summary>The household has moved in on <paramref name="installedOn"/>; the follow-ups are dated from it.</summary>
    public string? Install(DateOnly installedOn, CaseActor actor, DateTimeOffset now)
    {
        if (Stage is not (CaseStage.Qualified or CaseStage.Accompanied))
        {
            return "Seul un dossier qualifié ou accompagné peut passer à « installé ».";
        }
        if (installedOn > DateOnly.FromDateTime(now.UtcDateTime).AddDays(1))
        {
            return "La date d’installation ne peut pas être dans le futur.";
        }
        InstalledOn = installedOn;
        return MoveTo(CaseStage.Installed, actor, now, null);
    }

    /// <summary>Moves the installation date; the follow-up dates move with it.</summary>
    public string? ChangeInstallationDate(DateOnly installedOn, CaseActor actor, DateTimeOffset now)
    {
        if (InstalledOn is null || Stage == CaseStage.Closed)
        {
            return "Ce dossier n’a pas de date d’installation à modifier.";
        }
        if (installedOn > DateOnly.FromDateTime(now.UtcDateTime).AddDays(1))
        {
            return "La date d’installation ne peut pas être dans le futur.";
        }
        var before = InstalledOn;
        InstalledOn = installedOn;
        Record(CaseEventKind.InstallationDateChanged, actor, now, $"{before:yyyy-MM-dd} → {installedOn:yyyy-MM-dd}");
        return null;
    }

    /// <summary>The six- or twelve-month follow-up, once its date has come.</summary>
    public string? StartFollowUp(CaseActor actor, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        return Stage switch
        {
            CaseStage.Installed when today >= FollowUpSixMonthsOn => MoveTo(CaseStage.FollowUpSixMonths, actor, now, null),
            CaseStage.FollowUpSixMonths when today >= FollowUpTwelveMonthsOn => MoveTo(CaseStage.FollowUpTwelveMonths, actor, now, null),
            CaseStage.Installed or CaseStage.FollowUpSixMonths => "Le suivi commence à sa date, comptée depuis l’installation.",
            _ => "Seul un ménage installé a un suivi.",
        };
    }

    public string? Close(CaseClosedReason reason, CaseActor actor, DateTimeOffset now)
    {
        if (Stage == CaseStage.Closed)
        {
            return "Ce dossier est déjà clos.";
        }
        StageBeforeClosing = Stage;
        ClosedReason = reason;
        foreach (var assignment in Assignments.Where(a => a.EndedAt is null))
        {
            assignment.EndedAt = now;
            assignment.EndReason = AssignmentEndReason.Closed;
        }
        return MoveTo(CaseStage.Closed, actor, now, reason.ToString());
    }

    public string? Reopen(CaseActor actor, DateTimeOffset now)
    {
        if (Stage != CaseStage.Closed || Anonymised)
        {
            return "Seul un dossier clos peut être rouvert.";
        }
        var back = StageBeforeClosing ?? CaseStage.Qualified;
        ClosedReason = null;
        StageBeforeClosing = null;
        foreach (var assignment in Assignments.Where(a => a.EndReason == AssignmentEndReason.Closed && a.EndedAt == StageChangedAt))
        {
            assignment.EndedAt = null;
            assignment.EndReason = null;
        }
        return MoveTo(back, actor, now, null);
    }

    /// <summary>A referent answered the household: the organisation's clock and (the first time) the household's wait stop.</summary>
    public void RecordResponse(int organisationId, DateTimeOffset now)
    {
        FirstRespondedAt ??= now;
        foreach (var assignment in Assignments.Where(a => a.OrganisationId == organisationId && a.EndedAt is null && a.RespondedAt is null))
        {
            assignment.RespondedAt = now;
        }
    }

    /// <summary>Routes the case to an organisation with its own first-response deadline.</summary>
    public CaseAssignment AssignTo(int organisationId, AssignmentRole role, string? userId, DateOnly dueOn, CaseActor actor, DateTimeOffset now, string organisationName)
    {
        var assignment = new CaseAssignment
        {
            OrganisationId = organisationId,
            Role = role,
            AssignedUserId = userId,
            ReceivedAt = now,
            FirstResponseDueOn = dueOn,
        };
        Assignments.Add(assignment);
        Record(CaseEventKind.Routed, actor, now, organisationName);
        return assignment;
    }

    /// <summary>
    /// Hands the case from one organisation to another: the sender's part ends, the receiver's clock starts today
    /// (its own deadline), and the household's whole wait keeps counting from the case's creation.
    /// </summary>
    public string? Transfer(int fromOrganisationId, int toOrganisationId, string toOrganisationName, string? toUserId, DateOnly dueOn, CaseActor actor, DateTimeOffset now)
    {
        if (Stage == CaseStage.Closed)
        {
            return "Un dossier clos ne peut pas être transféré.";
        }
        if (fromOrganisationId == toOrganisationId)
        {
            return "Choisissez une autre organisation que la vôtre.";
        }
        var from = Assignments.FirstOrDefault(a => a.OrganisationId == fromOrganisationId && a.EndedAt is null);
        if (from is null)
        {
            return "Votre organisation ne suit plus ce dossier.";
        }
        if (Assignments.Any(a => a.OrganisationId == toOrganisationId && a.EndedAt is null))
        {
            return "Cette organisation suit déjà ce dossier.";
        }
        from.EndedAt = now;
        from.EndReason = AssignmentEndReason.Transferred;
        Assignments.Add(new CaseAssignment
        {
            OrganisationId = toOrganisationId,
            Role = from.Role,
            AssignedUserId = toUserId,
            ReceivedAt = now,
            FirstResponseDueOn = dueOn,
        });
        Record(CaseEventKind.Transferred, actor, now, toOrganisationName);
        return null;
    }

    public CaseEvent Record(CaseEventKind kind, CaseActor actor, DateTimeOffset now, string? detail = null)
    {
        var entry = new CaseEvent { Kind = kind, At = now, ActorUserId = actor.UserId, ActorName = actor.Name, Detail = detail };
        Events.Add(entry);
        return entry;
    }

    private string? MoveTo(CaseStage stage, CaseActor actor, DateTimeOffset now, string? detail)
    {
        var from = Stage;
        Stage = stage;
        StageChangedAt = now;
        Record(CaseEventKind.StageChanged, actor, now, detail is null ? $"{from} → {stage}" : $"{from} → {stage} ({detail})");
        return null;
    }
}

public enum AssignmentRole
{
    /// <summary>The organisation that leads the welcome (the target intercommunality's service, or the departmental team).</summary>
    Lead,
    /// <summary>Also involved for part of the project (a chamber for a business, the tourism agency).</summary>
    Involved,
}

public enum AssignmentEndReason
{
    Transferred,
    Closed,
    Withdrawn,
}

/// <summary>An organisation's part in a case, with its own first-response clock.</summary>
public sealed class CaseAssignment : IPartOf<WelcomeCase>
{
    public int Id { get; set; }
    public int CaseId { get; set; }
    public int OrganisationId { get; set; }
    public WelcomeOrganisation? Organisation { get; set; }
    public AssignmentRole Role { get; set; }
    /// <summary>The member who follows the case for the organisation (proposed: the lightest caseload; a coordinator may change it).</summary>
    public string? AssignedUserId { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public DateOnly FirstResponseDueOn { get; set; }
    public DateTimeOffset? RespondedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public AssignmentEndReason? EndReason { get; set; }

    public bool IsActive => EndedAt is null;
    public bool IsOverdue(DateOnly today) => EndedAt is null && RespondedAt is null && today > FirstResponseDueOn;
}
