using Escale.Core.Identity;
using Escale.Core.Opportunities;
using Escale.Core.Welcome;
using Microsoft.EntityFrameworkCore;

namespace Escale.Tests.Infrastructure;

/// <summary>Households with a welcome case, their referents and partners, inserted directly for the household space's tests.</summary>
public static class SpaceWelcomeSteps
{
    public const string FigeacInsee = "46102";
    public const string CapdenacInsee = "46055"; // Capdenac, about 4 km from Figeac

    public sealed record Household(ApplicationUser User, HttpClient Client, int CaseId, ApplicationUser Referent);

    /// <summary>A nurse (J1506, CDI, full time) and an engineer moving towards Figeac with two children, 6 and 11.</summary>
    public static HouseholdProject NurseNearFigeac(int figeacId, string nurseRome = "J1506") => new()
    {
        Adults =
        [
            new HouseholdAdult { FirstName = "Claire", LastName = "Martin", RomeCode = nurseRome, OccupationLabel = "Infirmière", ExperienceYears = 8,
                Wish = AdultWish.Job, Contracts = [ContractType.Cdi], WorkingTime = WorkingTime.FullTime },
            new HouseholdAdult { FirstName = "Marc", LastName = "Martin", RomeCode = "M1805", OccupationLabel = "Ingénieur", ExperienceYears = 12, Wish = AdultWish.KeepRemoteJob },
        ],
        ChildrenAges = [6, 11],
        CurrentPlace = "Lyon",
        TargetCommuneIds = [figeacId],
        Timeline = MoveTimeline.WithinYear,
        Housing = HousingNeeds.Rent,
        HousingBudget = 900,
        Needs = HouseholdNeeds.School | HouseholdNeeds.Broadband,
        Phone = "06 12 34 56 78",
        Message = "Nous cherchons une maison avec jardin.",
    };

    /// <summary>
    /// A signed-in newcomer whose case is followed by a referent of a welcome organisation made for the test (not signed
    /// in with <paramref name="signIn"/> false, for a browser that signs in by itself on a real port).
    /// </summary>
    public static async Task<Household> HouseholdAsync(EscaleAppFactory app, Func<int, HouseholdProject>? project = null, CaseStage stage = CaseStage.Qualified,
        bool matchEmails = false, bool followUp = false, DateOnly? installedOn = null, bool signIn = true)
    {
        var user = await MailAppFixture.CreateUserAsync(app, roles: Roles.Newcomer);
        var referent = await MailAppFixture.CreateUserAsync(app, roles: Roles.WelcomeReferent);
        var caseId = await app.WithDbAsync(async db =>
        {
            var figeac = await db.Communes.SingleAsync(c => c.InseeCode == FigeacInsee);
            var organisation = new WelcomeOrganisation { Key = "test-" + Guid.NewGuid().ToString("N"), Name = "Accueil du Grand-Figeac (test)", Kind = WelcomeOrganisationKind.IntercommunalityService };
            organisation.Members.Add(new WelcomeOrganisationMember { UserId = referent.Id });
            db.WelcomeOrganisations.Add(organisation);
            await db.SaveChangesAsync();
            var created = DateTimeOffset.UtcNow.AddDays(-20);
            var welcomeCase = new WelcomeCase
            {
                SubmissionKey = Guid.NewGuid(), HouseholdUserId = user.Id, HouseholdName = "Claire et Marc Martin",
                Project = (project ?? (id => NurseNearFigeac(id)))(figeac.Id), Stage = CaseStage.NewContact, StageChangedAt = created, CreatedAt = created,
                UpdatedAt = created, IntercommunalityId = figeac.IntercommunalityId, Source = HeardFrom.Holidays, ConsentAccompanimentAt = created,
                ConsentMatchEmailsAt = matchEmails ? created : null, ConsentFollowUpAt = followUp ? created : null,
            };
            welcomeCase.Record(CaseEventKind.Created, new CaseActor(user.Id, "Claire et Marc Martin"), created);
            welcomeCase.AssignTo(organisation.Id, AssignmentRole.Lead, referent.Id, DateOnly.FromDateTime(created.UtcDateTime).AddDays(5),
                CaseActor.System, created, organisation.Name);
            var actor = new CaseActor(referent.Id, "Sophie Referente");
            if (stage != CaseStage.NewContact)
            {
                Assert.Null(welcomeCase.Qualify(actor, created.AddDays(2)));
            }
            if (stage is CaseStage.Accompanied or CaseStage.Installed or CaseStage.FollowUpSixMonths)
            {
                Assert.Null(welcomeCase.Accompany(actor, created.AddDays(5)));
            }
            if (stage is CaseStage.Installed or CaseStage.FollowUpSixMonths)
            {
                Assert.Null(welcomeCase.Install(installedOn ?? DateOnly.FromDateTime(created.UtcDateTime).AddDays(6), actor, created.AddDays(6)));
            }
            db.Cases.Add(welcomeCase);
            await db.SaveChangesAsync();
            return welcomeCase.Id;
        });
        var client = app.CreateBrowserlessClient();
        if (signIn)
        {
            await client.SignInAsync(user.Email!, MailAppFixture.Password);
        }
        return new Household(user, client, caseId, referent);
    }

    /// <summary>A published job offer of <paramref name="organisationId"/> in the commune <paramref name="inseeCode"/>.</summary>
    public static async Task<Opportunity> JobAsync(EscaleAppFactory app, int organisationId, string title, string romeCode, string inseeCode = FigeacInsee,
        ContractType contract = ContractType.Cdi)
    {
        return await app.WithDbAsync(async db =>
        {
            var commune = await db.Communes.SingleAsync(c => c.InseeCode == inseeCode);
            var now = DateTimeOffset.UtcNow;
            var opportunity = new Opportunity
            {
                Kind = OpportunityKind.Job, Status = OpportunityStatus.Published, Title = title, Slug = Core.Territories.Slug.From(title),
                DedupKey = "Job|test|" + Guid.NewGuid().ToString("N"), OrganisationId = organisationId, Source = OpportunitySource.Manual,
                RomeCode = romeCode, RomeDomainCode = romeCode[..3], RomeGrandDomainCode = romeCode[..1], Contract = contract, WorkingTime = WorkingTime.FullTime,
                ExpiresOn = DateOnly.FromDateTime(now.UtcDateTime).AddDays(40), CreatedAt = now, UpdatedAt = now, PublishedAt = now,
            };
            opportunity.PlaceIn(commune);
            db.Opportunities.Add(opportunity);
            await db.SaveChangesAsync();
            return opportunity;
        });
    }

    /// <summary>A referral drafted by the household's referent to <paramref name="partnerOrganisationId"/>, sharing <paramref name="shared"/>.</summary>
    public static async Task<int> ReferralAsync(EscaleAppFactory app, Household household, int partnerOrganisationId, SharedFields shared,
        string message = "Claire cherche un poste d’infirmière en CDI.", bool consentedAndSent = false)
    {
        return await app.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var referral = new CaseReferral
            {
                CaseId = household.CaseId, PartnerOrganisationId = partnerOrganisationId, PartnerKind = ReferralPartnerKind.Employer, AdultIndex = 0,
                Message = message, Shared = shared, Status = ReferralStatus.Draft, CreatedByUserId = household.Referent.Id, CreatedAt = now,
            };
            if (consentedAndSent)
            {
                Assert.Null(referral.Consent(now));
                Assert.Null(referral.Send(now));
            }
            db.CaseReferrals.Add(referral);
            await db.SaveChangesAsync();
            return referral.Id;
        });
    }
}
