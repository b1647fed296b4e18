using Escale.Core.Content;
using Escale.Core.Data;
using Escale.Core.Identity;
using Escale.Core.Opportunities;
using Escale.Core.Welcome;
using Escale.Web.Pages.Accueil;
using Escale.Web.Pages.EspacePartenaire;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Compte;

// string.ToUpper() inside these queries is translated to SQL upper() on both databases; the culture-aware
// overloads the analyzers ask for are not translatable.
#pragma warning disable CA1304, CA1311, CA1862

/// <summary>
/// The personal data a person's account and e-mail address are linked to: exported on request, erased on
/// request or when the retention period ends (see the privacy page). Opportunities and stories a person wrote for an
/// organisation stay, without their name.
/// </summary>
public sealed class PersonalData(EscaleDbContext db, UserManager<ApplicationUser> users, TimeProvider clock)
{
    public async Task<object> ExportAsync(ApplicationUser user, CancellationToken cancellationToken)
    {
        var email = Normalize(user.Email);
        var roles = await users.GetRolesAsync(user);
        return new
        {
            Compte = new { user.DisplayName, user.Email, user.EmailConfirmed, user.CreatedAt, user.LastSignInAt, Campagne = user.CampaignCode, PremiereCampagne = user.FirstCampaignCode, Roles = roles },
            IntercommunalitesSuivies = await db.Users.Where(u => u.Id == user.Id).SelectMany(u => u.ReferentIntercommunalities.Select(e => e.Name)).ToListAsync(cancellationToken),
            Organisations = await db.OrganisationMembers.Where(m => m.UserId == user.Id).Select(m => m.Organisation!.Name).ToListAsync(cancellationToken),
            Alertes = await db.SearchAlerts.Where(a => a.Email.ToUpper() == email)
                .Select(a => new { a.Label, a.QueryString, a.CreatedAt, a.ConfirmedAt, a.LastSentAt }).ToListAsync(cancellationToken),
            InteretsPourDesOffres = await InterestsAsync(user.Id, email, cancellationToken),
            DemandesDeContactReprise = await db.TakeoverContactRequests.Where(r => r.UserId == user.Id || r.Email.ToUpper() == email)
                .Select(r => new { Offre = r.Opportunity!.Title, r.Name, r.Email, r.Phone, r.Message, Statut = r.Status.ToString(), r.CreatedAt, r.DecidedAt }).ToListAsync(cancellationToken),
            DossiersAccueil = await WelcomeCasesAsync(user.Id, cancellationToken),
        };
    }

    /// <summary>Each interest with the employer's follow-up: its status in words, and every answer and status change it was told of.</summary>
    private async Task<List<object>> InterestsAsync(string userId, string email, CancellationToken cancellationToken)
    {
        var interests = await db.OpportunityInterests.AsNoTracking().Where(i => i.UserId == userId || i.Email.ToUpper() == email)
            .OrderBy(i => i.CreatedAt)
            .Select(i => new { Offre = i.Opportunity!.Title, i.Name, i.Email, i.Phone, i.Message, i.ConsentedAt, i.CreatedAt, i.Status, i.StatusChangedAt, i.Steps })
            .ToListAsync(cancellationToken);
        return [.. interests.Select(i => (object)new
        {
            i.Offre, i.Name, i.Email, i.Phone, i.Message, i.ConsentedAt, i.CreatedAt,
            Statut = CandidateLabels.Status(i.Status), StatutDepuis = i.StatusChangedAt,
            Suivi = i.Steps.OrderBy(s => s.At).Select(s => new { s.At, Etape = CandidateLabels.Step(s.Kind, s.Status), s.Message }),
        })];
    }

