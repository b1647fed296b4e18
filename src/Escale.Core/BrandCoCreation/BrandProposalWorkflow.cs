namespace Escale.Core.BrandCoCreation;

/// <summary>
/// Submitted → Published | Rejected (moderation, with a reason told to the author); Published → Answered (the
/// communication commission: retained, adapted or not retained, with a public reason). Each transition refuses the
/// impossible with a French reason (null when done); the pages only call them.
/// </summary>
public static class BrandProposalWorkflow
{
    public static string? Publish(BrandProposal proposal, string moderatorUserId, DateTimeOffset now)
    {
        if (proposal.Status != BrandProposalStatus.Submitted)
        {
            return "Seule une proposition en attente de modération peut être publiée.";
        }
        proposal.Status = BrandProposalStatus.Published;
        proposal.ModeratedAt = now;
        proposal.ModeratedByUserId = moderatorUserId;
        return null;
    }

    public static string? Reject(BrandProposal proposal, string moderatorUserId, string? reason, DateTimeOffset now)
    {
        if (proposal.Status != BrandProposalStatus.Submitted)
        {
            return "Seule une proposition en attente de modération peut être refusée.";
        }
        if (ReasonRefusal(reason, "Indiquez le motif du refus : il sera envoyé à l’auteur.") is { } refusal)
        {
            return refusal;
        }
        proposal.Status = BrandProposalStatus.Rejected;
        proposal.RejectionReason = reason!.Trim();
        proposal.ModeratedAt = now;
        proposal.ModeratedByUserId = moderatorUserId;
        return null;
    }

    public static string? AnswerWith(BrandProposal proposal, BrandAnswer answer, string? reason, string userId, string userName, DateTimeOffset now)
    {
        if (proposal.Status == BrandProposalStatus.Answered)
        {
            return "La commission a déjà répondu à cette proposition.";
        }
        if (proposal.Status != BrandProposalStatus.Published)
        {
            return "La commission répond aux propositions publiées.";
        }
        if (!Enum.IsDefined(answer))
        {
            return "Choisissez la réponse de la commission.";
        }
        if (ReasonRefusal(reason, "Expliquez la réponse : elle est publiée avec la proposition.") is { } refusal)
        {
            return refusal;
        }
        proposal.Status = BrandProposalStatus.Answered;
        proposal.Answer = answer;
        proposal.AnswerReason = reason!.Trim();
        proposal.AnsweredAt = now;
        proposal.AnsweredByUserId = userId;
        proposal.AnsweredByName = userName;
        return null;
    }

    /// <summary>Votes are open while the proposal is published and not yet answered; nobody supports their own.</summary>
    public static string? VoteRefusal(BrandProposal proposal, string voterUserId) => proposal.Status switch
    {
        BrandProposalStatus.Published when proposal.AuthorUserId == voterUserId => "Vous ne pouvez pas voter pour votre propre proposition.",
        BrandProposalStatus.Published => null,
        BrandProposalStatus.Answered => "Les votes sont clos : la commission a répondu.",
        _ => "Cette proposition n’est pas publiée.",
    };

    /// <summary>Comments are open on what the public sees.</summary>
    public static string? CommentRefusal(BrandProposal proposal) =>
        proposal.IsPublic ? null : "Cette proposition n’est pas publiée.";

    public static string? Hide(BrandProposalComment comment, string moderatorUserId, DateTimeOffset now)
    {
        if (comment.HiddenAt is not null)
        {
            return "Ce commentaire est déjà masqué.";
        }
        comment.HiddenAt = now;
        comment.HiddenByUserId = moderatorUserId;
        return null;
    }

    private static string? ReasonRefusal(string? reason, string missing) =>
        string.IsNullOrWhiteSpace(reason) ? missing
        : reason.Trim().Length > BrandProposal.ReasonMaxLength ? $"Le motif ne doit pas dépasser {BrandProposal.ReasonMaxLength} caractères."
        : null;
}
