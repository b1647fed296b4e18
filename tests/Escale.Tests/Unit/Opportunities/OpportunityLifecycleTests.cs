using Escale.Core.Opportunities;

namespace Escale.Tests.Unit.Opportunities;

/// <summary>An offer's transitions: each one moves it, or refuses in French and changes nothing.</summary>
public sealed class OpportunityLifecycleTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);

    private static Opportunity Offer(OpportunityStatus status, OpportunitySource source = OpportunitySource.Manual, DateOnly? expiresOn = null) => new()
    {
        Title = "Boulanger", Slug = "boulanger", DedupKey = "", Status = status, Source = source, ExpiresOn = expiresOn ?? Today.AddDays(30),
    };

    private static void AssertRefusedAndUnchanged(Opportunity offer, string? refusal, OpportunityStatus status)
    {
        Assert.False(string.IsNullOrWhiteSpace(refusal));
        Assert.Equal(status, offer.Status);
    }

    [Theory]
    [InlineData(OpportunityStatus.Draft)]
    [InlineData(OpportunityStatus.Rejected)]
    [InlineData(OpportunityStatus.Published)]
    [InlineData(OpportunityStatus.Expired)]
    public void Submit_ByThePartner_SendsToReview(OpportunityStatus from)
    {
        var offer = Offer(from);

        Assert.Null(offer.Submit());
        Assert.Equal(OpportunityStatus.InReview, offer.Status);
    }

    [Fact]
    public void Submit_AnImportedOffer_IsRefused()
    {
        var offer = Offer(OpportunityStatus.Published, OpportunitySource.FranceTravail);

        AssertRefusedAndUnchanged(offer, offer.Submit(), OpportunityStatus.Published);
        AssertRefusedAndUnchanged(offer, offer.KeepAsDraft(), OpportunityStatus.Published);
    }

    [Fact]
    public void KeepAsDraft_APublishedOffer_TakesItOffline()
    {
        var offer = Offer(OpportunityStatus.Published);

        Assert.Null(offer.KeepAsDraft());
        Assert.Equal(OpportunityStatus.Draft, offer.Status);
    }

    [Fact]
    public void Approve_InReview_Publishes_KeepsTheFirstPublicationDate_AndClearsTheNote()
    {
        var offer = Offer(OpportunityStatus.InReview);
        offer.PublishedAt = Now.AddDays(-10);
        offer.ModerationNote = "Précisez le salaire.";

        Assert.Null(offer.Approve(Now));
        Assert.Equal((OpportunityStatus.Published, Now.AddDays(-10), (string?)null), (offer.Status, offer.PublishedAt, offer.ModerationNote));
    }

    [Theory]
    [InlineData(OpportunityStatus.Draft)]
    [InlineData(OpportunityStatus.Published)]
    [InlineData(OpportunityStatus.Rejected)]
    [InlineData(OpportunityStatus.Withdrawn)]
    public void Approve_OrReject_NotInReview_IsRefused(OpportunityStatus from)
    {
        var offer = Offer(from);

        AssertRefusedAndUnchanged(offer, offer.Approve(Now), from);
        AssertRefusedAndUnchanged(offer, offer.Reject("Motif"), from);
    }

    [Fact]
    public void Reject_InReview_KeepsTheTrimmedReason()
    {
        var offer = Offer(OpportunityStatus.InReview);

        Assert.Null(offer.Reject("  Précisez le salaire.  "));
        Assert.Equal((OpportunityStatus.Rejected, "Précisez le salaire."), (offer.Status, offer.ModerationNote));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void Reject_WithoutAReason_IsRefused(string? note)
    {
        var offer = Offer(OpportunityStatus.InReview);

        AssertRefusedAndUnchanged(offer, offer.Reject(note), OpportunityStatus.InReview);
    }

    [Theory]
    [InlineData(OpportunityStatus.Draft)]
    [InlineData(OpportunityStatus.InReview)]
    [InlineData(OpportunityStatus.Published)]
    [InlineData(OpportunityStatus.Rejected)]
    public void Withdraw_AnOfferStillAlive_TakesItDown(OpportunityStatus from)
    {
        var offer = Offer(from);

        Assert.Null(offer.Withdraw());
        Assert.Equal(OpportunityStatus.Withdrawn, offer.Status);
    }

    [Theory]
    [InlineData(OpportunityStatus.Withdrawn)]
    [InlineData(OpportunityStatus.Expired)]
    public void Withdraw_AnOfferAlreadyOffline_IsRefused(OpportunityStatus from)
    {
        var offer = Offer(from);

        AssertRefusedAndUnchanged(offer, offer.Withdraw(), from);
    }

    [Fact]
    public void Expire_APublishedOfferPastItsDate_Expires()
    {
        var offer = Offer(OpportunityStatus.Published, expiresOn: Today.AddDays(-1));

        Assert.Null(offer.Expire(Today));
        Assert.Equal(OpportunityStatus.Expired, offer.Status);
    }

    [Theory]
    [InlineData(OpportunityStatus.Published, 0)]
    [InlineData(OpportunityStatus.Published, 5)]
    [InlineData(OpportunityStatus.InReview, -1)]
    [InlineData(OpportunityStatus.Withdrawn, -1)]
    public void Expire_BeforeItsDate_OrNotPublished_IsRefused(OpportunityStatus from, int daysToExpiry)
    {
        var offer = Offer(from, expiresOn: Today.AddDays(daysToExpiry));

        AssertRefusedAndUnchanged(offer, offer.Expire(Today), from);
    }

    [Fact]
    public void Renew_APublishedOfferCloseToExpiry_AddsDays_AndRearmsTheReminder()
    {
        var offer = Offer(OpportunityStatus.Published, expiresOn: Today.AddDays(3));
        offer.ExpiryReminderSentAt = Now;

        Assert.Null(offer.Renew(Today));
        Assert.Equal((Today.AddDays(3 + ManualOffer.RenewalDays), (DateTimeOffset?)null), (offer.ExpiresOn, offer.ExpiryReminderSentAt));
    }

    [Theory]
    [InlineData(OpportunityStatus.Published, 30)]
    [InlineData(OpportunityStatus.Draft, 3)]
    [InlineData(OpportunityStatus.Expired, -2)]
    public void Renew_TooEarly_OrNotPublished_IsRefused(OpportunityStatus from, int daysToExpiry)
    {
        var offer = Offer(from, expiresOn: Today.AddDays(daysToExpiry));

        AssertRefusedAndUnchanged(offer, offer.Renew(Today), from);
        Assert.Equal(Today.AddDays(daysToExpiry), offer.ExpiresOn);
    }

    [Fact]
    public void PublishFromSource_AnImportedOffer_PublishesIt_ButNeverATypedOne()
    {
        var imported = Offer(OpportunityStatus.Withdrawn, OpportunitySource.JobPosting);
        var typed = Offer(OpportunityStatus.InReview);

        Assert.Null(imported.PublishFromSource(Now));
        Assert.Equal((OpportunityStatus.Published, (DateTimeOffset?)Now), (imported.Status, imported.PublishedAt));
        AssertRefusedAndUnchanged(typed, typed.PublishFromSource(Now), OpportunityStatus.InReview);
    }

    [Fact]
    public void Fill_WritesTheContent_AndAChangedExpiryRearmsTheReminder()
    {
        var offer = Offer(OpportunityStatus.Published);
        offer.ExpiryReminderSentAt = Now;

        offer.Fill(new OpportunityFields { Kind = OpportunityKind.Job, Title = "Développeuse à Cahors", RomeCode = "M1805", ExpiresOn = Today.AddDays(60) }, ("M18", "M"));

        Assert.Equal(("developpeuse-a-cahors", "M18", "M", (DateTimeOffset?)null), (offer.Slug, offer.RomeDomainCode, offer.RomeGrandDomainCode, offer.ExpiryReminderSentAt));
    }
}
