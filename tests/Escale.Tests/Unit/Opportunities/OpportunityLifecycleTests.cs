using Escale.Core.Opportunities;

namespace Escale.Tests.Unit.Opportunities;

/// <summary>An offer's transitions: each one moves it, or refuses in French and changes nothing.</summary>
public sealed class OpportunityLifecycleTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);

    private static Opportunity Opportunity(OpportunityStatus status, OpportunitySource source = OpportunitySource.Manual, DateOnly? expiresOn = null) => new()
    {
        Title = "Boulanger", Slug = "boulanger", DedupKey = "", Status = status, Source = source, ExpiresOn = expiresOn ?? Today.AddDays(30),
    };

    private static void AssertRefusedAndUnchanged(Opportunity opportunity, string? refusal, OpportunityStatus status)
    {
        Assert.False(string.IsNullOrWhiteSpace(refusal));
        Assert.Equal(status, opportunity.Status);
    }

    [Theory]
    [InlineData(OpportunityStatus.Draft)]
    [InlineData(OpportunityStatus.Rejected)]
    [InlineData(OpportunityStatus.Published)]
    [InlineData(OpportunityStatus.Expired)]
    public void Submit_ByThePartner_SendsToReview(OpportunityStatus from)
    {
        var opportunity = Opportunity(from);

        Assert.Null(opportunity.Submit());
        Assert.Equal(OpportunityStatus.InReview, opportunity.Status);
    }

    [Fact]
    public void Submit_AnImportedOpportunity_IsRefused()
    {
        var opportunity = Opportunity(OpportunityStatus.Published, OpportunitySource.FranceTravail);

        AssertRefusedAndUnchanged(opportunity, opportunity.Submit(), OpportunityStatus.Published);
        AssertRefusedAndUnchanged(opportunity, opportunity.KeepAsDraft(), OpportunityStatus.Published);
    }

    [Fact]
    public void KeepAsDraft_APublishedOpportunity_TakesItOffline()
    {
        var opportunity = Opportunity(OpportunityStatus.Published);

        Assert.Null(opportunity.KeepAsDraft());
        Assert.Equal(OpportunityStatus.Draft, opportunity.Status);
    }

    [Fact]
    public void Approve_InReview_Publishes_KeepsTheFirstPublicationDate_AndClearsTheNote()
    {
        var opportunity = Opportunity(OpportunityStatus.InReview);
        opportunity.PublishedAt = Now.AddDays(-10);
        opportunity.ModerationNote = "Précisez le salaire.";

        Assert.Null(opportunity.Approve(Now));
        Assert.Equal((OpportunityStatus.Published, Now.AddDays(-10), (string?)null), (opportunity.Status, opportunity.PublishedAt, opportunity.ModerationNote));
    }

    [Theory]
    [InlineData(OpportunityStatus.Draft)]
    [InlineData(OpportunityStatus.Published)]
    [InlineData(OpportunityStatus.Rejected)]
    [InlineData(OpportunityStatus.Withdrawn)]
    public void Approve_OrReject_NotInReview_IsRefused(OpportunityStatus from)
    {
        var opportunity = Opportunity(from);

        AssertRefusedAndUnchanged(opportunity, opportunity.Approve(Now), from);
        AssertRefusedAndUnchanged(opportunity, opportunity.Reject("Motif"), from);
    }

    [Fact]
    public void Reject_InReview_KeepsTheTrimmedReason()
    {
        var opportunity = Opportunity(OpportunityStatus.InReview);

        Assert.Null(opportunity.Reject("  Précisez le salaire.  "));
        Assert.Equal((OpportunityStatus.Rejected, "Précisez le salaire."), (opportunity.Status, opportunity.ModerationNote));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void Reject_WithoutAReason_IsRefused(string? note)
    {
        var opportunity = Opportunity(OpportunityStatus.InReview);

        AssertRefusedAndUnchanged(opportunity, opportunity.Reject(note), OpportunityStatus.InReview);
    }

    [Theory]
    [InlineData(OpportunityStatus.Draft)]
    [InlineData(OpportunityStatus.InReview)]
    [InlineData(OpportunityStatus.Published)]
    [InlineData(OpportunityStatus.Rejected)]
    public void Withdraw_AnOpportunityStillAlive_TakesItDown(OpportunityStatus from)
    {
        var opportunity = Opportunity(from);

        Assert.Null(opportunity.Withdraw());
        Assert.Equal(OpportunityStatus.Withdrawn, opportunity.Status);
    }

    [Theory]
    [InlineData(OpportunityStatus.Withdrawn)]
    [InlineData(OpportunityStatus.Expired)]
    public void Withdraw_AnOpportunityAlreadyOffline_IsRefused(OpportunityStatus from)
    {
        var opportunity = Opportunity(from);

        AssertRefusedAndUnchanged(opportunity, opportunity.Withdraw(), from);
    }

    [Fact]
    public void Expire_APublishedOpportunityPastItsDate_Expires()
    {
        var opportunity = Opportunity(OpportunityStatus.Published, expiresOn: Today.AddDays(-1));

        Assert.Null(opportunity.Expire(Today));
        Assert.Equal(OpportunityStatus.Expired, opportunity.Status);
    }

    [Theory]
    [InlineData(OpportunityStatus.Published, 0)]
    [InlineData(OpportunityStatus.Published, 5)]
    [InlineData(OpportunityStatus.InReview, -1)]
    [InlineData(OpportunityStatus.Withdrawn, -1)]
    public void Expire_BeforeItsDate_OrNotPublished_IsRefused(OpportunityStatus from, int daysToExpiry)
    {
        var opportunity = Opportunity(from, expiresOn: Today.AddDays(daysToExpiry));

        AssertRefusedAndUnchanged(opportunity, opportunity.Expire(Today), from);
    }

    [Fact]
    public void Renew_APublishedOpportunityCloseToExpiry_AddsDays_AndRearmsTheReminder()
    {
        var opportunity = Opportunity(OpportunityStatus.Published, expiresOn: Today.AddDays(3));
        opportunity.ExpiryReminderSentAt = Now;

        Assert.Null(opportunity.Renew(Today));
        Assert.Equal((Today.AddDays(3 + ManualOpportunity.RenewalDays), (DateTimeOffset?)null), (opportunity.ExpiresOn, opportunity.ExpiryReminderSentAt));
    }

    [Theory]
    [InlineData(OpportunityStatus.Published, 30)]
    [InlineData(OpportunityStatus.Draft, 3)]
    [InlineData(OpportunityStatus.Expired, -2)]
    public void Renew_TooEarly_OrNotPublished_IsRefused(OpportunityStatus from, int daysToExpiry)
    {
        var opportunity = Opportunity(from, expiresOn: Today.AddDays(daysToExpiry));

        AssertRefusedAndUnchanged(opportunity, opportunity.Renew(Today), from);
        Assert.Equal(Today.AddDays(daysToExpiry), opportunity.ExpiresOn);
    }

    [Fact]
    public void PublishFromSource_AnImportedOpportunity_PublishesIt_ButNeverATypedOne()
    {
        var imported = Opportunity(OpportunityStatus.Withdrawn, OpportunitySource.JobPosting);
        var typed = Opportunity(OpportunityStatus.InReview);

        Assert.Null(imported.PublishFromSource(Now));
        Assert.Equal((OpportunityStatus.Published, (DateTimeOffset?)Now), (imported.Status, imported.PublishedAt));
        AssertRefusedAndUnchanged(typed, typed.PublishFromSource(Now), OpportunityStatus.InReview);
    }

    [Fact]
    public void Fill_WritesTheContent_AndAChangedExpiryRearmsTheReminder()
    {
        var opportunity = Opportunity(OpportunityStatus.Published);
        opportunity.ExpiryReminderSentAt = Now;

        opportunity.Fill(new OpportunityFields { Kind = OpportunityKind.Job, Title = "Développeuse à Cahors", RomeCode = "M1805", ExpiresOn = Today.AddDays(60) }, ("M18", "M"));

        Assert.Equal(("developpeuse-a-cahors", "M18", "M", (DateTimeOffset?)null), (opportunity.Slug, opportunity.RomeDomainCode, opportunity.RomeGrandDomainCode, opportunity.ExpiryReminderSentAt));
    }
}
