using System.Globalization;
using System.Linq.Expressions;
using Escale.Core.Data;
using Escale.Core.Welcome;
using Escale.Web.Infrastructure.Localization;
using Escale.Web.Infrastructure.Territory;
using Escale.Web.Pages.Accueil;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Admin.Dossiers;

/// <summary>
/// The caseload: the cases a referent may see (<see cref="CaseAccessRules"/>), counted by stage and deadline at the top,
/// filtered, overdue first-response cases first and then the newest, one page at a time; a coordinator reassigns the
/// ticked cases to another member of their organisation. Counts are grouped queries, the list a projection paged in SQL along
/// an index (bench/README.md gives its figures with 5,000 cases).
/// </summary>
public sealed class IndexModel(EscaleDbContext db, UserManager<Core.Identity.ApplicationUser> users, TimeProvider clock, TerritoryCatalog catalog) : PageModel
{
    public const int PageSize = 50;

    public sealed record Row(int Id, string? HouseholdName, CaseStage Stage, DateTimeOffset CreatedAt, string? Intercommunality,
        HeardFrom Source, bool Overdue, IReadOnlyList<string> Organisations, IReadOnlyList<string> Assignees);

    public sealed record Choice(string Value, string Label);

    public sealed record Member(int OrganisationId, string OrganisationName, string UserId, string Name);

    [BindProperty(SupportsGet = true, Name = "etape")]
    public CaseStage? Stage { get; set; }

    [BindProperty(SupportsGet = true, Name = "retard")]
    public bool OverdueOnly { get; set; }

    [BindProperty(SupportsGet = true, Name = "interco")]
    public int? IntercommunalityId { get; set; }

    [BindProperty(SupportsGet = true, Name = "profil")]
    public int? PersonaId { get; set; }

    [BindProperty(SupportsGet = true, Name = "source")]
    public HeardFrom? Source { get; set; }

    [BindProperty(SupportsGet = true, Name = "organisation")]
    public int? OrganisationId { get; set; }

