using System.Globalization;
using Escale.Core.Data;
using Escale.Core.Welcome;
using Escale.Core.Welcome.Matching;
using Escale.Web.Infrastructure.Email;
using Escale.Web.Infrastructure.Jobs;
using Escale.Web.Infrastructure.Links;
using Escale.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.MonEspace;

/// <summary>
/// Once a day: each open case whose household agreed to it gets one e-mail of the strong matches it was never told
/// about (<see cref="CaseMatchNotice"/> keeps which), and nothing when there are none; never two in one Paris day.
/// </summary>
public sealed partial class MatchEmailJob(EscaleDbContext db, HouseholdMatching matching, MatchEmails mail, IEmailOutbox outbox,
    SiteLinks links, TimeProvider clock, ILogger<MatchEmailJob> logger) : IScheduledJob
{
    public const string Name = "household-match-emails";
    public const int MaxPerEmail = 10;
    private const int Batch = 100;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(ParisTime.ToLocal(now));
        var sent = 0;
        var lastId = 0;
        while (true)
        {
            // A batch of cases with each household's address, then what each was already told and its spouse profile, in three queries per batch.
            var batch = await db.Cases
                .Where(c => c.Id > lastId && c.Stage != CaseStage.Closed && c.ConsentMatchEmailsAt != null && c.HouseholdUserId != null)
                .OrderBy(c => c.Id).Take(Batch)
                .Select(c => new { Case = c, Address = db.Users.Where(u => u.Id == c.HouseholdUserId).Select(u => u.Email).FirstOrDefault() })
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }
            lastId = batch[^1].Case.Id;
            var due = batch.Where(b => b.Address is not null
                && !(b.Case.LastMatchEmailAt is { } last && DateOnly.FromDateTime(ParisTime.ToLocal(last)) >= today)).ToList();
            var dueIds = due.Select(b => b.Case.Id).ToList();
            var told = (await db.CaseMatchNotices.Where(n => dueIds.Contains(n.CaseId)).Select(n => new { n.CaseId, n.OpportunityId }).ToListAsync(cancellationToken))
                .ToLookup(n => n.CaseId, n => n.OpportunityId);
            var spouses = await db.SpouseProfiles.AsNoTracking().Where(p => dueIds.Contains(p.CaseId)).ToDictionaryAsync(p => p.CaseId, cancellationToken);
            foreach (var item in due)
            {
                if (await SendAsync(item.Case, spouses.GetValueOrDefault(item.Case.Id), item.Address!, told[item.Case.Id].ToHashSet(), now, cancellationToken))
                {
                    sent++;
                }
            }
            db.ChangeTracker.Clear();
        }
        LogRun(sent);
    }

    private async Task<bool> SendAsync(WelcomeCase welcomeCase, SpouseProfile? spouse, string address, HashSet<int> told, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // The e-mail tells of offers only: the housing free at the arrival (two queries) is left out of the matching.
        var matches = await matching.MatchAsync(welcomeCase.Project, spouse, includeHousing: false, cancellationToken);
        var fresh = matches.Strong.Where(m => m.Kind is HouseholdMatchKind.Job or HouseholdMatchKind.Business).GroupBy(m => m.ItemId).Select(g => g.MaxBy(m => m.Score)!)
            .Where(m => !told.Contains(m.ItemId)).OrderByDescending(m => m.Score).Take(MaxPerEmail).ToList();
        if (fresh.Count == 0)
        {
            return false;
        }
        var ids = fresh.Select(m => m.ItemId).ToList();
        var opportunities = await db.Opportunities.Where(o => ids.Contains(o.Id))
            .Select(o => new { o.Id, o.Title, o.Slug, Commune = o.Commune!.Name }).ToDictionaryAsync(o => o.Id, cancellationToken);
        var items = fresh.Where(m => opportunities.ContainsKey(m.ItemId)).Select(m =>
        {
            var o = opportunities[m.ItemId];
            return new MatchEmails.Item(o.Title, links.Opportunity(o.Id, o.Slug), o.Commune, m.Reasons);
        }).ToList();
        if (items.Count == 0)
        {
            return false;
        }
        foreach (var id in opportunities.Keys)
        {
            db.CaseMatchNotices.Add(new CaseMatchNotice { CaseId = welcomeCase.Id, OpportunityId = id, NotifiedAt = now });
        }
        welcomeCase.LastMatchEmailAt = now;
        welcomeCase.Record(CaseEventKind.MatchesEmailed, CaseActor.System, now, items.Count.ToString(CultureInfo.InvariantCulture));
        outbox.Enqueue(mail.NewMatches(address, welcomeCase.Id, items));
        // Saved case by case, with its e-mail: a failure half-way must not send the first ones again tomorrow.
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Household match e-mails: {Sent} queued")]
    private partial void LogRun(int sent);
}
