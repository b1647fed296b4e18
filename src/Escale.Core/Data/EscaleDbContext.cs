using Escale.Core.Calls;
using Escale.Core.BrandCoCreation;
using Escale.Core.Campaigns;
using Escale.Core.Content;
using Escale.Core.Email;
using Escale.Core.Identity;
using Escale.Core.Jobs;
using Escale.Core.Media;
using Escale.Core.Opportunities;
using Escale.Core.Opportunities.Alerts;
using Escale.Core.Opportunities.Interest;
using Escale.Core.Reference;
using Escale.Core.Territories;
using Escale.Core.Welcome;
using Escale.Core.Welcome.Housing;
using Escale.Core.Welcome.Kits;
using Escale.Core.WelcomeNetworks;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Escale.Core.Data;

public static class DatabaseProviders
{
    public const string Sqlite = nameof(Sqlite);
    public const string Postgres = nameof(Postgres);
    public const string SqliteProviderName = "Microsoft.EntityFrameworkCore.Sqlite";
    public const string PostgresProviderName = "Npgsql.EntityFrameworkCore.PostgreSQL";
}

/// <remarks>
/// Also holds the ASP.NET Data Protection key ring (<see cref="IDataProtectionKeyContext"/>), so that every
/// instance behind a load balancer decrypts the same cookies and tokens. One context rather than a separate small
/// one: the keys then follow the same provider switch, connection string and migration sets as everything else,
/// at the cost of one small ASP.NET package in Core.
/// </remarks>
public sealed class EscaleDbContext(DbContextOptions<EscaleDbContext> options)
    : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Territory> Territories => Set<Territory>();
    public DbSet<Persona> Personas => Set<Persona>();
    public DbSet<Intercommunality> Intercommunalities => Set<Intercommunality>();
    public DbSet<Commune> Communes => Set<Commune>();
    public DbSet<PopulationEstimate> PopulationEstimates => Set<PopulationEstimate>();
    public DbSet<LegalPopulation> LegalPopulations => Set<LegalPopulation>();
    public DbSet<TerritoryService> TerritoryServices => Set<TerritoryService>();
    public DbSet<JobSchedule> JobSchedules => Set<JobSchedule>();
    public DbSet<Opportunity> Opportunities => Set<Opportunity>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<OrganisationMember> OrganisationMembers => Set<OrganisationMember>();
    public DbSet<RomeOccupation> RomeOccupations => Set<RomeOccupation>();
    public DbSet<RomeDomain> RomeDomains => Set<RomeDomain>();
    public DbSet<NafActivity> NafActivities => Set<NafActivity>();
    public DbSet<ReferenceDataVersion> ReferenceDataVersions => Set<ReferenceDataVersion>();
    public DbSet<SearchAlert> SearchAlerts => Set<SearchAlert>();
    public DbSet<ApprovedVersion> ApprovedVersions => Set<ApprovedVersion>();
    public DbSet<PendingEdit> PendingEdits => Set<PendingEdit>();
    public DbSet<OpportunityInterest> OpportunityInterests => Set<OpportunityInterest>();
    public DbSet<CandidateStep> CandidateSteps => Set<CandidateStep>();
    public DbSet<TakeoverContactRequest> TakeoverContactRequests => Set<TakeoverContactRequest>();
    public DbSet<ContentItem> ContentItems => Set<ContentItem>();
    public DbSet<ContentTranslation> ContentTranslations => Set<ContentTranslation>();
    public DbSet<ContentPersona> ContentPersonas => Set<ContentPersona>();
    public DbSet<ContentThemeTag> ContentThemes => Set<ContentThemeTag>();
    public DbSet<ContentRevision> ContentRevisions => Set<ContentRevision>();
    public DbSet<MediaImage> MediaImages => Set<MediaImage>();
    public DbSet<Campaign> Campaigns => Set<Campaign>();
    public DbSet<CampaignLink> CampaignLinks => Set<CampaignLink>();
    public DbSet<CampaignVisit> CampaignVisits => Set<CampaignVisit>();
    public DbSet<LandingPage> LandingPages => Set<LandingPage>();
    public DbSet<LandingBlock> LandingBlocks => Set<LandingBlock>();
    public DbSet<OutboxEmail> OutboxEmails => Set<OutboxEmail>();
    public DbSet<WelcomeOrganisation> WelcomeOrganisations => Set<WelcomeOrganisation>();
    public DbSet<WelcomeOrganisationMember> WelcomeOrganisationMembers => Set<WelcomeOrganisationMember>();
    public DbSet<WelcomeCase> Cases => Set<WelcomeCase>();
    public DbSet<CaseAssignment> CaseAssignments => Set<CaseAssignment>();
    public DbSet<CaseEvent> CaseEvents => Set<CaseEvent>();
    public DbSet<CaseTask> CaseTasks => Set<CaseTask>();
    public DbSet<CaseNote> CaseNotes => Set<CaseNote>();
    public DbSet<CaseMessage> CaseMessages => Set<CaseMessage>();
    public DbSet<CaseReferral> CaseReferrals => Set<CaseReferral>();
    public DbSet<CaseDocument> CaseDocuments => Set<CaseDocument>();
    public DbSet<CaseAccess> CaseAccesses => Set<CaseAccess>();
    public DbSet<CaseQuestionnaire> CaseQuestionnaires => Set<CaseQuestionnaire>();
    public DbSet<CaseMatchNotice> CaseMatchNotices => Set<CaseMatchNotice>();
    public DbSet<HousingOffer> HousingOffers => Set<HousingOffer>();
    public DbSet<HousingAvailability> HousingAvailabilities => Set<HousingAvailability>();
    public DbSet<HousingBooking> HousingBookings => Set<HousingBooking>();
    public DbSet<WelcomeKitStep> WelcomeKitSteps => Set<WelcomeKitStep>();
    public DbSet<WelcomeStructure> WelcomeStructures => Set<WelcomeStructure>();
    public DbSet<WelcomeStructureMember> WelcomeStructureMembers => Set<WelcomeStructureMember>();
    public DbSet<NewcomerEvent> NewcomerEvents => Set<NewcomerEvent>();
    public DbSet<NewcomerEventRegistration> NewcomerEventRegistrations => Set<NewcomerEventRegistration>();
    public DbSet<NetworkMailing> NetworkMailings => Set<NetworkMailing>();
    public DbSet<NetworkMailingRecipient> NetworkMailingRecipients => Set<NetworkMailingRecipient>();
    public DbSet<SpouseProfile> SpouseProfiles => Set<SpouseProfile>();
    public DbSet<SpouseIntroduction> SpouseIntroductions => Set<SpouseIntroduction>();
    public DbSet<CallForProjects> Calls => Set<CallForProjects>();
    public DbSet<CallPrize> CallPrizes => Set<CallPrize>();
    public DbSet<CallField> CallFields => Set<CallField>();
    public DbSet<CallCriterion> CallCriteria => Set<CallCriterion>();
    public DbSet<CallJuror> CallJurors => Set<CallJuror>();
    public DbSet<CallApplication> CallApplications => Set<CallApplication>();
    public DbSet<ApplicationMember> ApplicationMembers => Set<ApplicationMember>();
    public DbSet<GuardianConsent> GuardianConsents => Set<GuardianConsent>();
    public DbSet<ApplicationAnswer> ApplicationAnswers => Set<ApplicationAnswer>();
    public DbSet<ApplicationFile> ApplicationFiles => Set<ApplicationFile>();
    public DbSet<ApplicationStatusChange> ApplicationStatusChanges => Set<ApplicationStatusChange>();
    public DbSet<JurorAssignment> JurorAssignments => Set<JurorAssignment>();
    public DbSet<JurorScore> JurorScores => Set<JurorScore>();
    public DbSet<ProjectFollowUp> ProjectFollowUps => Set<ProjectFollowUp>();
    public DbSet<FollowUpMilestone> FollowUpMilestones => Set<FollowUpMilestone>();
    public DbSet<FollowUpEntry> FollowUpEntries => Set<FollowUpEntry>();
    public DbSet<BrandProposal> BrandProposals => Set<BrandProposal>();
    public DbSet<BrandProposalVote> BrandProposalVotes => Set<BrandProposalVote>();
    public DbSet<BrandProposalComment> BrandProposalComments => Set<BrandProposalComment>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no date type: EF stores DateTimeOffset as text, which neither sorts nor
        // compares correctly across offsets (https://learn.microsoft.com/ef/core/providers/sqlite/limitations#query-limitations).
        // Store UTC ticks instead. PostgreSQL maps it to timestamptz natively.
        if (Database.ProviderName == DatabaseProviders.SqliteProviderName)
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(EscaleDbContext).Assembly);

        builder.Entity<Territory>(territory =>
        {
            territory.Property(t => t.Code).HasMaxLength(10);
            territory.Property(t => t.Name).HasMaxLength(200);
            territory.OwnsOne(t => t.Kind);
            territory.OwnsOne(t => t.Positioning);
            territory.OwnsOne(t => t.Promise);
            territory.OwnsOne(t => t.ContactOrganisation);
            territory.OwnsMany(t => t.Values, v => v.ToJson());
            territory.OwnsMany(t => t.Dna, v => v.ToJson());
        });

        builder.Entity<Persona>(persona =>
        {
            persona.HasIndex(p => p.Slug).IsUnique();
            persona.Property(p => p.Slug).HasMaxLength(100);
            persona.Property(p => p.Key).HasMaxLength(100);
            persona.OwnsOne(p => p.Name);
            persona.OwnsOne(p => p.Entry);
            persona.OwnsOne(p => p.Summary);
            persona.OwnsOne(p => p.Body);
            persona.OwnsMany(p => p.Needs, n => n.ToJson());
        });

        builder.Entity<Intercommunality>(epci =>
        {
            epci.HasIndex(e => e.Siren).IsUnique();
            epci.HasIndex(e => e.Slug).IsUnique();
            epci.Property(e => e.Siren).HasMaxLength(9);
            epci.Property(e => e.Name).HasMaxLength(200);
            epci.Property(e => e.Slug).HasMaxLength(200);
            epci.Property(e => e.Nature).HasMaxLength(10);
            epci.Property(e => e.SeatDepartment).HasMaxLength(3);
        });

        builder.Entity<Commune>(commune =>
        {
            commune.HasIndex(c => c.InseeCode).IsUnique();
            commune.HasIndex(c => c.Slug);
            commune.Property(c => c.InseeCode).HasMaxLength(5);
            commune.Property(c => c.Name).HasMaxLength(200);
            commune.Property(c => c.Slug).HasMaxLength(200);
            commune.Property(c => c.PostalCodes).HasMaxLength(100);
            commune.HasOne(c => c.Intercommunality).WithMany(e => e.Communes)
                .HasForeignKey(c => c.IntercommunalityId).OnDelete(DeleteBehavior.Restrict);
            commune.OwnsMany(c => c.PopulationHistory, p => p.ToJson());
            commune.Ignore(c => c.PopulationChangeSinceFirstYear);
        });

        builder.Entity<PopulationEstimate>(estimate =>
        {
            estimate.HasIndex(e => new { e.AreaCode, e.Year }).IsUnique();
            estimate.Property(e => e.AreaCode).HasMaxLength(10);
            estimate.Property(e => e.AreaName).HasMaxLength(200);
        });

        builder.Entity<LegalPopulation>().HasIndex(l => l.Millesime).IsUnique();

        builder.Entity<ApplicationUser>(user =>
        {
            user.Property(u => u.DisplayName).HasMaxLength(200);
            user.Property(u => u.CampaignCode).HasMaxLength(50);
            user.Property(u => u.FirstCampaignCode).HasMaxLength(50);
            // Identity's own index on the normalised e-mail is not unique; RequireUniqueEmail checks before inserting,
            // which two simultaneous sign-ups both pass. The database has the last word.
            user.HasIndex(u => u.NormalizedEmail).HasDatabaseName("EmailIndex").IsUnique();
            user.HasMany(u => u.ReferentIntercommunalities).WithMany()
                .UsingEntity("ReferentIntercommunality");
        });
    }
}