    /// <summary>The household's welcome case: its project and everything the household and the referents wrote to it, except the referents' private notes and tasks.</summary>
    private async Task<List<object>> WelcomeCasesAsync(string userId, CancellationToken cancellationToken)
    {
        var cases = await db.Cases.AsNoTracking().Where(c => c.HouseholdUserId == userId).OrderBy(c => c.Id)
            .Include(c => c.Events).Include(c => c.Messages).Include(c => c.Accesses).Include(c => c.Questionnaires)
            .Include(c => c.Referrals).ThenInclude(r => r.PartnerOrganisation)
            .AsSplitQuery().ToListAsync(cancellationToken);
        var exported = new List<object>();
        foreach (var c in cases)
        {
            var documents = await db.CaseDocuments.Where(d => d.CaseId == c.Id).OrderBy(d => d.UploadedAt)
                .Select(d => new { Nom = d.FileName, Type = d.ContentType, Octets = d.SizeBytes, DeposeLe = d.UploadedAt, DeposeParLeMenage = d.FromHousehold })
                .ToListAsync(cancellationToken);
            exported.Add(new
            {
                c.Id, Nom = c.HouseholdName, Etape = WelcomeLabels.Stage(c.Stage), CreeLe = c.CreatedAt, EtapeDepuis = c.StageChangedAt, InstalleLe = c.InstalledOn,
                Projet = c.Project,
                AccordAccompagnement = c.ConsentAccompanimentAt, AccordCourrielsOffres = c.ConsentMatchEmailsAt, AccordSuivi = c.ConsentFollowUpAt,
                Historique = c.Events.OrderBy(e => e.At).Select(e => new { e.At, Evenement = WelcomeLabels.EventKind(e.Kind), Par = e.ActorName, e.Detail }),
                Messages = c.Messages.OrderBy(m => m.At).Select(m => new { m.At, DuMenage = m.FromHousehold, Auteur = m.AuthorName, Texte = m.Body, LuLe = m.ReadAt }),
                Documents = documents,
                MisesEnRelation = c.Referrals.OrderBy(r => r.CreatedAt).Select(r => new
                {
                    Partenaire = r.PartnerOrganisation?.Name, Statut = WelcomeLabels.ReferralStatus(r.Status), Message = r.Message,
                    Partage = WelcomeLabels.Shared(r.Shared), r.CreatedAt, AccepteLe = r.ConsentedAt, EnvoyeeLe = r.SentAt, RaisonDuRefus = r.DeclineReason,
                }),
                Acces = c.Accesses.OrderBy(a => a.At).Select(a => new { a.At, Qui = a.ActorName, Organisation = a.OrganisationName, Action = WelcomeLabels.AccessAction(a.Action) }),
                Questionnaires = c.Questionnaires.OrderBy(q => q.SentAt).Select(q => new
                {
                    Echeance = q.Milestone.ToString(), EnvoyeLe = q.SentAt, ReponduLe = q.AnsweredAt, HabiteToujoursIci = q.StillLivingHere,
                    CeQuiAAide = q.WhatHelped, CeQuiAManque = q.WhatWasMissing, Recommandation = q.Recommendation,
                }),
            });
        }
        return exported;
    }

