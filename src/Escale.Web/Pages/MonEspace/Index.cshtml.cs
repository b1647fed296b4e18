using Escale.Core.Data;
using Escale.Core.Identity;
using Escale.Core.Welcome;
using Escale.Core.Welcome.Matching;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.MonEspace;

/// <summary>
/// The household's home: where its case stands and what comes next, the stages it went through, who follows it, the
/// opportunities that match each adult (with why), the schools for each child, and what waits for it (messages,
/// referrals to consent to).
/// </summary>
public sealed class IndexModel(EscaleDbContext db, UserManager<ApplicationUser> users, HouseholdMatching matching) : PageModel
{
    public const int MatchesPerAdult = 5;

    public sealed record StageStep(CaseStage Stage, DateTimeOffset At);
    public sealed record Referent(string Organisation, string FirstName);
    public sealed record ShownMatch(string Title, string Link, string Place, int Score, IReadOnlyList<string> Reasons);
    public sealed record AdultMatches(string FirstName, IReadOnlyList<ShownMatch> Matches);

    public int? CaseId { get; private set; }
    public CaseStage Stage { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public IReadOnlyList<StageStep> History { get; private set; } = [];
    public IReadOnlyList<Referent> Referents { get; private set; } = [];
    public IReadOnlyList<AdultMatches> Matches { get; private set; } = [];
    public ChildSchoolsView Schools { get; private set; } = new([], ForHousehold: true);
    public IReadOnlyList<HousingMatchView> Housing { get; private set; } = [];
    public int UnreadMessages { get; private set; }
    public int PendingReferrals { get; private set; }
    public bool MatchEmails { get; private set; }
    /// <summary>The first name of the adult of the spouse profile, when there is one.</summary>
    public string? SpouseFirstName { get; private set; }
    /// <summary>The employers who asked to meet the spouse, still waiting for an answer or accepted.</summary>
    public IReadOnlyList<SpouseIntroductionRow> SpouseIntroductions { get; private set; } = [];

    public sealed record SpouseIntroductionRow(string Partner, IntroductionStatus Status);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var welcomeCase = await db.CaseOf(users.GetUserId(User)).AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        if (welcomeCase is null)
        {
            return;
        }
        CaseId = welcomeCase.Id;
        Stage = welcomeCase.Stage;
        CreatedAt = welcomeCase.CreatedAt;
        MatchEmails = welcomeCase.ConsentMatchEmailsAt is not null;
        var changes = await db.CaseEvents.Where(e => e.CaseId == welcomeCase.Id && e.Kind == CaseEventKind.StageChanged)
            .OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => new { e.At, e.Detail }).ToListAsync(cancellationToken);
        History = [new StageStep(CaseStage.NewContact, welcomeCase.CreatedAt), .. changes
            .Select(e => (e.At, Stage: StageReached(e.Detail)))
            .Where(e => e.Stage is not null)
            .Select(e => new StageStep(e.Stage!.Value, e.At))];
        var referents = await db.CaseAssignments.Where(a => a.CaseId == welcomeCase.Id && a.EndedAt == null)
            .OrderBy(a => a.Role).ThenBy(a => a.ReceivedAt)
            .Select(a => new { Organisation = a.Organisation!.Name, a.AssignedUserId })
            .ToListAsync(cancellationToken);
        var assigneeIds = referents.Where(r => r.AssignedUserId is not null).Select(r => r.AssignedUserId!).ToList();
        var names = await db.Users.Where(u => assigneeIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        Referents = referents.Select(r => new Referent(r.Organisation,
            r.AssignedUserId is { } id && names.TryGetValue(id, out var name) ? HouseholdSpace.FirstName(name) : "")).ToList();
        UnreadMessages = await db.CaseMessages.CountAsync(m => m.CaseId == welcomeCase.Id && !m.FromHousehold && m.ReadAt == null, cancellationToken);
        PendingReferrals = await db.CaseReferrals.CountAsync(r => r.CaseId == welcomeCase.Id && r.Status == ReferralStatus.Draft && r.ConsentedAt == null, cancellationToken);
        var spouse = await db.SpouseProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.CaseId == welcomeCase.Id, cancellationToken);
        if (spouse is not null)
        {
            SpouseFirstName = welcomeCase.Project.Adults.ElementAtOrDefault(spouse.AdultIndex)?.FirstName;
            SpouseIntroductions = await db.SpouseIntroductions
                .Where(i => i.SpouseProfileId == spouse.Id && i.Status != IntroductionStatus.Refused)
                .OrderByDescending(i => i.RequestedAt)
                .Select(i => new SpouseIntroductionRow(i.PartnerOrganisation!.Name, i.Status)).ToListAsync(cancellationToken);
        }
        if (welcomeCase.IsOpen)
        {
            var matches = await matching.MatchAsync(welcomeCase.Project, spouse, cancellationToken);
            Matches = await ShownAsync(db, welcomeCase.Project, matches, cancellationToken);
            Schools = new ChildSchoolsView(matches.Schools, ForHousehold: true);
            Housing = await HousingMatchView.ListAsync(db, [.. matches.For(null, HouseholdMatchKind.Housing).Take(MatchesPerAdult)], cancellationToken);
        }
    }

    /// <summary>The stage a StageChanged event moved to: its detail reads "From → To" or "From → To (reason)".</summary>
    public static CaseStage? StageReached(string? detail)
    {
        var to = detail?.Split('→', 2) is [_, var after] ? after.Trim().Split(' ', 2)[0] : null;
        return Enum.TryParse<CaseStage>(to, out var stage) ? stage : null;
    }

    /// <summary>Each adult's best job and business matches with their offer's title, link and commune (also the welcome kit's).</summary>
    public static async Task<IReadOnlyList<AdultMatches>> ShownAsync(EscaleDbContext db, HouseholdProject project, HouseholdMatches matches, CancellationToken cancellationToken)
    {
        var shown = project.Adults.Select((adult, i) => (adult.FirstName, List: matches.For(i, HouseholdMatchKind.Job)
            .Concat(matches.For(i, HouseholdMatchKind.Business)).OrderByDescending(m => m.Score).Take(MatchesPerAdult).ToList())).ToList();
        var ids = shown.SelectMany(s => s.List).Select(m => m.ItemId).Distinct().ToList();
        var opportunities = await db.Opportunities.Where(o => ids.Contains(o.Id))
            .Select(o => new { o.Id, o.Title, o.Slug, Commune = o.Commune!.Name }).ToDictionaryAsync(o => o.Id, cancellationToken);
        return shown.Select(s => new AdultMatches(s.FirstName, s.List.Where(m => opportunities.ContainsKey(m.ItemId)).Select(m =>
        {
            var o = opportunities[m.ItemId];
            return new ShownMatch(o.Title, Infrastructure.Links.SiteLinks.OpportunityPath(o.Id, o.Slug), o.Commune, m.Score, m.Reasons);
        }).ToList())).ToList();
    }

    /// <summary>The score in words, beside its bar.</summary>
    public static string ScoreWords(int score) => score >= HouseholdMatch.StrongScore ? "Très proche de votre projet" : score >= 50 ? "Proche de votre projet" : "À regarder";
}
