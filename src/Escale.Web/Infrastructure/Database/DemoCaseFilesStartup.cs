using Escale.Core.Data;
using Escale.Core.Identity;
using Escale.Core.Welcome;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Infrastructure.Database;

/// <summary>
/// In Development only: the demo referent joins the Grand-Figeac's welcome service (or the first intercommunality's
/// service, on another territory), the demo coordinator the departmental team, and — when the database has no case —
/// <c>Demo:Cases</c> (default 8) demo cases at every stage, so the caseload has something to show. The benchmark
/// asks for 5,000. Real cases come from the project form; these are plain entity code.
/// </summary>
public static class DemoCaseFilesStartup
{
    public static async Task SeedDemoCaseFilesAsync(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            return;
        }
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EscaleDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var services = await db.WelcomeOrganisations.Where(o => o.Kind == WelcomeOrganisationKind.IntercommunalityService)
            .OrderBy(o => o.Name).ToListAsync();
        var team = await db.WelcomeOrganisations.FirstOrDefaultAsync(o => o.Kind == WelcomeOrganisationKind.DepartmentalTeam);
        if (services.Count == 0 || team is null)
        {
            return;
        }
        var figeac = services.Find(o => o.Name.Contains("Figeac", StringComparison.Ordinal)) ?? services[0];
        var referent = await MemberAsync(db, "referent@demo.escale.test", figeac.Id, coordinator: true);
        var coordinator = await MemberAsync(db, "coordination@demo.escale.test", team.Id, coordinator: true);
        await db.SaveChangesAsync();
        if (await db.Cases.AnyAsync())
        {
            return;
        }
        var household = await db.Users.Where(u => u.Email == "nouvel-arrivant@demo.escale.test").Select(u => u.Id).FirstOrDefaultAsync();
        var count = app.Configuration.GetValue("Demo:Cases", 8);
        var dueDays = scope.ServiceProvider.GetRequiredService<WelcomePack>().FirstResponseWorkingDays;
        var random = new Random(46);
        string[] names = ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon", "Laurent"];
        string[] firstNames = ["Claire", "Marc", "Inès", "Hugo", "Léa", "Karim", "Sophie", "Julien", "Amélie", "Nicolas"];
        (string Rome, string Label)[] occupations = [("M1805", "Études et développement informatique"), ("J1506", "Soins infirmiers généralistes"),
            ("K2111", "Formation professionnelle"), ("H2909", "Montage-assemblage mécanique"), ("G1602", "Personnel de cuisine")];
        var stages = Enum.GetValues<CaseStage>();
        for (var i = 0; i < count; i++)
        {
            var organisation = i % 5 == 4 ? team : i % 2 == 0 ? figeac : services[random.Next(services.Count)];
            var createdAt = now.AddHours(-random.Next(1, 24 * 120));
            var occupation = occupations[random.Next(occupations.Length)];
            var adult = new HouseholdAdult { FirstName = firstNames[random.Next(firstNames.Length)], LastName = names[i % names.Length],
                RomeCode = occupation.Rome, OccupationLabel = occupation.Label, ExperienceYears = random.Next(1, 20), Wish = AdultWish.Job };
            var welcomeCase = new WelcomeCase
            {
                SubmissionKey = Guid.NewGuid(),
                HouseholdUserId = i == 0 ? household : null,
                HouseholdName = $"{adult.FirstName} {adult.LastName}",
                Project = new HouseholdProject
                {
                    Adults = [adult],
                    ChildrenAges = [.. Enumerable.Range(0, random.Next(3)).Select(_ => random.Next(1, 16))],
                    CurrentPlace = "Lyon",
                    TargetIntercommunalityIds = organisation.IntercommunalityId is { } target ? [target] : [],
                    Timeline = (MoveTimeline)random.Next(4),
                    Housing = HousingNeeds.Rent,
                    Needs = HouseholdNeeds.School | HouseholdNeeds.Broadband,
                    HeardFrom = (HeardFrom)random.Next(7),
                },
                IntercommunalityId = organisation.IntercommunalityId,
                Stage = CaseStage.NewContact,
                CreatedAt = createdAt,
                StageChangedAt = createdAt,
                UpdatedAt = createdAt,
                ConsentAccompanimentAt = createdAt,
            };
            if (i == 0 && organisation.IntercommunalityId is { } own)
            {
                // The demo household tries the journey as the plan tells it: a family with children of 6 and 11 who
                // aim for the main town of their intercommunality, so its space shows schools as well as offers.
                var town = await db.Communes.Where(c => c.IntercommunalityId == own).OrderByDescending(c => c.Population).Select(c => c.Id).FirstAsync();
                welcomeCase.Project.ChildrenAges = [6, 11];
                welcomeCase.Project.TargetCommuneIds = [town];
                // It arrives at the start of the month after next and needs a place for its first weeks.
                var arrival = DateOnly.FromDateTime(now.UtcDateTime).AddMonths(2);
                welcomeCase.Project.ArrivalOn = new DateOnly(arrival.Year, arrival.Month, 1);
                welcomeCase.Project.Housing = HousingNeeds.Temporary | HousingNeeds.Rent;
                welcomeCase.Project.HousingBudget = 900;
                // Its persona gives its welcome kit's first steps.
                welcomeCase.PersonaId = await db.Personas.OrderBy(p => p.Position).Select(p => (int?)p.Id).FirstOrDefaultAsync();
            }
            welcomeCase.Source = welcomeCase.Project.HeardFrom;
            welcomeCase.Record(CaseEventKind.Created, CaseActor.System, createdAt);
            var today = DateOnly.FromDateTime(createdAt.UtcDateTime);
            var assignee = organisation.Id == figeac.Id ? referent : organisation.Id == team.Id ? coordinator : null;
            welcomeCase.AssignTo(organisation.Id, AssignmentRole.Lead, assignee, FrenchCalendar.AddWorkingDays(today, dueDays), CaseActor.System, createdAt, organisation.Name);
            var actor = new CaseActor(assignee, "Référente de démonstration");
            var stage = stages[i % stages.Length];
            var at = createdAt.AddDays(1);
            if (stage != CaseStage.NewContact && at < now)
            {
                welcomeCase.Qualify(actor, at);
                welcomeCase.RecordResponse(organisation.Id, at);
                if (stage is CaseStage.Accompanied or CaseStage.Installed)
                {
                    welcomeCase.Accompany(actor, at);
                }
                if (stage == CaseStage.Installed)
                {
                    welcomeCase.Install(DateOnly.FromDateTime(at.UtcDateTime), actor, at);
                }
                if (stage == CaseStage.Closed)
                {
                    welcomeCase.Close(CaseClosedReason.ProjectPostponed, actor, at);
                }
            }
            if (i % 3 == 0)
            {
                welcomeCase.Tasks.Add(new CaseTask { Title = "Rappeler le ménage", DueOn = DateOnly.FromDateTime(now.UtcDateTime).AddDays(random.Next(-5, 10)),
                    AssignedUserId = assignee, CreatedAt = createdAt });
            }
            db.Cases.Add(welcomeCase);
            if (i % 500 == 499)
            {
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }
        await db.SaveChangesAsync();
        app.Logger.LogInformation("Seeded {Count} demo welcome cases", count);
    }

    private static async Task<string?> MemberAsync(EscaleDbContext db, string email, int organisationId, bool coordinator)
    {
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).FirstOrDefaultAsync();
        if (userId is not null && !await db.WelcomeOrganisationMembers.AnyAsync(m => m.UserId == userId && m.OrganisationId == organisationId))
        {
            db.WelcomeOrganisationMembers.Add(new WelcomeOrganisationMember { OrganisationId = organisationId, UserId = userId, IsCoordinator = coordinator });
        }
        return userId;
    }
}
