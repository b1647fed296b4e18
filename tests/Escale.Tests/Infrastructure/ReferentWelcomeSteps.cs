using Escale.Core.Identity;
using Escale.Core.Welcome;
using Microsoft.EntityFrameworkCore;

namespace Escale.Tests.Infrastructure;

/// <summary>Welcome referents in their organisations, and cases put straight into the database, for the referents' pages.</summary>
public static class ReferentWelcomeSteps
{
    /// <summary>The welcome organisations' keys in the Lot's pack: an intercommunality's service is keyed by its SIREN.</summary>
    public const string GrandFigeac = "200067361";
    public const string GrandCahors = "200023737";
    public const string DepartmentalTeam = "departement";

    public sealed record Referent(ApplicationUser User, HttpClient Client, int OrganisationId);

    public static Task<int> OrganisationIdAsync(EscaleAppFactory app, string key) =>
        app.WithDbAsync(db => db.WelcomeOrganisations.Where(o => o.Key == key).Select(o => o.Id).SingleAsync());

    /// <summary>A signed-in welcome referent, member (and perhaps coordinator) of the organisation keyed <paramref name="key"/>.</summary>
    public static async Task<Referent> SignedInReferentAsync(EscaleAppFactory app, string key, bool coordinator = false)
    {
        var (user, organisationId) = await ReferentAsync(app, key, coordinator);
        var client = app.CreateBrowserlessClient();
        await client.SignInAsync(user.Email!, MailAppFixture.Password);
        return new Referent(user, client, organisationId);
    }

    /// <summary>A welcome referent (confirmed, known password), member (and perhaps coordinator) of the organisation keyed <paramref name="key"/>.</summary>
    public static async Task<(ApplicationUser User, int OrganisationId)> ReferentAsync(EscaleAppFactory app, string key, bool coordinator = false)
    {
        var organisationId = await OrganisationIdAsync(app, key);
        return (await MemberAsync(app, organisationId, coordinator), organisationId);
    }

    /// <summary>A welcome referent (confirmed, known password), member (and perhaps coordinator) of the organisation <paramref name="organisationId"/>.</summary>
    public static async Task<ApplicationUser> MemberAsync(EscaleAppFactory app, int organisationId, bool coordinator = false)
    {
        var user = await MailAppFixture.CreateUserAsync(app, roles: Roles.WelcomeReferent);
        await app.WithDbAsync(async db =>
        {
            db.WelcomeOrganisationMembers.Add(new WelcomeOrganisationMember { OrganisationId = organisationId, UserId = user.Id, IsCoordinator = coordinator });
            return await db.SaveChangesAsync();
        });
        return user;
    }

    /// <summary>
    /// A new-contact case led by the organisation keyed <paramref name="key"/>, received <paramref name="age"/> ago with a
    /// first-response deadline <paramref name="dueOn"/> (default: three working days after today), for a household account;
    /// <paramref name="project"/> changes the household's project before it is saved.
    /// </summary>
    public static async Task<(WelcomeCase Case, ApplicationUser Household)> CaseAsync(EscaleAppFactory app, string key,
        string? assignedUserId = null, TimeSpan? age = null, DateOnly? dueOn = null, Action<HouseholdProject>? project = null)
    {
        var household = await MailAppFixture.CreateUserAsync(app, roles: Roles.Newcomer);
        var welcomeCase = await app.WithDbAsync(async db =>
        {
            var organisation = await db.WelcomeOrganisations.SingleAsync(o => o.Key == key);
            var createdAt = DateTimeOffset.UtcNow - (age ?? TimeSpan.FromHours(1));
            var welcomeCase = new WelcomeCase
            {
                SubmissionKey = Guid.NewGuid(),
                HouseholdUserId = household.Id,
                HouseholdName = "Ménage " + Guid.NewGuid().ToString("N")[..8],
                Project = new HouseholdProject
                {
                    Adults = [new HouseholdAdult { FirstName = "Claire", LastName = "Martin", RomeCode = "J1506", OccupationLabel = "Soins infirmiers", Wish = AdultWish.Job }],
                    ChildrenAges = [6, 11],
                    TargetIntercommunalityIds = organisation.IntercommunalityId is { } epci ? [epci] : [],
                    Housing = HousingNeeds.Rent,
                    HeardFrom = HeardFrom.Campaign,
                },
                IntercommunalityId = organisation.IntercommunalityId,
                Source = HeardFrom.Campaign,
                CreatedAt = createdAt,
                StageChangedAt = createdAt,
                UpdatedAt = createdAt,
                ConsentAccompanimentAt = createdAt,
            };
            project?.Invoke(welcomeCase.Project);
            welcomeCase.Record(CaseEventKind.Created, CaseActor.System, createdAt);
            welcomeCase.AssignTo(organisation.Id, AssignmentRole.Lead, assignedUserId,
                dueOn ?? FrenchCalendar.AddWorkingDays(DateOnly.FromDateTime(createdAt.UtcDateTime), 3), CaseActor.System, createdAt, organisation.Name);
            db.Cases.Add(welcomeCase);
            await db.SaveChangesAsync();
            return welcomeCase;
        });
        return (welcomeCase, household);
    }
}
