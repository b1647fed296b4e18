using Escale.Core.Identity;
using Escale.Core.Opportunities;
using Escale.Core.Territories;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Escale.Core.Welcome;

internal sealed class WelcomeOrganisationConfiguration :
    IEntityTypeConfiguration<WelcomeOrganisation>, IEntityTypeConfiguration<WelcomeOrganisationMember>
{
    public void Configure(EntityTypeBuilder<WelcomeOrganisation> organisation)
    {
        organisation.Property(o => o.Key).HasMaxLength(50);
        organisation.HasIndex(o => o.Key).IsUnique();
        organisation.Property(o => o.Name).HasMaxLength(300);
        organisation.Property(o => o.Email).HasMaxLength(320);
        organisation.HasOne(o => o.Intercommunality).WithMany().HasForeignKey(o => o.IntercommunalityId).OnDelete(DeleteBehavior.SetNull);
        organisation.HasMany(o => o.Members).WithOne(m => m.Organisation).HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<WelcomeOrganisationMember> member)
    {
        member.HasKey(m => new { m.OrganisationId, m.UserId });
        member.HasOne<ApplicationUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        member.HasIndex(m => m.UserId);
    }
}

internal sealed class WelcomeCaseConfiguration : IEntityTypeConfiguration<WelcomeCase>
{
    public void Configure(EntityTypeBuilder<WelcomeCase> welcomeCase)
    {
        welcomeCase.ToTable("Cases");
        welcomeCase.HasIndex(c => c.SubmissionKey).IsUnique();
        welcomeCase.Property(c => c.HouseholdName).HasMaxLength(300);
        welcomeCase.Property(c => c.CampaignCode).HasMaxLength(50);
        welcomeCase.Property(c => c.FirstCampaignCode).HasMaxLength(50);
        welcomeCase.HasOne<ApplicationUser>().WithMany().HasForeignKey(c => c.HouseholdUserId).OnDelete(DeleteBehavior.SetNull);
        welcomeCase.HasOne<Intercommunality>().WithMany().HasForeignKey(c => c.IntercommunalityId).OnDelete(DeleteBehavior.SetNull);
        welcomeCase.HasOne<Persona>().WithMany().HasForeignKey(c => c.PersonaId).OnDelete(DeleteBehavior.SetNull);
        welcomeCase.OwnsOne(c => c.Project, project =>
        {
            project.ToJson();
            project.OwnsMany(p => p.Adults);
        });
        welcomeCase.Ignore(c => c.NextStage);
        welcomeCase.Ignore(c => c.IsOpen);
        welcomeCase.Ignore(c => c.FollowUpSixMonthsOn);
        welcomeCase.Ignore(c => c.FollowUpTwelveMonthsOn);
        // The caseload filters by stage and sorts by arrival; the household's space finds its case by account.
        welcomeCase.HasIndex(c => new { c.Stage, c.CreatedAt });
        // The caseload's pages, newest first, read along this index a page at a time.
        welcomeCase.HasIndex(c => new { c.CreatedAt, c.Id });
        welcomeCase.HasIndex(c => c.HouseholdUserId);
        welcomeCase.HasIndex(c => c.InstalledOn);

        welcomeCase.HasMany(c => c.Assignments).WithOne().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Cascade);
        welcomeCase.HasMany(c => c.Events).WithOne().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Cascade);
        welcomeCase.HasMany(c => c.Tasks).WithOne().HasForeignKey(t => t.CaseId).OnDelete(DeleteBehavior.Cascade);
        welcomeCase.HasMany(c => c.Notes).WithOne().HasForeignKey(n => n.CaseId).OnDelete(DeleteBehavior.Cascade);
        welcomeCase.HasMany(c => c.Messages).WithOne().HasForeignKey(m => m.CaseId).OnDelete(DeleteBehavior.Cascade);
        welcomeCase.HasMany(c => c.Referrals).WithOne(r => r.Case).HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Cascade);
        welcomeCase.HasMany(c => c.Documents).WithOne().HasForeignKey(d => d.CaseId).OnDelete(DeleteBehavior.Cascade);
        welcomeCase.HasMany(c => c.Accesses).WithOne().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Cascade);
        welcomeCase.HasMany(c => c.Questionnaires).WithOne().HasForeignKey(q => q.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CaseRecordsConfiguration :
    IEntityTypeConfiguration<CaseAssignment>, IEntityTypeConfiguration<CaseEvent>, IEntityTypeConfiguration<CaseTask>,
    IEntityTypeConfiguration<CaseNote>, IEntityTypeConfiguration<CaseMessage>, IEntityTypeConfiguration<CaseAccess>,
    IEntityTypeConfiguration<CaseDocument>, IEntityTypeConfiguration<CaseQuestionnaire>, IEntityTypeConfiguration<CaseMatchNotice>,
    IEntityTypeConfiguration<CaseReferral>
{
    public void Configure(EntityTypeBuilder<CaseAssignment> assignment)
    {
        assignment.HasOne(a => a.Organisation).WithMany().HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        assignment.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.AssignedUserId).OnDelete(DeleteBehavior.SetNull);
        assignment.Ignore(a => a.IsActive);
        // The caseload: an organisation's active cases; a member's own; the overdue list.
        assignment.HasIndex(a => new { a.OrganisationId, a.EndedAt, a.FirstResponseDueOn });
        assignment.HasIndex(a => new { a.AssignedUserId, a.EndedAt });
        // The caseload's overdue count and flags read only the assignments still waiting for a first answer, by case (so a
        // distinct count of cases needs no sort). The filter is the same SQL on SQLite and PostgreSQL (both quote with ").
        assignment.HasIndex(a => new { a.CaseId, a.FirstResponseDueOn, a.OrganisationId }, "IX_CaseAssignments_Unanswered")
            .HasFilter("\"EndedAt\" IS NULL AND \"RespondedAt\" IS NULL");
        // Declared, since EF would otherwise drop the foreign key's own index as covered by the partial one, which it is not.
        assignment.HasIndex(a => a.CaseId);
    }

    public void Configure(EntityTypeBuilder<CaseEvent> entry)
    {
        entry.Property(e => e.ActorName).HasMaxLength(300);
        entry.Property(e => e.Detail).HasMaxLength(2000);
        entry.HasIndex(e => new { e.CaseId, e.At });
    }

    public void Configure(EntityTypeBuilder<CaseTask> task)
    {
        task.Property(t => t.Title).HasMaxLength(300);
        task.HasOne<ApplicationUser>().WithMany().HasForeignKey(t => t.AssignedUserId).OnDelete(DeleteBehavior.SetNull);
        task.HasIndex(t => new { t.DoneAt, t.DueOn });
    }

    public void Configure(EntityTypeBuilder<CaseNote> note)
    {
        note.Property(n => n.AuthorName).HasMaxLength(300);
        note.Property(n => n.Text).HasMaxLength(8000);
    }

    public void Configure(EntityTypeBuilder<CaseMessage> message)
    {
        message.Property(m => m.AuthorName).HasMaxLength(300);
        message.Property(m => m.Body).HasMaxLength(8000);
        message.HasIndex(m => new { m.CaseId, m.At });
    }

    public void Configure(EntityTypeBuilder<CaseAccess> access)
    {
        access.Property(a => a.ActorName).HasMaxLength(300);
        access.Property(a => a.OrganisationName).HasMaxLength(300);
        access.HasIndex(a => new { a.CaseId, a.At });
    }

    public void Configure(EntityTypeBuilder<CaseDocument> document)
    {
        document.Property(d => d.FileName).HasMaxLength(255);
        document.Property(d => d.ContentType).HasMaxLength(100);
    }

    public void Configure(EntityTypeBuilder<CaseQuestionnaire> questionnaire)
    {
        questionnaire.Property(q => q.TokenHash).HasMaxLength(64);
        questionnaire.HasIndex(q => q.TokenHash).IsUnique();
        questionnaire.HasIndex(q => new { q.CaseId, q.Milestone }).IsUnique();
        questionnaire.Property(q => q.WhatHelped).HasMaxLength(4000);
        questionnaire.Property(q => q.WhatWasMissing).HasMaxLength(4000);
    }

    public void Configure(EntityTypeBuilder<CaseMatchNotice> notice)
    {
        notice.HasKey(n => new { n.CaseId, n.OpportunityId });
        notice.HasOne<WelcomeCase>().WithMany().HasForeignKey(n => n.CaseId).OnDelete(DeleteBehavior.Cascade);
        notice.HasOne<Opportunity>().WithMany().HasForeignKey(n => n.OpportunityId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<CaseReferral> referral)
    {
        referral.Property(r => r.Message).HasMaxLength(4000);
        referral.Property(r => r.DeclineReason).HasMaxLength(2000);
        referral.HasOne(r => r.PartnerOrganisation).WithMany().HasForeignKey(r => r.PartnerOrganisationId).OnDelete(DeleteBehavior.Restrict);
        referral.HasOne<Opportunity>().WithMany().HasForeignKey(r => r.OpportunityId).OnDelete(DeleteBehavior.SetNull);
        referral.HasIndex(r => new { r.PartnerOrganisationId, r.Status });
    }
}