    /// <summary>
    /// An erased household's case keeps only anonymous figures for the programme's statistics — stage, dates,
    /// intercommunality, persona, source, business or not — and is closed if it was open. Everything written about or by
    /// the household goes: project, messages, notes, documents, access log, answers, referrals' words, task titles.
    /// </summary>
    private async Task AnonymiseWelcomeCasesAsync(string userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var cases = await db.Cases.Include(c => c.Assignments).Where(c => c.HouseholdUserId == userId).ToListAsync(cancellationToken);
        if (cases.Count == 0)
        {
            return;
        }
        foreach (var c in cases)
        {
            if (c.IsOpen)
            {
                c.Close(CaseClosedReason.AccountErased, CaseActor.System, now);
            }
            c.Anonymised = true;
            c.HouseholdUserId = null;
            c.HouseholdName = null;
            c.Project = new HouseholdProject();
            c.ConsentMatchEmailsAt = null;
            c.ConsentFollowUpAt = null;
        }
        await db.SaveChangesAsync(cancellationToken);
        var ids = cases.Select(c => c.Id).ToList();
        await db.CaseMessages.Where(m => ids.Contains(m.CaseId)).ExecuteDeleteAsync(cancellationToken);
        await db.CaseNotes.Where(n => ids.Contains(n.CaseId)).ExecuteDeleteAsync(cancellationToken);
        await db.CaseDocuments.Where(d => ids.Contains(d.CaseId)).ExecuteDeleteAsync(cancellationToken);
        await db.CaseAccesses.Where(a => ids.Contains(a.CaseId)).ExecuteDeleteAsync(cancellationToken);
        await db.CaseMatchNotices.Where(n => ids.Contains(n.CaseId)).ExecuteDeleteAsync(cancellationToken);
        await db.CaseTasks.Where(t => ids.Contains(t.CaseId)).ExecuteUpdateAsync(s => s.SetProperty(t => t.Title, "—"), cancellationToken);
        await db.CaseQuestionnaires.Where(q => ids.Contains(q.CaseId))
            .ExecuteUpdateAsync(s => s.SetProperty(q => q.WhatHelped, (string?)null).SetProperty(q => q.WhatWasMissing, (string?)null), cancellationToken);
        await db.CaseReferrals.Where(r => ids.Contains(r.CaseId))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Message, "—").SetProperty(r => r.DeclineReason, (string?)null), cancellationToken);
        // The timeline keeps what happened and when; who the household was, and the details that could name it, go.
        await db.CaseEvents.Where(e => ids.Contains(e.CaseId) && e.ActorUserId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.ActorUserId, (string?)null).SetProperty(e => e.ActorName, "Le ménage"), cancellationToken);
        await db.CaseEvents.Where(e => ids.Contains(e.CaseId) && e.Kind != CaseEventKind.StageChanged)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Detail, (string?)null), cancellationToken);
    }

    /// <summary>Erases the account and everything linked to it or to its address, in one transaction.</summary>
    public async Task EraseAsync(ApplicationUser user, CancellationToken cancellationToken)
    {
        var email = Normalize(user.Email);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await AnonymiseWelcomeCasesAsync(user.Id, cancellationToken);
        await db.SearchAlerts.Where(a => a.Email.ToUpper() == email).ExecuteDeleteAsync(cancellationToken);
        await db.OpportunityInterests.Where(i => i.UserId == user.Id || i.Email.ToUpper() == email).ExecuteDeleteAsync(cancellationToken);
        await db.TakeoverContactRequests.Where(r => r.UserId == user.Id || r.Email.ToUpper() == email).ExecuteDeleteAsync(cancellationToken);
        // Mail to the address, whether waiting, failed or kept as sent: an erased account receives nothing more.
        await db.OutboxEmails.Where(e => e.To.ToUpper() == email).ExecuteDeleteAsync(cancellationToken);
        await db.Opportunities.Where(o => o.SubmittedByUserId == user.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.SubmittedByUserId, (string?)null), cancellationToken);
        // Bypasses UpdatedAtInterceptor on purpose: the author is not shown, so listings, feeds and sitemaps have nothing new.
        await db.ContentItems.Where(c => c.AuthorUserId == user.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.AuthorUserId, (string?)null), cancellationToken);
        await db.ContentRevisions.Where(r => r.AuthorUserId == user.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.AuthorUserId, (string?)null), cancellationToken);
        var result = await users.DeleteAsync(user);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("The account could not be deleted: " + string.Join("; ", result.Errors.Select(e => e.Code)));
        }
        await transaction.CommitAsync(cancellationToken);
    }

    // Addresses are compared as Identity does (upper case); SQL upper() on both databases.
    private static string Normalize(string? email) => (email ?? "").Trim().ToUpperInvariant();
}
