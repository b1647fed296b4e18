using Escale.Core.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Escale.Core.BrandCoCreation;

internal sealed class BrandCoCreationConfiguration :
    IEntityTypeConfiguration<BrandProposal>, IEntityTypeConfiguration<BrandProposalVote>, IEntityTypeConfiguration<BrandProposalComment>
{
    public void Configure(EntityTypeBuilder<BrandProposal> proposal)
    {
        proposal.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
        // Moderation and the commission's answer each move the status once: two people deciding at the same instant
        // make the second save fail instead of telling the author twice.
        proposal.Property(p => p.Status).HasConversion<string>().HasMaxLength(20).IsConcurrencyToken();
        proposal.Property(p => p.Answer).HasConversion<string>().HasMaxLength(20);
        proposal.Property(p => p.Title).HasMaxLength(BrandProposal.TitleMaxLength);
        proposal.Property(p => p.Text).HasMaxLength(BrandProposal.TextMaxLength);
        proposal.Property(p => p.RejectionReason).HasMaxLength(BrandProposal.ReasonMaxLength);
        proposal.Property(p => p.AnswerReason).HasMaxLength(BrandProposal.ReasonMaxLength);
        proposal.Property(p => p.AnsweredByName).HasMaxLength(200);
        proposal.Ignore(p => p.IsPublic);
        // The image row goes with the proposal's erasure by hand (its files too); a proposal never loses its image otherwise.
        proposal.HasOne(p => p.Image).WithMany().HasForeignKey(p => p.ImageId).OnDelete(DeleteBehavior.SetNull);
        proposal.HasOne<ApplicationUser>().WithMany().HasForeignKey(p => p.AuthorUserId).OnDelete(DeleteBehavior.SetNull);
        proposal.HasOne<ApplicationUser>().WithMany().HasForeignKey(p => p.ModeratedByUserId).OnDelete(DeleteBehavior.SetNull);
        proposal.HasOne<ApplicationUser>().WithMany().HasForeignKey(p => p.AnsweredByUserId).OnDelete(DeleteBehavior.SetNull);
        proposal.HasIndex(p => p.CreationKey).IsUnique();
        proposal.HasIndex(p => new { p.Status, p.CreatedAt });
        proposal.HasIndex(p => p.AuthorUserId);
        proposal.HasMany(p => p.Votes).WithOne(v => v.Proposal).HasForeignKey(v => v.ProposalId).OnDelete(DeleteBehavior.Cascade);
        proposal.HasMany(p => p.Comments).WithOne(c => c.Proposal).HasForeignKey(c => c.ProposalId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<BrandProposalVote> vote)
    {
        // One vote per account and proposal: a double submit counts once.
        vote.HasKey(v => new { v.ProposalId, v.UserId });
        vote.HasOne<ApplicationUser>().WithMany().HasForeignKey(v => v.UserId).OnDelete(DeleteBehavior.Cascade);
        vote.HasIndex(v => v.UserId);
    }

    public void Configure(EntityTypeBuilder<BrandProposalComment> comment)
    {
        comment.Property(c => c.Text).HasMaxLength(BrandProposalComment.TextMaxLength);
        comment.HasOne<ApplicationUser>().WithMany().HasForeignKey(c => c.AuthorUserId).OnDelete(DeleteBehavior.Cascade);
        comment.HasOne<ApplicationUser>().WithMany().HasForeignKey(c => c.HiddenByUserId).OnDelete(DeleteBehavior.SetNull);
        comment.HasIndex(c => c.CreationKey).IsUnique();
        comment.HasIndex(c => new { c.ProposalId, c.CreatedAt });
        comment.HasIndex(c => c.AuthorUserId);
    }
}
