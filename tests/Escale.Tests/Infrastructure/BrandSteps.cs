using Escale.Core.BrandCoCreation;
using Escale.Core.Identity;

namespace Escale.Tests.Infrastructure;

/// <summary>Brand proposals made directly in the database, each test its own.</summary>
public static class BrandSteps
{
    public static async Task<BrandProposal> ProposalAsync(
        EscaleAppFactory app, ApplicationUser author, BrandProposalStatus status = BrandProposalStatus.Published,
        BrandProposalKind kind = BrandProposalKind.Message, string? title = null)
    {
        var proposal = new BrandProposal
        {
            Kind = kind,
            Title = title ?? $"Le Lot, ça se vit {Guid.NewGuid().ToString("N")[..8]}",
            Text = "Un slogan pour dire qu’ici on vit dehors, ensemble.",
            AuthorUserId = author.Id,
            Status = status,
            CreatedAt = DateTimeOffset.UtcNow,
            ModeratedAt = status == BrandProposalStatus.Submitted ? null : DateTimeOffset.UtcNow,
            RejectionReason = status == BrandProposalStatus.Rejected ? "Hors sujet." : null,
            Answer = status == BrandProposalStatus.Answered ? BrandAnswer.Retained : null,
            AnswerReason = status == BrandProposalStatus.Answered ? "Elle dit juste." : null,
            AnsweredAt = status == BrandProposalStatus.Answered ? DateTimeOffset.UtcNow : null,
        };
        await app.WithDbAsync(async db =>
        {
            db.BrandProposals.Add(proposal);
            return await db.SaveChangesAsync();
        });
        return proposal;
    }
}
