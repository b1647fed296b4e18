using System.Globalization;
using Escale.Core.Data;
using Escale.Core.Territories;
using Escale.Core.Welcome;
using Escale.Web.Infrastructure.Links;
using Escale.Web.Infrastructure.Localization;
using Escale.Web.Infrastructure.Territory;
using Escale.Web.Pages.MonEspace;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Escale.Web.Pages.KitsAccueil;

/// <summary>
/// Makes the <see cref="WelcomeKit"/> of a persona × intercommunality, in the current language, from the territory's
/// data: the intercommunality's welcome service and France Services offices, its schools by age, hospitals and
/// stations (the nearest ones outside it when it has none), and the persona's first steps written by the editorial
/// team. A household's kit adds, first, its referent, the schools for its children and its own matches.
/// </summary>
public sealed class WelcomeKitBuilder(
    EscaleDbContext db, TerritoryCatalog catalog, HouseholdMatching matching, SiteLinks links, IStringLocalizer<SharedResource> t,
    Core.WelcomeNetworks.WelcomeNetworkDirectory network, TimeProvider clock)
{
    /// <summary>How many of the intercommunality's next newcomer events a kit lists.</summary>
    public const int EventsShown = 5;

    /// <summary>Why a household has no kit yet: its project names no single intercommunality.</summary>
    public const string NoIntercommunality = "Votre kit d’accueil se prépare dès que votre projet nomme une intercommunalité ou une commune.";

    /// <summary>The kit of a persona and an intercommunality, by their slugs; null when either is unknown.</summary>
    public async Task<WelcomeKit?> ForAsync(string personaSlug, string intercommunalitySlug, CancellationToken cancellationToken)
    {
        var snapshot = await catalog.GetAsync(cancellationToken);
        var persona = snapshot.Personas.FirstOrDefault(p => p.Slug == personaSlug);
        var epci = snapshot.Intercommunalities.FirstOrDefault(e => e.Slug == intercommunalitySlug);
        if (persona is null || epci is null)
        {
            return null;
        }
        var sections = await TerritorySectionsAsync(snapshot, epci, persona, [], [], cancellationToken);
        return Kit(t["Kit d’accueil « {0} » — {1}", persona.Name.Current, epci.Name],
            t["Les contacts, les écoles, la santé, les transports et les premiers pas pour vous installer dans {0}, tirés des données du territoire.", epci.Name],
            sections);
    }

    /// <summary>
    /// The kit of a household's case: its persona (if it chose one) × its intercommunality (the case's, else that of its
    /// first target commune); null when neither gives one.
    /// </summary>
    public async Task<WelcomeKit?> ForCaseAsync(WelcomeCase welcomeCase, CancellationToken cancellationToken)
    {
        var snapshot = await catalog.GetAsync(cancellationToken);
        var epciId = welcomeCase.IntercommunalityId;
        if (epciId is null && welcomeCase.Project.TargetCommuneIds.Count > 0)
        {
            var slug = snapshot.Communes.FirstOrDefault(c => c.Id == welcomeCase.Project.TargetCommuneIds[0])?.IntercommunalitySlug;
            epciId = snapshot.Intercommunalities.FirstOrDefault(e => e.Slug == slug)?.Id;
        }
        var epci = snapshot.Intercommunalities.FirstOrDefault(e => e.Id == epciId);
        if (epci is null)
        {
            return null;
        }
        var persona = snapshot.Personas.FirstOrDefault(p => p.Id == welcomeCase.PersonaId);
        var spouse = await db.SpouseProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.CaseId == welcomeCase.Id, cancellationToken);
        var matches = await matching.MatchAsync(welcomeCase.Project, spouse, cancellationToken);
        List<KitSection> household = [];
        if (matches.Schools.Count > 0)
        {
            household.Add(ChildSchoolsSection(matches.Schools));
        }
        household.Add(await MatchesSectionAsync(welcomeCase.Project, matches, cancellationToken));
        var sections = await TerritorySectionsAsync(snapshot, epci, persona, [await ReferentAsync(welcomeCase, cancellationToken)], welcomeCase.Project.TargetCommuneIds, cancellationToken);
        // The referent leads the contacts; the household's own schools and matches come right after them.
        sections.InsertRange(1, household);
        var title = persona is null
            ? t["Kit d’accueil de {0} — {1}", welcomeCase.HouseholdName ?? "", epci.Name]
            : t["Kit d’accueil de {0} — {1}, {2}", welcomeCase.HouseholdName ?? "", persona.Name.Current, epci.Name];
        return Kit(title, t["Votre kit pour vous installer dans {0} : votre référent, les écoles pour vos enfants, les offres qui correspondent à votre projet, puis les contacts et services du territoire.", epci.Name], sections);
    }

    private WelcomeKit Kit(string title, string lead, IReadOnlyList<KitSection> sections) =>
        new(title, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "fr-FR", lead, sections,
            t["Sources : Annuaire de l’éducation (novembre 2024), DREES (SAE 2023), SNCF Gares & Connexions, ANCT (France services, août 2024). Distances à vol d’oiseau."]);

    private async Task<List<KitSection>> TerritorySectionsAsync(
        TerritoryCatalog.Snapshot snapshot, TerritoryCatalog.IntercommunalitySummary epci, Persona? persona, IReadOnlyList<KitBlock> firstContacts,
        IReadOnlyCollection<int> targetCommuneIds, CancellationToken cancellationToken)
    {
        var structures = await network.StructuresByKindAsync(epci.Id, cancellationToken);
        var communes = snapshot.Communes.Where(c => c.IntercommunalitySlug == epci.Slug).ToList();
        var communeIds = communes.Select(c => c.Id).ToHashSet();
        // Distances outside the intercommunality are measured from its most populous commune.
        var mainTown = communes.MaxBy(c => c.Population)!;
        var nearby = snapshot.NearbyServices(mainTown);
        var inside = snapshot.Services.Where(s => communeIds.Contains(s.CommuneId)).ToList();
        List<KitSection> sections =
        [
            new("contacts", t["Contacts clés"],
                [.. firstContacts, await WelcomeServiceAsync(epci, cancellationToken), TownHalls(structures, targetCommuneIds, epci), FranceServices(snapshot, inside, nearby, mainTown)]),
            Schools(snapshot, inside),
            Health(snapshot, inside, nearby, mainTown),
            Transport(snapshot, inside, nearby, mainTown),
            Associations(structures, epci),
            await NewcomerEventsAsync(epci, cancellationToken),
        ];
        if (persona is not null)
        {
            sections.Add(await FirstStepsAsync(persona, cancellationToken));
        }
        return sections;
    }

    private async Task<KitBlock> WelcomeServiceAsync(TerritoryCatalog.IntercommunalitySummary epci, CancellationToken cancellationToken)
    {
        var service = await db.WelcomeOrganisations.AsNoTracking()
            .Where(o => o.IntercommunalityId == epci.Id && o.Kind == WelcomeOrganisationKind.IntercommunalityService)
            .OrderBy(o => o.Position).Select(o => new { o.Name, o.Email }).FirstOrDefaultAsync(cancellationToken);
        return new KitBlock(t["Le service d’accueil des nouveaux arrivants"], null, service is null
            ? [KitItem.Plain(t["{0} n’a pas encore de service d’accueil dans Escale.", epci.Name])]
            : [new KitItem(service.Name, [], Email: service.Email)]);
    }

    /// <summary>
    /// The town halls the welcome network knows in the intercommunality — those of the household's target communes when
    /// it named some and they are known — and where to find the others.
    /// </summary>
    private KitBlock TownHalls(
        IReadOnlyDictionary<Core.WelcomeNetworks.WelcomeStructureKind, IReadOnlyList<Core.WelcomeNetworks.DirectoryStructure>> structures,
        IReadOnlyCollection<int> targetCommuneIds, TerritoryCatalog.IntercommunalitySummary epci)
    {
        var all = structures.GetValueOrDefault(Core.WelcomeNetworks.WelcomeStructureKind.TownHall) ?? [];
        var targeted = all.Where(s => s.CommuneId is { } id && targetCommuneIds.Contains(id)).ToList();
        var shown = targeted.Count > 0 ? targeted : all;
        return shown.Count == 0
            ? new KitBlock(t["La mairie"], t["Aucune mairie de {0} n’a encore rejoint le réseau d’accueil : la mairie de votre commune reste le premier contact pour l’état civil, l’école et les listes électorales.", epci.Name], [])
            : new KitBlock(shown.Count == 1 ? t["La mairie"] : t["Les mairies du réseau d’accueil"], null, [.. shown.Select(Structure)]);
    }

    private KitSection Associations(
        IReadOnlyDictionary<Core.WelcomeNetworks.WelcomeStructureKind, IReadOnlyList<Core.WelcomeNetworks.DirectoryStructure>> structures,
        TerritoryCatalog.IntercommunalitySummary epci)
    {
        var associations = structures.GetValueOrDefault(Core.WelcomeNetworks.WelcomeStructureKind.Association) ?? [];
        return new KitSection("associations", t["Associations"], [associations.Count == 0
            ? new KitBlock(null, t["Aucune association de {0} n’a encore rejoint le réseau d’accueil.", epci.Name], [])
            : new KitBlock(null, t["Les associations du réseau d’accueil, qui accompagnent les nouveaux habitants :"], [.. associations.Select(Structure)])]);
    }

    private KitItem Structure(Core.WelcomeNetworks.DirectoryStructure structure)
    {
        List<string> details = [];
        if (structure.CommuneName is { } commune)
        {
            details.Add(commune);
        }
        if (structure.Address is { } address)
        {
            details.Add(address);
        }
        details.AddRange(structure.Members.Select(m => $"{m.Name} ({t[Escale.Web.Pages.ReseauAccueil.WelcomeNetworkLabels.Of(m.Role)]})"));
        return new KitItem(structure.Name, details, Link: structure.Website, Email: structure.Email, Phone: structure.Phone);
    }

    private async Task<KitSection> NewcomerEventsAsync(TerritoryCatalog.IntercommunalitySummary epci, CancellationToken cancellationToken)
    {
        var events = await network.NextEventsAsync(clock.GetUtcNow(), epci.Id, EventsShown, cancellationToken);
        return new KitSection("soirees", t["Les prochaines soirées des nouveaux arrivants"], [events.Count == 0
            ? new KitBlock(null, t["Aucune soirée des nouveaux arrivants n’est annoncée pour l’instant dans {0}.", epci.Name], [])
            : new KitBlock(null, t["Pour rencontrer les élus, les associations et d’autres nouveaux habitants :"], [.. events.Select(e => new KitItem(e.Title,
                [ParisTime.LongDateTime(e.StartsAt), e.CommuneName is { } commune ? $"{e.Place}, {commune}" : e.Place, e.StructureName,
                 e.ConfirmedPersons >= e.Capacity ? t["complet : inscription sur liste d’attente"] : t["{0} places restantes", e.Capacity - e.ConfirmedPersons]],
                Link: links.Absolute(Escale.Web.Pages.ReseauAccueil.NewcomerEventBooking.EventPath(e.Id))))])]);
    }

    private KitBlock FranceServices(TerritoryCatalog.Snapshot snapshot, List<TerritoryService> inside, NearbyServices nearby, TerritoryCatalog.CommuneSummary mainTown)
    {
        var offices = inside.Where(s => s.Kind == TerritoryServiceKind.FranceServices).OrderBy(s => s.Name, StringComparer.CurrentCulture).ToList();
        if (offices.Count > 0)
        {
            return new KitBlock(t["France Services"], t["Pour les démarches administratives (impôts, CAF, santé, emploi, carte grise) :"],
                [.. offices.Select(office => Office(snapshot, office, null))]);
        }
        return nearby.FranceServices is { } nearest
            ? new KitBlock(t["France Services"], t["Aucun espace France services dans l’intercommunalité ; le plus proche de {0} :", mainTown.Name],
                [Office(snapshot, nearest.Service, nearest.DistanceKm)])
            : new KitBlock(t["France Services"], t["Aucun espace France services dans le territoire."], []);
    }

    private KitItem Office(TerritoryCatalog.Snapshot snapshot, TerritoryService office, double? distanceKm)
    {
        List<string> details = [Place(snapshot, office, distanceKm)];
        if (office.Address is { } address)
        {
            details.Add(address);
        }
        if (office.OpeningHours.Count > 0)
        {
            details.Add(t["Horaires : {0}", string.Join(" ; ", office.OpeningHours.Select(h => $"{CultureInfo.CurrentCulture.DateTimeFormat.GetDayName(h.Day)} {h.Hours}"))]);
        }
        if (office.ByAppointment)
        {
            details.Add(t["sur rendez-vous"]);
        }
        return new KitItem(office.Name, details, Email: office.Email, Phone: office.Phone);
    }

    private KitSection Schools(TerritoryCatalog.Snapshot snapshot, List<TerritoryService> inside) =>
        new("ecoles", t["Écoles, collèges et lycées"], [.. NearbyServices.Levels.Select(level =>
        {
            var schools = inside.Where(s => s.Kind == TerritoryServiceKind.School && s.SchoolLevels.HasFlag(level))
                .OrderBy(s => snapshot.CommuneOf(s).Name, StringComparer.CurrentCulture).ThenBy(s => s.Name, StringComparer.CurrentCulture).ToList();
            return new KitBlock(t[ServiceLabels.Level(level)], schools.Count == 0 ? t["Aucun établissement de ce niveau dans l’intercommunalité."].Value : null,
                [.. schools.Select(s => new KitItem(s.Name, [$"{t[ServiceLabels.Status(s)]}, {snapshot.CommuneOf(s).Name}"]))]);
        })]);

    private KitSection Health(TerritoryCatalog.Snapshot snapshot, List<TerritoryService> inside, NearbyServices nearby, TerritoryCatalog.CommuneSummary mainTown)
    {
        var hospitals = inside.Where(s => s.Kind == TerritoryServiceKind.HealthEstablishment).OrderBy(s => s.Name, StringComparer.CurrentCulture).ToList();
        KitItem Nearest(string label, ServiceAtDistance? service) => service is null
            ? new KitItem(label, [t["aucun dans le territoire"]])
            : new KitItem(label, [$"{service.Service.Name}, {Place(snapshot, service.Service, service.DistanceKm)}"]);
        return new KitSection("sante", t["Santé"],
        [
            new KitBlock(t["Hôpitaux et cliniques de l’intercommunalité"], hospitals.Count == 0 ? t["Aucun dans l’intercommunalité."].Value : null,
                [.. hospitals.Select(h => new KitItem(h.Name, [snapshot.CommuneOf(h).Name, .. HealthServices(h)], Phone: h.Phone))]),
            new KitBlock(t["Les plus proches de {0}", mainTown.Name], null,
                [Nearest(t["Urgences"], nearby.EmergencyDepartment), Nearest(t["Maternité"], nearby.Maternity)]),
        ]);
    }

    private IEnumerable<string> HealthServices(TerritoryService hospital)
    {
        if (hospital.HasEmergencyDepartment)
        {
            yield return t["Urgences"];
        }
        if (hospital.HasMaternity)
        {
            yield return t["Maternité"];
        }
    }

    private KitSection Transport(TerritoryCatalog.Snapshot snapshot, List<TerritoryService> inside, NearbyServices nearby, TerritoryCatalog.CommuneSummary mainTown)
    {
        var stations = inside.Where(s => s.Kind == TerritoryServiceKind.Station).OrderBy(s => s.Name, StringComparer.CurrentCulture).ToList();
        KitBlock block = stations.Count > 0
            ? new(t["Gares de l’intercommunalité"], null, [.. stations.Select(s => new KitItem(s.Name, [snapshot.CommuneOf(s).Name]))])
            : nearby.Station is { } nearest
                ? new(t["Gares de l’intercommunalité"], t["Aucune gare dans l’intercommunalité ; la plus proche de {0} :", mainTown.Name],
                    [new KitItem(nearest.Service.Name, [Place(snapshot, nearest.Service, nearest.DistanceKm)])])
                : new(t["Gares de l’intercommunalité"], t["Aucune gare dans le territoire."], []);
        return new KitSection("transports", t["Transports"], [block]);
    }

    private async Task<KitSection> FirstStepsAsync(Persona persona, CancellationToken cancellationToken)
    {
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var steps = await db.WelcomeKitSteps.AsNoTracking().Where(s => s.PersonaId == persona.Id)
            .OrderBy(s => s.Position).ThenBy(s => s.Id).ToListAsync(cancellationToken);
        return new KitSection("premiers-pas", t["Premiers pas"],
        [
            new KitBlock(null, steps.Count == 0 ? t["L’équipe éditoriale n’a pas encore écrit les premiers pas de ce profil."] : t["Dans l’ordre, pour bien démarrer :"],
                [.. steps.Select(s => new KitItem(s.TextFor(language), [], Link: s.Link is { } link && link.StartsWith('/') ? links.Absolute(link) : s.Link))],
                Ordered: true),
        ]);
    }

    /// <summary>The case's referent: the lead organisation's assignee (first name and e-mail), else the organisation's e-mail.</summary>
    private async Task<KitBlock> ReferentAsync(WelcomeCase welcomeCase, CancellationToken cancellationToken)
    {
        var assignment = await db.CaseAssignments.AsNoTracking().Where(a => a.CaseId == welcomeCase.Id && a.EndedAt == null)
            .OrderBy(a => a.Role).ThenBy(a => a.ReceivedAt)
            .Select(a => new { Organisation = a.Organisation!.Name, OrganisationEmail = a.Organisation.Email, a.AssignedUserId })
            .FirstOrDefaultAsync(cancellationToken);
        if (assignment is null)
        {
            return new KitBlock(t["Votre référent"], t["Aucun référent ne suit votre dossier pour l’instant."], []);
        }
        var user = assignment.AssignedUserId is null ? null
            : await db.Users.AsNoTracking().Where(u => u.Id == assignment.AssignedUserId).Select(u => new { u.DisplayName, u.Email }).SingleOrDefaultAsync(cancellationToken);
        var item = user is null
            ? new KitItem(assignment.Organisation, [t["Votre dossier attend d’être confié à un référent : écrivez à l’organisation."]], Email: assignment.OrganisationEmail)
            : new KitItem(HouseholdSpace.FirstName(user.DisplayName) is { Length: > 0 } first ? first : assignment.Organisation,
                [assignment.Organisation], Email: user.Email ?? assignment.OrganisationEmail);
        return new KitBlock(t["Votre référent"], null, [item]);
    }

    private KitSection ChildSchoolsSection(IReadOnlyList<Core.Welcome.Matching.ChildSchools> children) =>
        new("ecoles-enfants", t["Les écoles pour vos enfants"], [.. children.Select(child => new KitBlock(
            t["Pour votre enfant de {0} ans ({1})", Formats.Number(child.Age), t[ServiceLabels.LevelInSentence(child.Level)].Value],
            child.Schools.Count == 0 ? t["Aucun établissement de ce niveau dans le territoire."].Value : null,
            [.. child.Schools.Select(s => new KitItem(s.School.Name,
                [$"{t[ServiceLabels.Status(s.School)]}, {s.SchoolCommune} — {ChildSchoolsView.Distance(t, s.DistanceKm, s.FromCommune)}"]))]))]);

    private async Task<KitSection> MatchesSectionAsync(HouseholdProject project, Core.Welcome.Matching.HouseholdMatches matches, CancellationToken cancellationToken)
    {
        var adults = await MonEspace.IndexModel.ShownAsync(db, project, matches, cancellationToken);
        return new KitSection("correspondances", t["Les offres qui correspondent à votre projet"], [.. adults.Select(adult => new KitBlock(
            t["Pour {0}", adult.FirstName], adult.Matches.Count == 0 ? t["Aucune offre ne correspond pour l’instant."].Value : null,
            [.. adult.Matches.Select(m => new KitItem(m.Title,
                [$"{m.Place} — {t[MonEspace.IndexModel.ScoreWords(m.Score)]} ({Formats.Number(m.Score)} / 100)", string.Join(" · ", m.Reasons.Select(r => t[r].Value))],
                Link: links.Absolute(m.Link)))]))]);
    }

    /// <summary>« Figeac » inside, « Figeac — 12,3 km » when measured from the main town.</summary>
    private string Place(TerritoryCatalog.Snapshot snapshot, TerritoryService service, double? distanceKm) =>
        distanceKm is { } km ? $"{snapshot.CommuneOf(service).Name} — {t["{0} km", Formats.Number(km, 1)]}" : snapshot.CommuneOf(service).Name;
}
