using Escale.Core.Data;
using Escale.Web.Infrastructure.Email;
using Escale.Web.Infrastructure.Jobs;
using Escale.Web.Infrastructure.Links;
using Escale.Web.Infrastructure.Localization;
using Escale.Web.Pages.Accueil;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Admin.Dossiers;

/// <summary>
/// Daily: e-mails each referent the open tasks due today or overdue on the cases they follow — once per task (the mark
/// is saved with the e-mail). A task with no assignee goes to whoever follows the case for its lead organisation.
/// </summary>
public sealed class TaskReminderJob(EscaleDbContext db, IEmailOutbox outbox, SiteLinks links, TimeProvider clock) : IScheduledJob
{
    public const string Name = "case-task-reminders";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(ParisTime.ToLocal(now));
        var due = await db.CaseTasks
            .Where(t => t.DoneAt == null && t.ReminderSentAt == null && t.DueOn <= today)
            .Select(t => new
            {
                Task = t,
                Assignee = t.AssignedUserId ?? db.CaseAssignments
                    .Where(a => a.CaseId == t.CaseId && a.EndedAt == null && a.AssignedUserId != null)
                    .OrderBy(a => a.Role).ThenBy(a => a.Id).Select(a => a.AssignedUserId).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var assigneeIds = due.Where(d => d.Assignee is not null).Select(d => d.Assignee!).Distinct().ToList();
        var referents = await db.Users.Where(u => assigneeIds.Contains(u.Id))
            .Select(u => new { u.Id, u.Email, u.DisplayName }).ToDictionaryAsync(u => u.Id, StringComparer.Ordinal, cancellationToken);
        foreach (var group in due.Where(d => d.Assignee is not null).GroupBy(d => d.Assignee!, StringComparer.Ordinal))
        {
            var user = referents.GetValueOrDefault(group.Key);
            if (user?.Email is null)
            {
                continue;
            }
            var tasks = group.OrderBy(d => d.Task.DueOn).ToList();
            outbox.Enqueue(CaseEmails.TasksDue(user.Email, user.DisplayName,
                [.. tasks.Select(d => new CaseEmails.DueTask(d.Task.Title, d.Task.DueOn, links.CaseFile(d.Task.CaseId)))], links.Caseload()));
            tasks.ForEach(d => d.Task.ReminderSentAt = now);
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
