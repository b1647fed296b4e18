using Escale.Core.BrandCoCreation;
using Escale.Core.Calls;
using Escale.Core.Campaigns;
using Escale.Core.Content;
using Escale.Core.Data;
using Escale.Core.Identity;
using Escale.Core.Media;
using Escale.Core.Opportunities;
using Escale.Core.Opportunities.Interest;
using Escale.Core.Welcome;
using Escale.Core.Welcome.Housing;
using Escale.Web.Infrastructure.Identity;
using Escale.Web.Infrastructure.Media;
using Escale.Web.Pages.Accueil;
using Escale.Web.Pages.Appels;
using Escale.Web.Pages.Candidatures;
using Escale.Web.Pages.EspacePartenaire;
using Escale.Web.Pages.Jeunes.Marque;
using Escale.Web.Pages.Offres;
using Escale.Web.Pages.ReseauAccueil;
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
public sealed class PersonalData(EscaleDbContext db, UserManager<ApplicationUser> users, NewcomerEventBooking newcomerEvents, MediaLibrary media,
    ApplicationEmails applicationEmails, TimeProvider clock)
{
    /// <summary>
    /// Everything linked to the person, for the right of access: French keys throughout, statuses and choices in words,
    /// dates in ISO 8601 (as System.Text.Json writes them), and the campaign that brought each contact, named when it still exists.
    /// </summary>
    public async Task<object> ExportAsync(ApplicationUser user, CancellationToken cancellationToken)
    {
        var email = Normalize(user.Email);
        var roles = await users.GetRolesAsync(user);
        var campaigns = await db.Campaigns.AsNoTracking().ToDictionaryAsync(c => c.Slug, c => c.Name, cancellationToken);
        var requests = await db.TakeoverContactRequests.AsNoTracking().Where(r => r.UserId == user.Id || r.Email.ToUpper() == email)
            .OrderBy(r => r.CreatedAt)
            .Select(r => new { Offre = r.Opportunity!.Title, r.Name, r.Email, r.Phone, r.Message, r.Status, r.ConsentedAt, r.CreatedAt, r.DecidedAt, r.CampaignCode, r.FirstCampaignCode })
            .ToListAsync(cancellationToken);
        return new
        {
            Compte = new
            {
                Nom = user.DisplayName, Courriel = user.Email, CourrielConfirme = user.EmailConfirmed, CreeLe = user.CreatedAt, DerniereConnexion = user.LastSignInAt,
                Roles = roles.Select(RoleLabels.Of), Campagnes = Touches(campaigns, user.CampaignCode, user.FirstCampaignCode),
            },
            IntercommunalitesSuivies = await db.Users.Where(u => u.Id == user.Id).SelectMany(u => u.ReferentIntercommunalities.Select(e => e.Name)).ToListAsync(cancellationToken),
            Organisations = await db.OrganisationMembers.Where(m => m.UserId == user.Id).Select(m => m.Organisation!.Name).ToListAsync(cancellationToken),
            Alertes = await db.SearchAlerts.Where(a => a.Email.ToUpper() == email).OrderBy(a => a.CreatedAt)
                .Select(a => new { Recherche = a.Label, Adresse = "/offres?" + a.QueryString, CreeeLe = a.CreatedAt, ConfirmeeLe = a.ConfirmedAt, DernierEnvoi = a.LastSentAt })
                .ToListAsync(cancellationToken),
            InteretsPourDesOffres = await InterestsAsync(user.Id, email, campaigns, cancellationToken),
            DemandesDeContactReprise = requests.Select(r => new
            {
                r.Offre, Nom = r.Name, Courriel = r.Email, Telephone = r.Phone, r.Message, Statut = ContactRequestStatusLabel(r.Status),
                AccordLe = r.ConsentedAt, EnvoyeeLe = r.CreatedAt, DecideeLe = r.DecidedAt, Campagnes = Touches(campaigns, r.CampaignCode, r.FirstCampaignCode),
            }),
            DossiersAccueil = await WelcomeCasesAsync(user.Id, campaigns, cancellationToken),
            ReseauAccueil = await WelcomeNetworkAsync(user.Id, email, cancellationToken),
            MarqueDuTerritoire = await BrandCoCreationAsync(user.Id, cancellationToken),
            CandidaturesAuxAppels = await CallApplicationsAsync(user.Id, email, cancellationToken),
            EvaluationsDeJure = await db.JurorAssignments.AsNoTracking().Where(a => a.JurorUserId == user.Id).OrderBy(a => a.AssignedAt)
                .Select(a => new
                {
                    Appel = a.Application!.Call!.Title, Projet = a.Application.ProjectTitle, AttribueeLe = a.AssignedAt,
                    ConflitDInteretsDeclareLe = a.ConflictDeclaredAt, RaisonDuConflit = a.ConflictReason, EnvoyeeLe = a.SubmittedAt,
                    NotePonderee = a.WeightedScore, Commentaire = a.Comment,
                    Notes = a.Scores.Select(s => new { Note = s.Score, Commentaire = s.Comment }),
                })
                .ToListAsync(cancellationToken),
            NouvellesDeProjets = await db.FollowUpEntries.AsNoTracking().Where(e => e.AuthorUserId == user.Id).OrderBy(e => e.At)
                .Select(e => new { Type = e.Kind == FollowUpEntryKind.Progress ? "Nouvelle du projet" : "Note de l’équipe de l’appel", Texte = e.Text, Le = e.At })
                .ToListAsync(cancellationToken),
        };
    }

    /// <summary>The person in the co-creation of the brand: their proposals with what became of them, their votes and their comments.</summary>
    private async Task<object> BrandCoCreationAsync(string userId, CancellationToken cancellationToken)
    {
        var proposals = await db.BrandProposals.AsNoTracking().Where(p => p.AuthorUserId == userId).OrderBy(p => p.CreatedAt)
            .Select(p => new
            {
                p.Kind, p.Title, p.Text, Image = p.Image != null ? p.Image.AltTextFr : null, p.Status, p.CreatedAt, p.ModeratedAt, p.RejectionReason,
                p.Answer, p.AnswerReason, p.AnsweredAt,
            })
            .ToListAsync(cancellationToken);
        return new
        {
            Propositions = proposals.Select(p => new
            {
                Type = BrandLabels.Kind(p.Kind), Titre = p.Title, Texte = p.Text, DescriptionDeLImage = p.Image, Statut = BrandLabels.Status(p.Status),
                EnvoyeeLe = p.CreatedAt, ModereeLe = p.ModeratedAt, MotifDuRefus = p.RejectionReason,
                ReponseDeLaCommission = p.Answer is { } answer ? BrandLabels.Answer(answer) : null, RaisonDeLaReponse = p.AnswerReason, RepondueLe = p.AnsweredAt,
            }),
            Votes = await db.BrandProposalVotes.AsNoTracking().Where(v => v.UserId == userId).OrderBy(v => v.CreatedAt)
                .Select(v => new { Proposition = v.Proposal!.Title, Le = v.CreatedAt }).ToListAsync(cancellationToken),
            Commentaires = await db.BrandProposalComments.AsNoTracking().Where(c => c.AuthorUserId == userId).OrderBy(c => c.CreatedAt)
                .Select(c => new { Proposition = c.Proposal!.Title, Texte = c.Text, Le = c.CreatedAt, MasqueLe = c.HiddenAt }).ToListAsync(cancellationToken),
        };
    }

    /// <summary>
    /// The applications to calls the person leads or is (or was invited as) a member of: the project, the answers (a file
    /// by its name), what the person gave about themselves and, when a minor, their guardian's consent.
    /// </summary>
    private async Task<List<object>> CallApplicationsAsync(string userId, string email, CancellationToken cancellationToken)
    {
        var memberships = await db.ApplicationMembers.AsNoTracking().Where(m => m.UserId == userId || m.Email.ToUpper() == email)
            .OrderBy(m => m.InvitedAt)
            .Select(m => new
            {
                m.ApplicationId, Appel = m.Application!.Call!.Title, Projet = m.Application.ProjectTitle, m.Application.Status, m.Application.CreatedAt,
                m.Application.SubmittedAt, m.Application.WithdrawnAt, m.Application.StatusReason, m.Role, m.Name, m.Email, m.InvitedAt, m.ConfirmedAt,
                m.DateOfBirth, Commune = m.Commune != null ? m.Commune.Name : null, m.School,
                Representants = m.GuardianConsents.Select(g => new
                {
                    g.Kind, g.GuardianName, g.GuardianEmail, g.SentAt, g.ConfirmedName, g.Relationship, g.ConsentedAt, g.PhotoAllowed, g.WithdrawnAt,
                }).ToList(),
            })
            .ToListAsync(cancellationToken);
        var ids = memberships.Select(m => m.ApplicationId).ToList();
        var answers = (await db.ApplicationAnswers.AsNoTracking().Where(a => ids.Contains(a.ApplicationId))
            .OrderBy(a => a.Field!.Order)
            .Select(a => new { a.ApplicationId, Question = a.Field!.Label, a.Value, Fichier = a.File != null ? a.File.FileName : null })
            .ToListAsync(cancellationToken)).ToLookup(a => a.ApplicationId);
        return [.. memberships.Select(m => (object)new
        {
            m.Appel, m.Projet, Statut = CallLabels.Of(m.Status), Motif = m.StatusReason, CreeeLe = m.CreatedAt, EnvoyeeLe = m.SubmittedAt, RetireeLe = m.WithdrawnAt,
            Role = m.Role == MemberRole.Lead ? "Porteur du projet" : "Membre de l’équipe",
            Nom = m.Name, Courriel = m.Email, InviteLe = m.InvitedAt, ConfirmeLe = m.ConfirmedAt, DateDeNaissance = m.DateOfBirth, m.Commune, Etablissement = m.School,
            RepresentantsLegaux = m.Representants.Select(g => new
            {
                Demarche = CallLabels.Of(g.Kind), Nom = g.GuardianName, Courriel = g.GuardianEmail, LienEnvoyeLe = g.SentAt, NomConfirme = g.ConfirmedName,
                Lien = g.Relationship, AccordLe = g.ConsentedAt, PhotoPermise = g.PhotoAllowed, RetireLe = g.WithdrawnAt,
            }),
            Reponses = answers[m.ApplicationId].Select(a => new { a.Question, Reponse = a.Fichier is null ? a.Value : null, a.Fichier }),
        })];
    }

    /// <summary>
    /// The person's applications to calls: those they lead are withdrawn (their team is told) and then deleted, with their
    /// answers, files, team and guardians' consents; they leave the teams they are a member of, with their guardian's
    /// consent. Guardians have no account: their name and address go with the application or the member.
    /// </summary>
    private async Task EraseCallApplicationsAsync(string userId, string email, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var led = await db.CallApplications.Include(a => a.Call).Where(a => a.LeadUserId == userId).ToListAsync(cancellationToken);
        foreach (var application in led.Where(a => ApplicationWorkflow.Refusal(a, a.Call!, ApplicationAction.Withdraw, now) is null))
        {
            ApplicationWorkflow.Apply(application, ApplicationAction.Withdraw, now, "La personne qui porte le projet a supprimé son compte.");
            await applicationEmails.StatusChangedAsync(application, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        // Deleted below in SQL: left tracked, they would be deleted again (and found gone) with the account.
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.Entity is CallApplication or ApplicationStatusChange or CallForProjects).ToList())
        {
            entry.State = EntityState.Detached;
        }
        var ledIds = led.Select(a => a.Id).ToList();
        await db.CallApplications.Where(a => ledIds.Contains(a.Id)).ExecuteDeleteAsync(cancellationToken);
        var memberIds = db.ApplicationMembers.Where(m => m.UserId == userId || m.Email.ToUpper() == email).Select(m => m.Id);
        await db.GuardianConsents.Where(g => memberIds.Contains(g.MemberId)).ExecuteDeleteAsync(cancellationToken);
        await db.ApplicationMembers.Where(m => m.UserId == userId || m.Email.ToUpper() == email).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>The person in the welcome network: as a member of structures, as a registrant of newcomer events, as a recipient of mailings.</summary>
    private async Task<object> WelcomeNetworkAsync(string userId, string email, CancellationToken cancellationToken)
    {
        var members = await db.WelcomeStructureMembers.AsNoTracking().Where(m => m.UserId == userId || (m.Email != null && m.Email.ToUpper() == email))
            .OrderBy(m => m.CreatedAt)
            .Select(m => new { Structure = m.Structure!.Name, m.Name, m.Role, m.Email, m.Phone, m.InDirectory, m.CreatedAt })
            .ToListAsync(cancellationToken);
        var registrations = await db.NewcomerEventRegistrations.AsNoTracking().Where(r => r.UserId == userId).OrderBy(r => r.CreatedAt)
            .Select(r => new { Evenement = r.Event!.Title, Debut = r.Event.StartsAt, r.Name, r.Email, r.Persons, r.Status, r.CreatedAt, r.PromotedAt, r.ReminderSentAt })
            .ToListAsync(cancellationToken);
        var mailings = await db.NetworkMailingRecipients.AsNoTracking().Where(r => r.UserId == userId || r.Email.ToUpper() == email)
            .Join(db.NetworkMailings, r => r.MailingId, m => m.Id, (r, m) => new { m.Subject, m.SentAt, r.Email })
            .OrderBy(m => m.SentAt).ToListAsync(cancellationToken);
        return new
        {
            Membre = members.Select(m => new
            {
                m.Structure, Nom = m.Name, Role = WelcomeNetworkLabels.Of(m.Role), Courriel = m.Email, Telephone = m.Phone,
                DansAnnuairePublic = m.InDirectory, AjouteLe = m.CreatedAt,
            }),
            InscriptionsEvenements = registrations.Select(r => new
            {
                r.Evenement, r.Debut, Nom = r.Name, Courriel = r.Email, Personnes = r.Persons, Statut = WelcomeNetworkLabels.Of(r.Status),
                InscritLe = r.CreatedAt, PlaceObtenueLe = r.PromotedAt, RappelEnvoyeLe = r.ReminderSentAt,
            }),
            MessagesRecus = mailings.Select(m => new { Objet = m.Subject, EnvoyeLe = m.SentAt, Courriel = m.Email }),
        };
    }

    /// <summary>The campaigns a contact was attributed to: the last one that brought the person and the first.</summary>
    private static object Touches(Dictionary<string, string> campaigns, string? last, string? first) =>
        new { DernierContact = Touch(campaigns, last), PremierContact = Touch(campaigns, first) };

    private static object? Touch(Dictionary<string, string> campaigns, string? code) => code is null ? null : new
    {
        Code = code,
        Campagne = CampaignAttribution.Parse(code) is { } touch && campaigns.TryGetValue(touch.Slug, out var name) ? name : null,
    };

    private static string ContactRequestStatusLabel(ContactRequestStatus status) => status switch
    {
        ContactRequestStatus.Pending => "En attente de la réponse du cédant",
        ContactRequestStatus.Accepted => "Acceptée par le cédant",
        ContactRequestStatus.Declined => "Refusée par le cédant",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>Each interest with the employer's follow-up: its status in words, and every answer and status change it was told of.</summary>
    private async Task<List<object>> InterestsAsync(string userId, string email, Dictionary<string, string> campaigns, CancellationToken cancellationToken)
    {
        var interests = await db.OpportunityInterests.AsNoTracking().Where(i => i.UserId == userId || i.Email.ToUpper() == email)
            .OrderBy(i => i.CreatedAt)
            .Select(i => new { Offre = i.Opportunity!.Title, i.Name, i.Email, i.Phone, i.Message, i.ConsentedAt, i.CreatedAt, i.Status, i.StatusChangedAt, i.Steps, i.CampaignCode, i.FirstCampaignCode })
            .ToListAsync(cancellationToken);
        return [.. interests.Select(i => (object)new
        {
            i.Offre, Nom = i.Name, Courriel = i.Email, Telephone = i.Phone, i.Message, AccordLe = i.ConsentedAt, EnvoyeLe = i.CreatedAt,
            Statut = CandidateLabels.Status(i.Status), StatutDepuis = i.StatusChangedAt,
            Suivi = i.Steps.OrderBy(s => s.At).Select(s => new { Le = s.At, Etape = CandidateLabels.Step(s.Kind, s.Status), s.Message }),
            Campagnes = Touches(campaigns, i.CampaignCode, i.FirstCampaignCode),
        })];
    }

    /// <summary>The household's welcome case: its project and everything the household and the referents wrote to it, except the referents' private notes and tasks.</summary>
    private async Task<List<object>> WelcomeCasesAsync(string userId, Dictionary<string, string> campaigns, CancellationToken cancellationToken)
    {
        var cases = await db.Cases.AsNoTracking().Where(c => c.HouseholdUserId == userId).OrderBy(c => c.Id)
            .Include(c => c.Events).Include(c => c.Messages).Include(c => c.Accesses).Include(c => c.Questionnaires)
            .Include(c => c.Referrals).ThenInclude(r => r.PartnerOrganisation)
            .AsSplitQuery().ToListAsync(cancellationToken);
        var exported = new List<object>();
        foreach (var c in cases)
        {
            var spouse = await SpouseProfileAsync(c, cancellationToken);
            var documents = await db.CaseDocuments.Where(d => d.CaseId == c.Id).OrderBy(d => d.UploadedAt)
                .Select(d => new { Nom = d.FileName, Type = d.ContentType, Octets = d.SizeBytes, DeposeLe = d.UploadedAt, DeposeParLeMenage = d.FromHousehold })
                .ToListAsync(cancellationToken);
            var housing = await db.HousingBookings.AsNoTracking().Where(b => b.CaseId == c.Id).OrderBy(b => b.CreatedAt)
                .Select(b => new
                {
                    b.Offer!.Title, Provider = b.Offer.Organisation!.Name, Commune = b.Offer.Commune!.Name, b.ArrivalOn, b.DepartureOn, b.Persons, b.Message,
                    b.Status, b.CreatedAt, b.DecidedAt, b.DecidedBy, b.DeclineReason,
                })
                .ToListAsync(cancellationToken);
            exported.Add(new
            {
                Numero = c.Id, Nom = c.HouseholdName, Etape = WelcomeLabels.Stage(c.Stage), CreeLe = c.CreatedAt, EtapeDepuis = c.StageChangedAt, InstalleLe = c.InstalledOn,
                Projet = await ProjectAsync(c.Project, cancellationToken),
                AccordAccompagnement = c.ConsentAccompanimentAt, AccordCourrielsOffres = c.ConsentMatchEmailsAt, AccordSuivi = c.ConsentFollowUpAt,
                Campagnes = Touches(campaigns, c.CampaignCode, c.FirstCampaignCode),
                Historique = c.Events.OrderBy(e => e.At).Select(e => new { Le = e.At, Evenement = WelcomeLabels.EventKind(e.Kind), Par = e.ActorName, Detail = e.Detail }),
                Messages = c.Messages.OrderBy(m => m.At).Select(m => new { Le = m.At, DuMenage = m.FromHousehold, Auteur = m.AuthorName, Texte = m.Body, LuLe = m.ReadAt }),
                Documents = documents,
                ProfilDuConjoint = spouse,
                MisesEnRelation = c.Referrals.OrderBy(r => r.CreatedAt).Select(r => new
                {
                    Partenaire = r.PartnerOrganisation?.Name, Statut = WelcomeLabels.ReferralStatus(r.Status), Message = r.Message,
                    Partage = WelcomeLabels.Shared(r.Shared), CreeeLe = r.CreatedAt, AccepteeLe = r.ConsentedAt, EnvoyeeLe = r.SentAt, RaisonDuRefus = r.DeclineReason,
                }),
                LogementsTemporaires = housing.Select(b => new
                {
                    Logement = b.Title, Hebergeur = b.Provider, b.Commune, Arrivee = b.ArrivalOn, Depart = b.DepartureOn, Personnes = b.Persons, b.Message,
                    Statut = HousingLabels.Status(b.Status), DemandeLe = b.CreatedAt, DecideeLe = b.DecidedAt, DecideePar = b.DecidedBy, RaisonDuRefus = b.DeclineReason,
                }),
                Acces = c.Accesses.OrderBy(a => a.At).Select(a => new { Le = a.At, Qui = a.ActorName, Organisation = a.OrganisationName, Action = WelcomeLabels.AccessAction(a.Action) }),
                Questionnaires = c.Questionnaires.OrderBy(q => q.SentAt).Select(q => new
                {
                    Echeance = Milestone(q.Milestone), EnvoyeLe = q.SentAt, ReponduLe = q.AnsweredAt, HabiteToujoursIci = q.StillLivingHere,
                    CeQuiAAide = q.WhatHelped, CeQuiAManque = q.WhatWasMissing, Recommandation = q.Recommendation,
                }),
            });
        }
        return exported;
    }

    /// <summary>The household's project as they gave it, with the places named and every choice in words.</summary>
    private async Task<object> ProjectAsync(HouseholdProject project, CancellationToken cancellationToken)
    {
        var intercommunalities = await db.Intercommunalities.Where(i => project.TargetIntercommunalityIds.Contains(i.Id)).OrderBy(i => i.Name).Select(i => i.Name).ToListAsync(cancellationToken);
        var communes = await db.Communes.Where(c => project.TargetCommuneIds.Contains(c.Id)).OrderBy(c => c.Name).Select(c => c.Name).ToListAsync(cancellationToken);
        return new
        {
            Adultes = project.Adults.Select(a => new
            {
                Prenom = a.FirstName, Nom = a.LastName, CodeRome = a.RomeCode, Metier = a.OccupationLabel, AnneesExperience = a.ExperienceYears,
                Souhait = WelcomeLabels.Wish(a.Wish), Contrats = a.Contracts.Select(OpportunityLabels.Contract),
                TempsDeTravail = a.WorkingTime is { } time ? OpportunityLabels.WorkingTime(time) : null, CodeNaf = a.NafCode, Budget = a.Budget,
            }),
            AgesDesEnfants = project.ChildrenAges,
            LieuActuel = project.CurrentPlace,
            IntercommunalitesVisees = intercommunalities,
            CommunesVisees = communes,
            Echeance = WelcomeLabels.Timeline(project.Timeline),
            ArriveeLe = project.ArrivalOn,
            Logement = WelcomeLabels.HousingLabels(project.Housing),
            BudgetLogement = project.HousingBudget,
            PiecesLogement = project.HousingRooms,
            Besoins = WelcomeLabels.NeedLabels(project.Needs),
            ConnuPar = WelcomeLabels.Source(project.HeardFrom),
            ConnuParPrecision = project.HeardFromDetail,
            Telephone = project.Phone,
            Message = project.Message,
        };
    }

    /// <summary>The spouse profile with its sharing, its CV's name (the file itself is among the documents) and every employer's request.</summary>
    private async Task<object?> SpouseProfileAsync(WelcomeCase welcomeCase, CancellationToken cancellationToken)
    {
        var profile = await db.SpouseProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.CaseId == welcomeCase.Id, cancellationToken);
        if (profile is null)
        {
            return null;
        }
        var introductions = await db.SpouseIntroductions.Where(i => i.SpouseProfileId == profile.Id).OrderBy(i => i.RequestedAt)
            .Select(i => new { Employeur = i.PartnerOrganisation!.Name, Message = i.Message, Statut = i.Status, DemandeeLe = i.RequestedAt, RepondueLe = i.AnsweredAt })
            .ToListAsync(cancellationToken);
        return new
        {
            Personne = welcomeCase.Project.Adults.ElementAtOrDefault(profile.AdultIndex)?.FirstName,
            CodeRome = profile.RomeCode, AnneesExperience = profile.ExperienceYears, DisponibleLe = profile.AvailableOn,
            Intercommunalites = await db.Intercommunalities.Where(e => profile.IntercommunalityIds.Contains(e.Id)).Select(e => e.Name).ToListAsync(cancellationToken),
            Communes = await db.Communes.Where(c => profile.CommuneIds.Contains(c.Id)).Select(c => c.Name).ToListAsync(cancellationToken),
            DistanceKm = profile.DistanceKm, Langues = profile.Languages.Select(SpouseLanguages.Label), Presentation = profile.Presentation,
            Cv = profile.CvDocumentId is { } cvId ? await db.CaseDocuments.Where(d => d.Id == cvId).Select(d => d.FileName).FirstOrDefaultAsync(cancellationToken) : null,
            PartageJusquAu = profile.SharedUntil, AccordDePartageLe = profile.SharingConsentedAt, PartageArreteLe = profile.SharingStoppedAt,
            DemandesDesEmployeurs = introductions.Select(i => new { i.Employeur, i.Message, Statut = WelcomeLabels.IntroductionStatus(i.Statut), i.DemandeeLe, i.RepondueLe }),
        };
    }

    private static string Milestone(QuestionnaireMilestone milestone) => milestone switch
    {
        QuestionnaireMilestone.SixMonths => "6 mois après l’installation",
        QuestionnaireMilestone.TwelveMonths => "12 mois après l’installation",
        _ => throw new ArgumentOutOfRangeException(nameof(milestone)),
    };

    /// <summary>
    /// An erased household's case keeps only anonymous figures for the programme's statistics — stage, dates,
    /// intercommunality, persona, source, business or not — and is closed if it was open. Everything written about or by
    /// the household goes: project, messages, notes, documents, access log, answers, referrals' words, task titles, housing
    /// requests' words (the nights they held are freed), the spouse profile and its employers' requests.
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
        // The spouse profile goes whole, its employers' requests with it (cascade); an employer's accepted contact goes too.
        await db.SpouseProfiles.Where(p => ids.Contains(p.CaseId)).ExecuteDeleteAsync(cancellationToken);
        await db.CaseMessages.Where(m => ids.Contains(m.CaseId)).ExecuteDeleteAsync(cancellationToken);
        await db.CaseNotes.Where(n => ids.Contains(n.CaseId)).ExecuteDeleteAsync(cancellationToken);
        await db.CaseDocuments.Where(d => ids.Contains(d.CaseId)).ExecuteDeleteAsync(cancellationToken);
        await db.CaseAccesses.Where(a => ids.Contains(a.CaseId)).ExecuteDeleteAsync(cancellationToken);
        await db.CaseMatchNotices.Where(n => ids.Contains(n.CaseId)).ExecuteDeleteAsync(cancellationToken);
        // Housing: the household's words go, and the nights it still held are freed for others (the provider sees the request cancelled).
        await db.HousingBookings.Where(b => ids.Contains(b.CaseId))
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.Message, (string?)null).SetProperty(b => b.DeclineReason, (string?)null), cancellationToken);
        await db.HousingBookings.Where(b => ids.Contains(b.CaseId) && (b.Status == HousingBookingStatus.Requested || b.Status == HousingBookingStatus.Accepted))
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, HousingBookingStatus.Cancelled).SetProperty(b => b.DecidedAt, now), cancellationToken);
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
        // Each seat the person held goes to the next person waiting (each in its own transaction, as a cancellation does).
        foreach (var eventId in await db.NewcomerEventRegistrations.Where(r => r.UserId == user.Id).Select(r => r.EventId).ToListAsync(cancellationToken))
        {
            await newcomerEvents.CancelAsync(eventId, user.Id, cancellationToken);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await AnonymiseWelcomeCasesAsync(user.Id, cancellationToken);
        await EraseCallApplicationsAsync(user.Id, email, cancellationToken);
        // Memberships of the welcome network linked to the account go with it (cascade); those typed in with its address too.
        await db.WelcomeStructureMembers.Where(m => m.Email != null && m.Email.ToUpper() == email).ExecuteDeleteAsync(cancellationToken);
        await db.NetworkMailingRecipients.Where(r => r.UserId == user.Id || r.Email.ToUpper() == email).ExecuteDeleteAsync(cancellationToken);
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
        var brandImages = await EraseBrandCoCreationAsync(user.Id, cancellationToken);
        var result = await users.DeleteAsync(user);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("The account could not be deleted: " + string.Join("; ", result.Errors.Select(e => e.Code)));
        }
        await transaction.CommitAsync(cancellationToken);
        foreach (var image in brandImages)
        {
            media.Delete(image);
        }
    }

    /// <summary>
    /// The person's votes and comments go. Their proposals go too — with the votes and comments of others on them, and
    /// their image (returned, for its files to go once the erasure is committed) — except those the communication
    /// commission has answered: that answer is a public decision others voted and commented on, so the proposal stays,
    /// without its author.
    /// </summary>
    private async Task<List<MediaImage>> EraseBrandCoCreationAsync(string userId, CancellationToken cancellationToken)
    {
        await db.BrandProposalVotes.Where(v => v.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.BrandProposalComments.Where(c => c.AuthorUserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.BrandProposals.Where(p => p.AuthorUserId == userId && p.Status == BrandProposalStatus.Answered)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.AuthorUserId, (string?)null), cancellationToken);
        var deleted = db.BrandProposals.Where(p => p.AuthorUserId == userId);
        var images = await db.MediaImages.AsNoTracking().Where(i => deleted.Any(p => p.ImageId == i.Id)).ToListAsync(cancellationToken);
        await deleted.ExecuteDeleteAsync(cancellationToken);
        var imageIds = images.Select(i => i.Id).ToList();
        await db.MediaImages.Where(i => imageIds.Contains(i.Id)).ExecuteDeleteAsync(cancellationToken);
        return images;
    }

    // Addresses are compared as Identity does (upper case); SQL upper() on both databases.
    private static string Normalize(string? email) => (email ?? "").Trim().ToUpperInvariant();
}
