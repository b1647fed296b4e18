using Escale.Core.Identity;
using Escale.Core.Media;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Escale.Core.Calls;

internal sealed class CallConfiguration :
    IEntityTypeConfiguration<CallForProjects>, IEntityTypeConfiguration<CallPrize>, IEntityTypeConfiguration<CallField>,
    IEntityTypeConfiguration<CallCriterion>, IEntityTypeConfiguration<CallJuror>, IEntityTypeConfiguration<CallApplication>,
    IEntityTypeConfiguration<ApplicationMember>, IEntityTypeConfiguration<GuardianConsent>, IEntityTypeConfiguration<ApplicationAnswer>,
    IEntityTypeConfiguration<ApplicationFile>, IEntityTypeConfiguration<ApplicationStatusChange>, IEntityTypeConfiguration<JurorAssignment>,
    IEntityTypeConfiguration<JurorScore>, IEntityTypeConfiguration<ProjectFollowUp>, IEntityTypeConfiguration<FollowUpMilestone>,
    IEntityTypeConfiguration<FollowUpEntry>
{
    public void Configure(EntityTypeBuilder<CallForProjects> call)
    {
        call.ToTable("Calls");
        call.HasIndex(c => c.Slug).IsUnique();
        call.Property(c => c.Slug).HasMaxLength(200);
        call.Property(c => c.Title).HasMaxLength(CallForProjects.TitleMaxLength);
        call.Property(c => c.Kind).HasConversion<string>().HasMaxLength(30);
        call.Property(c => c.Audience).HasConversion<string>().HasMaxLength(30);
        call.Property(c => c.Summary).HasMaxLength(500);
        call.Property(c => c.Description).HasMaxLength(20_000);
        call.Property(c => c.Organiser).HasMaxLength(300);
        call.Property(c => c.ContactEmail).HasMaxLength(320);
        call.Property(c => c.Themes).HasMaxLength(500);
        call.Property(c => c.EligibilityConditions).HasMaxLength(4000);
        call.HasIndex(c => c.PublishedAt);
        call.HasMany(c => c.ResidentIntercommunalities).WithMany().UsingEntity("CallResidentIntercommunality");
        call.HasMany(c => c.Prizes).WithOne().HasForeignKey(p => p.CallId).OnDelete(DeleteBehavior.Cascade);
        call.HasMany(c => c.Fields).WithOne().HasForeignKey(f => f.CallId).OnDelete(DeleteBehavior.Cascade);
        call.HasMany(c => c.Criteria).WithOne().HasForeignKey(c => c.CallId).OnDelete(DeleteBehavior.Cascade);
        call.HasMany(c => c.Jurors).WithOne().HasForeignKey(j => j.CallId).OnDelete(DeleteBehavior.Cascade);
        call.HasMany(c => c.Applications).WithOne(a => a.Call).HasForeignKey(a => a.CallId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<CallPrize> prize)
    {
        prize.ToTable("CallPrizes");
        prize.Property(p => p.Title).HasMaxLength(200);
        prize.Property(p => p.Description).HasMaxLength(2000);
        prize.Property(p => p.AmountEuros).HasPrecision(12, 2);
    }

    public void Configure(EntityTypeBuilder<CallField> field)
    {
        field.ToTable("CallFields");
        field.Property(f => f.Label).HasMaxLength(CallField.LabelMaxLength);
        field.Property(f => f.Help).HasMaxLength(1000);
        field.Property(f => f.Type).HasConversion<string>().HasMaxLength(20);
        field.Property(f => f.Visibility).HasConversion<string>().HasMaxLength(20);
        field.Property(f => f.Choices).HasMaxLength(4000);
        field.Ignore(f => f.ChoiceList);
        field.HasIndex(f => new { f.CallId, f.Order });
    }

    public void Configure(EntityTypeBuilder<CallCriterion> criterion)
    {
        criterion.ToTable("CallCriteria");
        criterion.Property(c => c.Name).HasMaxLength(200);
        criterion.Property(c => c.Description).HasMaxLength(1000);
    }

    public void Configure(EntityTypeBuilder<CallJuror> juror)
    {
        juror.ToTable("CallJurors");
        juror.HasOne<ApplicationUser>().WithMany().HasForeignKey(j => j.UserId).OnDelete(DeleteBehavior.Cascade);
        juror.HasIndex(j => new { j.CallId, j.UserId }).IsUnique();
        juror.HasIndex(j => j.UserId);
    }

    public void Configure(EntityTypeBuilder<CallApplication> application)
    {
        application.ToTable("CallApplications");
        application.Property(a => a.ProjectTitle).HasMaxLength(CallApplication.ProjectTitleMaxLength);
        application.Property(a => a.Status).HasConversion<string>().HasMaxLength(30);
        application.Property(a => a.StatusReason).HasMaxLength(4000);
        application.Property(a => a.Decision).HasConversion<string>().HasMaxLength(30);
        application.Property(a => a.DecisionReason).HasMaxLength(4000);
        application.Property(a => a.JuryFeedback).HasMaxLength(8000);
        application.Property(a => a.PhotoAlt).HasMaxLength(300);
        application.Property(a => a.Version).IsConcurrencyToken();
        application.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.LeadUserId).OnDelete(DeleteBehavior.Cascade);
        application.HasOne<MediaImage>().WithMany().HasForeignKey(a => a.PhotoImageId).OnDelete(DeleteBehavior.SetNull);
        application.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.DecidedByUserId).OnDelete(DeleteBehavior.SetNull);
        // One application per lead and call: a double submit of « Commencer » makes one draft.
        application.HasIndex(a => new { a.CallId, a.LeadUserId }).IsUnique();
        application.HasIndex(a => new { a.CallId, a.Status });
        application.HasMany(a => a.Members).WithOne(m => m.Application).HasForeignKey(m => m.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        application.HasMany(a => a.Answers).WithOne().HasForeignKey(a => a.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        application.HasMany(a => a.Assignments).WithOne(a => a.Application).HasForeignKey(a => a.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        application.HasMany(a => a.StatusChanges).WithOne().HasForeignKey(c => c.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ApplicationMember> member)
    {
        member.ToTable("ApplicationMembers");
        member.Property(m => m.Role).HasConversion<string>().HasMaxLength(20);
        member.Property(m => m.Name).HasMaxLength(200);
        member.Property(m => m.Email).HasMaxLength(320);
        member.Property(m => m.InvitationTokenHash).HasMaxLength(64);
        member.Property(m => m.School).HasMaxLength(300);
        member.HasOne<ApplicationUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        member.HasOne(m => m.Commune).WithMany().HasForeignKey(m => m.CommuneId).OnDelete(DeleteBehavior.SetNull);
        // One person once per team, whether by account or by invited address: a double submit invites once.
        member.HasIndex(m => new { m.ApplicationId, m.Email }).IsUnique();
        member.HasIndex(m => new { m.ApplicationId, m.UserId }).IsUnique().HasFilter("\"UserId\" IS NOT NULL");
        member.HasIndex(m => m.InvitationTokenHash).IsUnique().HasFilter("\"InvitationTokenHash\" IS NOT NULL");
        member.HasIndex(m => m.UserId);
        member.HasMany(m => m.GuardianConsents).WithOne(g => g.Member).HasForeignKey(g => g.MemberId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<GuardianConsent> consent)
    {
        consent.ToTable("GuardianConsents");
        consent.Property(g => g.Kind).HasConversion<string>().HasMaxLength(20);
        consent.Property(g => g.GuardianName).HasMaxLength(200);
        consent.Property(g => g.GuardianEmail).HasMaxLength(320);
        consent.Property(g => g.TokenHash).HasMaxLength(64);
        consent.Property(g => g.ConfirmedName).HasMaxLength(200);
        consent.Property(g => g.Relationship).HasMaxLength(100);
        consent.HasIndex(g => g.TokenHash).IsUnique().HasFilter("\"TokenHash\" IS NOT NULL");
    }

    public void Configure(EntityTypeBuilder<ApplicationAnswer> answer)
    {
        answer.ToTable("ApplicationAnswers");
        answer.Property(a => a.Value).HasMaxLength(CallField.LongTextMaxLength);
        answer.HasOne(a => a.Field).WithMany().HasForeignKey(a => a.FieldId).OnDelete(DeleteBehavior.Cascade);
        answer.HasIndex(a => new { a.ApplicationId, a.FieldId }).IsUnique();
        answer.HasOne(a => a.File).WithOne().HasForeignKey<ApplicationFile>(f => f.AnswerId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ApplicationFile> file)
    {
        file.ToTable("ApplicationFiles");
        file.Property(f => f.FileName).HasMaxLength(255);
        file.Property(f => f.ContentType).HasMaxLength(100);
        file.HasIndex(f => f.AnswerId).IsUnique();
    }

    public void Configure(EntityTypeBuilder<ApplicationStatusChange> change)
    {
        change.ToTable("ApplicationStatusChanges");
        change.Property(c => c.Status).HasConversion<string>().HasMaxLength(30);
        change.Property(c => c.Reason).HasMaxLength(8000);
    }

    public void Configure(EntityTypeBuilder<JurorAssignment> assignment)
    {
        assignment.ToTable("JurorAssignments");
        assignment.Property(a => a.ConflictReason).HasMaxLength(1000);
        assignment.Property(a => a.Comment).HasMaxLength(JurorAssignment.CommentMaxLength);
        assignment.Ignore(a => a.IsRecused);
        assignment.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.JurorUserId).OnDelete(DeleteBehavior.Cascade);
        // One evaluation per juror and application; the juror's list reads by juror.
        assignment.HasIndex(a => new { a.ApplicationId, a.JurorUserId }).IsUnique();
        assignment.HasIndex(a => a.JurorUserId);
        assignment.HasMany(a => a.Scores).WithOne().HasForeignKey(s => s.AssignmentId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<JurorScore> score)
    {
        score.ToTable("JurorScores");
        score.Property(s => s.Comment).HasMaxLength(JurorAssignment.CommentMaxLength);
        score.HasOne<CallCriterion>().WithMany().HasForeignKey(s => s.CriterionId).OnDelete(DeleteBehavior.Cascade);
        score.HasIndex(s => new { s.AssignmentId, s.CriterionId }).IsUnique();
        score.ToTable(t => t.HasCheckConstraint("CK_JurorScores_Score", "\"Score\" >= 0 AND \"Score\" <= 10"));
    }

    public void Configure(EntityTypeBuilder<ProjectFollowUp> followUp)
    {
        followUp.ToTable("ProjectFollowUps");
        followUp.Property(f => f.Slug).HasMaxLength(200);
        followUp.HasIndex(f => f.Slug).IsUnique();
        followUp.HasIndex(f => f.ApplicationId).IsUnique();
        followUp.HasOne(f => f.Application).WithMany().HasForeignKey(f => f.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        followUp.Property(f => f.SupportAmountEuros).HasPrecision(12, 2);
        followUp.Property(f => f.SupportDescription).HasMaxLength(2000);
        followUp.Property(f => f.MentorName).HasMaxLength(200);
        followUp.Property(f => f.PublicSummary).HasMaxLength(8000);
        followUp.HasOne(f => f.PartnerOrganisation).WithMany().HasForeignKey(f => f.PartnerOrganisationId).OnDelete(DeleteBehavior.SetNull);
        followUp.HasIndex(f => f.PublishedAt);
        followUp.HasMany(f => f.Milestones).WithOne().HasForeignKey(m => m.FollowUpId).OnDelete(DeleteBehavior.Cascade);
        followUp.HasMany(f => f.Entries).WithOne().HasForeignKey(e => e.FollowUpId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<FollowUpMilestone> milestone)
    {
        milestone.ToTable("FollowUpMilestones");
        milestone.Property(m => m.Title).HasMaxLength(300);
    }

    public void Configure(EntityTypeBuilder<FollowUpEntry> entry)
    {
        entry.ToTable("FollowUpEntries");
        entry.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        entry.Property(e => e.Text).HasMaxLength(FollowUpEntry.TextMaxLength);
        entry.HasOne<ApplicationUser>().WithMany().HasForeignKey(e => e.AuthorUserId).OnDelete(DeleteBehavior.Cascade);
    }
}