    /// <summary>A member's user id, or "moi".</summary>
    [BindProperty(SupportsGet = true, Name = "suivi")]
    public string? AssignedTo { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    /// <summary>The ticked cases of a bulk reassignment.</summary>
    [BindProperty]
    public List<int> Selected { get; set; } = [];

    /// <summary>"organisationId:userId" of the member who takes the ticked cases.</summary>
    [BindProperty]
    public string? NewAssignee { get; set; }

    public CaseViewer Viewer { get; private set; } = null!;

    public IReadOnlyDictionary<CaseStage, int> PerStage { get; private set; } = new Dictionary<CaseStage, int>();

    public int OpenCount => PerStage.Where(s => s.Key != CaseStage.Closed).Sum(s => s.Value);

    public int NewCount => PerStage.GetValueOrDefault(CaseStage.NewContact);

    public int OverdueCount { get; private set; }

    public int TasksOverdueCount { get; private set; }

    public int Total { get; private set; }

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public IReadOnlyList<Choice> Intercommunalities { get; private set; } = [];

    public IReadOnlyList<Choice> Personas { get; private set; } = [];

    public IReadOnlyList<Choice> Organisations { get; private set; } = [];

    /// <summary>The members of the organisations the viewer belongs to (the "followed by" filter).</summary>
    public IReadOnlyList<Member> Members { get; private set; } = [];

    /// <summary>The members a coordinator may hand cases to: those of the organisations they coordinate.</summary>
    public IReadOnlyList<Member> ReassignTargets => [.. Members.Where(m => Viewer.IsCoordinatorOf(m.OrganisationId))];

    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        // The page's ten small queries share one connection: opening one for each (and, on SQLite, registering the
        // provider's functions on it) cost more than the queries themselves.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (await LoadViewerAsync(cancellationToken) is { } refused)
            {
                return refused;
            }
            await DescribeAsync(cancellationToken);
            return Page();
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public async Task<IActionResult> OnPostReaffecterAsync(CancellationToken cancellationToken)
    {
        if (await LoadViewerAsync(cancellationToken) is { } refused)
        {
            return refused;
        }
        if (!Viewer.IsCoordinator)
        {
            TempData["StatusMessage"] = "Seul un coordinateur peut réaffecter des dossiers.";
            return RedirectToPage(Filters(PageNumber));
        }
        var parts = (NewAssignee ?? "").Split(':', 2);
        var organisationId = parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
        var userId = parts.Length == 2 ? parts[1] : "";
        if (!Viewer.IsCoordinatorOf(organisationId)
            || !await db.WelcomeOrganisationMembers.AnyAsync(m => m.OrganisationId == organisationId && m.UserId == userId, cancellationToken))
        {
            ModelState.AddModelError(nameof(NewAssignee), "Choisissez un membre d’une organisation que vous coordonnez.");
        }
        if (Selected.Count == 0)
        {
            ModelState.AddModelError(nameof(Selected), "Cochez au moins un dossier à réaffecter.");
        }
        if (!ModelState.IsValid)
        {
            await DescribeAsync(cancellationToken);
            return Page();
        }
        var memberName = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName ?? u.Email).SingleAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var cases = await CaseAccessRules.Visible(db.Cases, Viewer)
            .Where(c => Selected.Contains(c.Id))
            .Include(c => c.Assignments.Where(a => a.EndedAt == null && a.OrganisationId == organisationId))
            .ToListAsync(cancellationToken);
        var moved = 0;
        foreach (var welcomeCase in cases)
        {
            var assignment = welcomeCase.Assignments.FirstOrDefault();
            if (assignment is null || assignment.AssignedUserId == userId)
            {
                continue;
            }
            assignment.AssignedUserId = userId;
            welcomeCase.Record(CaseEventKind.AssigneeChanged, Viewer.Actor, now, memberName);
            CaseAccessRules.Record(db, welcomeCase.Id, Viewer, [organisationId], CaseAccessAction.Changed, now);
            moved++;
        }
        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = moved == 1 ? $"Un dossier confié à {memberName}." : $"{moved} dossiers confiés à {memberName}.";
        return RedirectToPage(Filters(PageNumber));
    }

