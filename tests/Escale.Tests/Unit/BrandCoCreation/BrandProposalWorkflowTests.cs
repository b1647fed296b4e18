using Escale.Core.BrandCoCreation;

namespace Escale.Tests.Unit.BrandCoCreation;

public sealed class BrandProposalWorkflowTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);

    private static BrandProposal Proposal(BrandProposalStatus status) =>
        new() { Title = "Le Lot, grandeur nature", Text = "Un slogan.", AuthorUserId = "author", Status = status };

    [Fact]
    public void Publish_ASubmittedProposal_PublishesIt_AndSaysWhoAndWhen()
    {
        var proposal = Proposal(BrandProposalStatus.Submitted);

        var refusal = BrandProposalWorkflow.Publish(proposal, "editor", Now);

        Assert.Null(refusal);
        Assert.Equal(BrandProposalStatus.Published, proposal.Status);
        Assert.Equal(("editor", Now), (proposal.ModeratedByUserId, proposal.ModeratedAt));
    }

    [Theory]
    [InlineData(BrandProposalStatus.Published)]
    [InlineData(BrandProposalStatus.Rejected)]
    [InlineData(BrandProposalStatus.Answered)]
    public void Publish_AnythingButASubmittedProposal_IsRefusedInFrench_AndChangesNothing(BrandProposalStatus status)
    {
        var proposal = Proposal(status);

        var refusal = BrandProposalWorkflow.Publish(proposal, "editor", Now);

        Assert.Equal("Seule une proposition en attente de modération peut être publiée.", refusal);
        Assert.Equal(status, proposal.Status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void Reject_WithoutAReason_IsRefused(string? reason)
    {
        var proposal = Proposal(BrandProposalStatus.Submitted);

        var refusal = BrandProposalWorkflow.Reject(proposal, "editor", reason, Now);

        Assert.Equal("Indiquez le motif du refus : il sera envoyé à l’auteur.", refusal);
        Assert.Equal(BrandProposalStatus.Submitted, proposal.Status);
    }

    [Fact]
    public void Reject_WithAReason_KeepsTheReasonTrimmed()
    {
        var proposal = Proposal(BrandProposalStatus.Submitted);

        var refusal = BrandProposalWorkflow.Reject(proposal, "editor", "  Hors sujet.  ", Now);

        Assert.Null(refusal);
        Assert.Equal((BrandProposalStatus.Rejected, "Hors sujet."), (proposal.Status, proposal.RejectionReason));
    }

    [Fact]
    public void Reject_APublishedProposal_IsRefused()
    {
        var proposal = Proposal(BrandProposalStatus.Published);

        Assert.Equal("Seule une proposition en attente de modération peut être refusée.", BrandProposalWorkflow.Reject(proposal, "editor", "Trop tard.", Now));
        Assert.Equal(BrandProposalStatus.Published, proposal.Status);
    }

    [Fact]
    public void Answer_APublishedProposal_RecordsTheAnswerItsReasonWhoAndWhen()
    {
        var proposal = Proposal(BrandProposalStatus.Published);

        var refusal = BrandProposalWorkflow.AnswerWith(proposal, BrandAnswer.Adapted, " Pour l’été. ", "member", "Claire Martin", Now);

        Assert.Null(refusal);
        Assert.Equal(BrandProposalStatus.Answered, proposal.Status);
        Assert.Equal((BrandAnswer.Adapted, "Pour l’été."), (proposal.Answer!.Value, proposal.AnswerReason));
        Assert.Equal(("member", "Claire Martin", Now), (proposal.AnsweredByUserId, proposal.AnsweredByName, proposal.AnsweredAt!.Value));
    }

    [Theory]
    [InlineData(BrandProposalStatus.Submitted, "La commission répond aux propositions publiées.")]
    [InlineData(BrandProposalStatus.Rejected, "La commission répond aux propositions publiées.")]
    [InlineData(BrandProposalStatus.Answered, "La commission a déjà répondu à cette proposition.")]
    public void Answer_AnythingButAPublishedProposal_IsRefused(BrandProposalStatus status, string expected)
    {
        var proposal = Proposal(status);

        Assert.Equal(expected, BrandProposalWorkflow.AnswerWith(proposal, BrandAnswer.Retained, "Oui.", "member", "Claire", Now));
        Assert.Equal(status, proposal.Status);
    }

    [Fact]
    public void Answer_WithoutAReason_OrWithAnUnknownAnswer_IsRefused()
    {
        var proposal = Proposal(BrandProposalStatus.Published);

        Assert.Equal("Expliquez la réponse : elle est publiée avec la proposition.", BrandProposalWorkflow.AnswerWith(proposal, BrandAnswer.NotRetained, "", "member", "Claire", Now));
        Assert.Equal("Choisissez la réponse de la commission.", BrandProposalWorkflow.AnswerWith(proposal, (BrandAnswer)42, "Oui.", "member", "Claire", Now));
        Assert.Equal(BrandProposalStatus.Published, proposal.Status);
    }

    [Fact]
    public void Vote_IsOpenToOthersWhilePublished_NeverToTheAuthor_AndClosedOnceAnswered()
    {
        Assert.Null(BrandProposalWorkflow.VoteRefusal(Proposal(BrandProposalStatus.Published), "someone"));
        Assert.Equal("Vous ne pouvez pas voter pour votre propre proposition.", BrandProposalWorkflow.VoteRefusal(Proposal(BrandProposalStatus.Published), "author"));
        Assert.Equal("Les votes sont clos : la commission a répondu.", BrandProposalWorkflow.VoteRefusal(Proposal(BrandProposalStatus.Answered), "someone"));
        Assert.Equal("Cette proposition n’est pas publiée.", BrandProposalWorkflow.VoteRefusal(Proposal(BrandProposalStatus.Submitted), "someone"));
    }

    [Fact]
    public void Hide_AComment_Once()
    {
        var comment = new BrandProposalComment { AuthorUserId = "reader", Text = "Bof." };

        Assert.Null(BrandProposalWorkflow.Hide(comment, "editor", Now));
        Assert.Equal("Ce commentaire est déjà masqué.", BrandProposalWorkflow.Hide(comment, "editor", Now.AddHours(1)));
        Assert.Equal((Now, "editor"), (comment.HiddenAt!.Value, comment.HiddenByUserId));
    }
}
