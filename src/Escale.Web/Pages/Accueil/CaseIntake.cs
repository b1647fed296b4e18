using System.Globalization;
using System.Text.Encodings.Web;
using Escale.Core.Data;
using Escale.Core.Welcome;
using Escale.Web.Infrastructure.Email;
using Escale.Web.Infrastructure.Links;
using Escale.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Accueil;

/// <summary>What a household submits: its project, its account, its consents, and the form's one-time key.</summary>
public sealed record CaseIntakeRequest(
    Guid SubmissionKey,
    string HouseholdUserId,
    string HouseholdEmail,
    string AccountName,
    HouseholdProject Project,
    int? PersonaId,
    string? CampaignCode,
    string? FirstCampaignCode,
    bool ConsentMatchEmails,
    bool ConsentFollowUp);

/// <summary>
/// The one place that makes a case from a household's project: routing to the welcome organisations, the proposed
/// member of each (the lightest caseload), their first-response deadline in French working days, the first events,
/// the household's "projet reçu" e-mail and each referent's "nouveau dossier" e-mail. Everything is written in one
/// transaction (the caller's, when it has one): the referents' e-mail needs the case's id, so the case is saved
/// first and the e-mails right after, and both commit or neither does.
/// </summary>
public sealed class CaseIntake(EscaleDbContext db, WelcomePack pack, IEmailOutbox outbox, SiteLinks links, TimeProvider time)
{
    /// <summary>
    /// Creates the case. A second submission with the same key fails on the unique index (a <see cref="DbUpdateException"/>);
    /// the caller rolls back and shows the case found by <see cref="FindAsync"/>.
    /// </summary>
    public async Task<WelcomeCase> CreateAsync(CaseIntakeRequest request, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(ParisTime.ToLocal(now));
        var dueOn = FrenchCalendar.AddWorkingDays(today, pack.FirstResponseWorkingDays);
        var project = request.Project;

        var communeIds = project.TargetCommuneIds;
        var communeEpcis = await db.Communes.Where(c => communeIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => c.IntercommunalityId, cancellationToken);
        var target = CaseRouting.SingleTargetIntercommunality(project, id => communeEpcis.TryGetValue(id, out var epci) ? epci : null);

        var organisations = await db.WelcomeOrganisations.AsNoTracking().OrderBy(o => o.Position)
            .Select(o => new { o.Id, o.Name, o.Kind, o.IntercommunalityId, o.NafSections, o.Email })
            .ToListAsync(cancellationToken);
        var nafCodes = project.Adults.Select(a => a.NafCode).OfType<string>().Distinct().ToList();
        var sections = await db.NafActivities.Where(n => nafCodes.Contains(n.Code))
            .ToDictionaryAsync(n => n.Code, n => n.Section, StringComparer.Ordinal, cancellationToken);
        var routed = CaseRouting.Route(project, target,
            organisations.Select(o => new RoutingOrganisation(o.Id, o.Name, o.Kind, o.IntercommunalityId, o.NafSections)).ToList(),
            naf => sections.GetValueOrDefault(naf));

        var welcomeCase = new WelcomeCase
        {
            SubmissionKey = request.SubmissionKey,
            HouseholdUserId = request.HouseholdUserId,
            HouseholdName = HouseholdName(project, request.AccountName),
            Project = project,
            Stage = CaseStage.NewContact,
            StageChangedAt = now,
            CreatedAt = now,
            IntercommunalityId = target,
            PersonaId = request.PersonaId,
            Source = project.HeardFrom,
            CampaignCode = request.CampaignCode,
            FirstCampaignCode = request.FirstCampaignCode,
            IsBusinessProject = project.IsBusinessProject,
            ConsentAccompanimentAt = now,
            ConsentMatchEmailsAt = request.ConsentMatchEmails ? now : null,
            ConsentFollowUpAt = request.ConsentFollowUp ? now : null,
        };
        var household = new CaseActor(request.HouseholdUserId, welcomeCase.HouseholdName);
        welcomeCase.Record(CaseEventKind.Created, household, now);

        var routedIds = routed.Select(r => r.Organisation.Id).ToList();
        var members = await db.WelcomeOrganisationMembers.Where(m => routedIds.Contains(m.OrganisationId))
            .Select(m => new { m.OrganisationId, m.UserId }).ToListAsync(cancellationToken);
        var memberIds = members.Select(m => m.UserId).Distinct().ToList();
        var openCases = await db.CaseAssignments
            .Where(a => a.EndedAt == null && a.AssignedUserId != null && memberIds.Contains(a.AssignedUserId))
            .GroupBy(a => a.AssignedUserId!)
            .Select(g => new { UserId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.UserId, g => g.Count, cancellationToken);
        var assigned = new List<(RoutedOrganisation Routed, string? UserId)>();
        foreach (var route in routed)
        {
            var userId = CaseRouting.ProposeMember(members.Where(m => m.OrganisationId == route.Organisation.Id).Select(m => m.UserId), openCases);
            welcomeCase.AssignTo(route.Organisation.Id, route.Role, userId, dueOn, CaseActor.System, now, route.Organisation.Name);
            assigned.Add((route, userId));
        }

        var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await using (transaction)
        {
            db.Cases.Add(welcomeCase);
            await db.SaveChangesAsync(cancellationToken);

            var lead = routed.FirstOrDefault(r => r.Role == AssignmentRole.Lead)?.Organisation.Name;
            QueueProjectReceived(request, lead, dueOn);
            var userIds = assigned.Select(a => a.UserId).OfType<string>().ToList();
            var referents = await db.Users.Where(u => userIds.Contains(u.Id))
                .Select(u => new { u.Id, u.Email, u.DisplayName }).ToDictionaryAsync(u => u.Id, cancellationToken);
            foreach (var (route, userId) in assigned)
            {
                // No member yet: the organisation's own address, when the pack gives one.
                var (to, name) = userId is not null && referents.TryGetValue(userId, out var referent)
                    ? (referent.Email, referent.DisplayName)
                    : (organisations.First(o => o.Id == route.Organisation.Id).Email, null);
                if (!string.IsNullOrEmpty(to))
                {
                    QueueNewCase(to, name, route.Organisation.Name, welcomeCase, dueOn);
                }
            }
            await db.SaveChangesAsync(cancellationToken);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }
        return welcomeCase;
    }

    /// <summary>The case a submission key made, if any (a double submit shows it again).</summary>
    public Task<int?> FindAsync(Guid submissionKey, CancellationToken cancellationToken = default) =>
        db.Cases.Where(c => c.SubmissionKey == submissionKey).Select(c => (int?)c.Id).FirstOrDefaultAsync(cancellationToken);

    /// <summary>How referents name the household: "Claire et Marc Martin" when they share a last name, else each full name.</summary>
    public static string HouseholdName(HouseholdProject project, string accountName)
    {
        var adults = project.Adults.Where(a => !string.IsNullOrWhiteSpace(a.FirstName)).ToList();
        if (adults.Count == 0)
        {
            return accountName.Trim();
        }
        var lastNames = adults.Select(a => a.LastName?.Trim()).Where(n => !string.IsNullOrEmpty(n)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var name = lastNames.Count <= 1
            ? JoinFrench(adults.Select(a => a.FirstName.Trim())) + (lastNames.Count == 1 ? " " + lastNames[0] : "")
            : JoinFrench(adults.Select(a => $"{a.FirstName.Trim()} {a.LastName?.Trim()}".Trim()));
        return name.Length <= 300 ? name : name[..300];
    }

    private static string JoinFrench(IEnumerable<string> parts)
    {
        var list = parts.ToList();
        return list.Count <= 1 ? string.Concat(list) : string.Join(", ", list.Take(list.Count - 1)) + " et " + list[^1];
    }

    private void QueueProjectReceived(CaseIntakeRequest request, string? lead, DateOnly dueOn)
    {
        var days = pack.FirstResponseWorkingDays.ToString(CultureInfo.InvariantCulture);
        Queue(request.HouseholdEmail, request.AccountName, "Votre projet d’installation est bien arrivé",
            [
                string.IsNullOrWhiteSpace(request.AccountName) ? "Bonjour," : $"Bonjour {request.AccountName.Trim()},",
                WelcomeLabels.StageMeaning(CaseStage.NewContact),
                lead is null
                    ? $"Un référent vous répondra d’ici le {LongDate(dueOn)} ({days} jours ouvrés au plus)."
                    : $"Votre projet est suivi par : {lead}. Un référent vous répondra d’ici le {LongDate(dueOn)} ({days} jours ouvrés au plus).",
                WelcomeLabels.StageNext(CaseStage.NewContact),
                "Votre espace montre où en est votre dossier, vos messages et les offres qui vous correspondent :",
            ],
            links.NewcomerSpace());
    }

    /// <summary>Nothing of the project but the household's name: the rest is read on the case file, where access is logged.</summary>
    private void QueueNewCase(string to, string? referentName, string organisationName, WelcomeCase welcomeCase, DateOnly dueOn) =>
        Queue(to, referentName, $"Nouveau dossier : {welcomeCase.HouseholdName}",
            [
                string.IsNullOrWhiteSpace(referentName) ? "Bonjour," : $"Bonjour {referentName},",
                $"Un nouveau projet d’installation est confié à « {organisationName} » : {welcomeCase.HouseholdName}.",
                $"Première réponse attendue au plus tard le {LongDate(dueOn)}.",
                "Le dossier :",
            ],
            links.CaseFile(welcomeCase.Id));

    private static string LongDate(DateOnly date) => date.ToString("dddd d MMMM yyyy", CultureInfo.GetCultureInfo("fr-FR"));

    private void Queue(string to, string? toName, string subject, IReadOnlyList<string> paragraphs, string link)
    {
        var text = string.Join("\n\n", paragraphs) + $"\n\n{link}\n\n— L’équipe Escale\n";
        var html = HtmlEncoder.Default;
        var body = "<!DOCTYPE html>\n<html lang=\"fr\"><body>\n"
            + string.Concat(paragraphs.Select(p => $"<p>{html.Encode(p)}</p>\n"))
            + $"<p><a href=\"{html.Encode(link)}\">{html.Encode(link)}</a></p>\n<p>— L’équipe Escale</p>\n</body></html>";
        outbox.Enqueue(new EmailMessage(to, toName, subject + " — Escale", text, body));
    }
}