    /// <summary>The current filters as route values, for links and redirects (page 1 is left out).</summary>
    public Dictionary<string, string> Filters(int page)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string key, object? value)
        {
            if (value is not null && value.ToString() is { Length: > 0 } text)
            {
                values[key] = text;
            }
        }
        Add("etape", Stage);
        Add("retard", OverdueOnly ? "true" : null);
        Add("interco", IntercommunalityId?.ToString(CultureInfo.InvariantCulture));
        Add("profil", PersonaId?.ToString(CultureInfo.InvariantCulture));
        Add("source", Source);
        Add("organisation", OrganisationId?.ToString(CultureInfo.InvariantCulture));
        Add("suivi", AssignedTo);
        Add("p", page > 1 ? page.ToString(CultureInfo.InvariantCulture) : null);
        return values;
    }

    /// <summary>The columns a row shows, with who follows the case now (organisation and referent's name), newest first along the (CreatedAt, Id) index.</summary>
    private IQueryable<PageCase> NewestFirst(IQueryable<WelcomeCase> cases) =>
        cases.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
            .Select(c => new PageCase(c.Id, c.HouseholdName, c.Stage, c.CreatedAt, c.IntercommunalityId, c.Source,
                c.Assignments.Where(a => a.EndedAt == null).OrderBy(a => a.Id)
                    .Select(a => new PageAssignment(a.Organisation!.Name,
                        db.Users.Where(u => u.Id == a.AssignedUserId).Select(u => u.DisplayName ?? u.Email).FirstOrDefault()))
                    .ToList()));

    private sealed record PageCase(int Id, string? HouseholdName, CaseStage Stage, DateTimeOffset CreatedAt, int? IntercommunalityId, HeardFrom Source,
        List<PageAssignment> Assignments);

    private sealed record PageAssignment(string Organisation, string? Assignee);

    private enum FigureKind
    {
        Stage,
        LateCases,
        LateTasks,
    }

    /// <summary>One figure of the caseload's head: the cases at a stage, or one of the two late counts.</summary>
    private sealed class Figure
    {
        public FigureKind Kind { get; init; }

        public CaseStage Stage { get; init; }

        public int Count { get; init; }
    }

    private async Task<IActionResult?> LoadViewerAsync(CancellationToken cancellationToken)
    {
        var viewer = await CaseAccessRules.ViewerAsync(db, users.GetUserId(User), cancellationToken);
        if (viewer is null)
        {
            return Forbid();
        }
        Viewer = viewer;
        Today = DateOnly.FromDateTime(ParisTime.ToLocal(clock.GetUtcNow()));
        return null;
    }

    private async Task DescribeAsync(CancellationToken cancellationToken)
    {
        var today = Today;
        var visible = CaseAccessRules.Visible(db.Cases.AsNoTracking(), Viewer);
        // Whose clocks count: the organisation filtered on, else the viewer's own organisations (the whole territory for the team).
        IReadOnlyList<int> clockOrganisations = OrganisationId is { } chosen ? [chosen] : Viewer.SeesAll ? [] : Viewer.OrganisationIds;
        var anyClock = clockOrganisations.Count == 0;
        Expression<Func<CaseAssignment, bool>> unansweredLate = a => a.EndedAt == null && a.RespondedAt == null && a.FirstResponseDueOn < today
            && (anyClock || clockOrganisations.Contains(a.OrganisationId));
        Expression<Func<WelcomeCase, bool>> overdue = c => c.Assignments.AsQueryable().Any(unansweredLate);
        Expression<Func<WelcomeCase, bool>> notOverdue = c => !c.Assignments.AsQueryable().Any(unansweredLate);

        // The figures at the top in one round trip: the cases by stage, the cases whose first answer is late (counted from the
        // few unanswered assignments, which a partial index holds, not by probing every case) and the late tasks. The
        // departmental team sees every case, so its counts need not look the cases up.
        var lateCaseIds = db.CaseAssignments.Where(unansweredLate).Select(a => a.CaseId);
        var lateTasks = db.CaseTasks.Where(t => t.DoneAt == null && t.DueOn < today);
        if (!Viewer.SeesAll)
        {
            lateCaseIds = lateCaseIds.Where(id => visible.Any(c => c.Id == id));
            lateTasks = lateTasks.Where(t => visible.Any(c => c.Id == t.CaseId));
        }
        var figures = await visible.GroupBy(c => c.Stage).Select(g => new Figure { Kind = FigureKind.Stage, Stage = g.Key, Count = g.Count() })
            .Concat(lateCaseIds.Distinct().GroupBy(id => 1).Select(g => new Figure { Kind = FigureKind.LateCases, Stage = CaseStage.NewContact, Count = g.Count() }))
            .Concat(lateTasks.GroupBy(t => 1).Select(g => new Figure { Kind = FigureKind.LateTasks, Stage = CaseStage.NewContact, Count = g.Count() }))
            .ToListAsync(cancellationToken);
        PerStage = figures.Where(f => f.Kind == FigureKind.Stage).ToDictionary(f => f.Stage, f => f.Count);
        OverdueCount = figures.FirstOrDefault(f => f.Kind == FigureKind.LateCases)?.Count ?? 0;
        TasksOverdueCount = figures.FirstOrDefault(f => f.Kind == FigureKind.LateTasks)?.Count ?? 0;

        var filtered = visible;
        // Filters the counts above do not answer; without them the total and the overdue total are already known.
        var narrowed = false;
        if (Stage is { } stage)
        {
            filtered = filtered.Where(c => c.Stage == stage);
        }
        if (IntercommunalityId is { } epci)
        {
            filtered = filtered.Where(c => c.IntercommunalityId == epci);
            narrowed = true;
        }
        if (PersonaId is { } persona)
        {
            filtered = filtered.Where(c => c.PersonaId == persona);
            narrowed = true;
        }
        if (Source is { } source)
        {
            filtered = filtered.Where(c => c.Source == source);
            narrowed = true;
        }
        if (OrganisationId is { } organisation)
        {
            filtered = filtered.Where(c => c.Assignments.Any(a => a.OrganisationId == organisation && a.EndedAt == null));
            narrowed = true;
        }
        if (AssignedTo is { Length: > 0 } assignee)
        {
            var member = assignee == "moi" ? Viewer.UserId : assignee;
            filtered = filtered.Where(c => c.Assignments.Any(a => a.AssignedUserId == member && a.EndedAt == null));
            narrowed = true;
        }
        if (OverdueOnly)
        {
            filtered = filtered.Where(overdue);
        }
        Total = narrowed || (OverdueOnly && Stage is not null) ? await filtered.CountAsync(cancellationToken)
            : OverdueOnly ? OverdueCount
            : Stage is { } only ? PerStage.GetValueOrDefault(only)
            : PerStage.Values.Sum();
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);

        // Overdue first, then the newest: the overdue cases newest first, then the others newest first, each read a page at a
        // time along the (CreatedAt, Id) index, rather than one sort of every case on a flag computed for each.
        var overdueTotal = OverdueOnly ? Total : narrowed || Stage is not null ? await filtered.CountAsync(overdue, cancellationToken) : OverdueCount;
        var skip = (PageNumber - 1) * PageSize;
        var rows = new List<(PageCase Case, bool Overdue)>(PageSize);
        if (skip < overdueTotal)
        {
            rows.AddRange((await NewestFirst(filtered.Where(overdue)).Skip(skip).Take(PageSize).ToListAsync(cancellationToken)).Select(c => (c, true)));
        }
        if (rows.Count < PageSize && !OverdueOnly)
        {
            rows.AddRange((await NewestFirst(filtered.Where(notOverdue)).Skip(Math.Max(0, skip - overdueTotal)).Take(PageSize - rows.Count)
                .ToListAsync(cancellationToken)).Select(c => (c, false)));
        }
        var territory = await catalog.GetAsync(cancellationToken);
        var intercommunalityNames = territory.Intercommunalities.ToDictionary(e => e.Id, e => e.Name);
        Rows = [.. rows.Select(r => new Row(r.Case.Id, r.Case.HouseholdName, r.Case.Stage, r.Case.CreatedAt,
            r.Case.IntercommunalityId is { } epci ? intercommunalityNames.GetValueOrDefault(epci) : null, r.Case.Source, r.Overdue,
            [.. r.Case.Assignments.Select(a => a.Organisation)],
            [.. r.Case.Assignments.Where(a => a.Assignee != null).Select(a => a.Assignee!)]))];

        var myOrganisations = Viewer.OrganisationIds;
        Members = await db.WelcomeOrganisationMembers.AsNoTracking()
            .Where(m => myOrganisations.Contains(m.OrganisationId))
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new Member(m.OrganisationId, m.Organisation!.Name, m.UserId, u.DisplayName ?? u.Email ?? ""))
            .ToListAsync(cancellationToken);
        // The territory's lists come from the catalog kept in memory (sorted by name and by position, as read).
        Intercommunalities = [.. territory.Intercommunalities.Select(e => new Choice(e.Id.ToString(CultureInfo.InvariantCulture), e.Name))];
        Personas = [.. territory.Personas.Select(p => new Choice(p.Id.ToString(CultureInfo.InvariantCulture), p.Name.Current))];
        // A referent's own organisations are already known; the departmental team chooses among all of them.
        Organisations = Viewer.SeesAll
            ? await db.WelcomeOrganisations.AsNoTracking().OrderBy(o => o.Position).ThenBy(o => o.Name)
                .Select(o => new Choice(o.Id.ToString(CultureInfo.InvariantCulture), o.Name)).ToListAsync(cancellationToken)
            : [.. Viewer.Organisations.Select(o => new Choice(o.Id.ToString(CultureInfo.InvariantCulture), o.Name))];
    }
}
