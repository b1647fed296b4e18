using Escale.Core.Content;

namespace Escale.Tests.Unit.Content;

public sealed class ContentWorkflowTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(ContentStatus.Draft, ContentAction.Submit, false)]
    [InlineData(ContentStatus.Draft, ContentAction.Publish, true)]
    [InlineData(ContentStatus.InReview, ContentAction.Publish, true)]
    [InlineData(ContentStatus.InReview, ContentAction.ReturnToDraft, true)]
    [InlineData(ContentStatus.Published, ContentAction.Archive, true)]
    [InlineData(ContentStatus.Published, ContentAction.Publish, true)]
    [InlineData(ContentStatus.Archived, ContentAction.ReturnToDraft, true)]
    public void Refusal_ForAnAllowedMove_IsNull(ContentStatus from, ContentAction action, bool isEditor)
    {
        Assert.Null(ContentWorkflow.Refusal(from, action, isEditor));
    }

    [Theory]
    [InlineData(ContentStatus.InReview, ContentAction.Publish, false)]
    [InlineData(ContentStatus.Draft, ContentAction.Publish, false)]
    [InlineData(ContentStatus.InReview, ContentAction.ReturnToDraft, false)]
    [InlineData(ContentStatus.Published, ContentAction.Archive, false)]
    [InlineData(ContentStatus.InReview, ContentAction.Submit, true)]
    [InlineData(ContentStatus.Published, ContentAction.Submit, true)]
    [InlineData(ContentStatus.Draft, ContentAction.Archive, true)]
    [InlineData(ContentStatus.Archived, ContentAction.Publish, true)]
    [InlineData(ContentStatus.Draft, ContentAction.ReturnToDraft, true)]
    public void Refusal_ForAForbiddenMove_SaysWhyInFrench(ContentStatus from, ContentAction action, bool isEditor)
    {
        var refusal = ContentWorkflow.Refusal(from, action, isEditor);

        Assert.False(string.IsNullOrWhiteSpace(refusal));
    }

    [Fact]
    public void Publish_WithAFutureTime_IsScheduled_AndNotPublicUntilThen()
    {
        var item = new ContentItem { Slug = "x" };

        ContentWorkflow.Apply(item, ContentAction.Publish, Now, Now.AddDays(1));

        Assert.Equal(ContentStatus.Published, item.Status);
        Assert.False(item.IsPublicAt(Now));
        Assert.True(item.IsPublicAt(Now.AddDays(1)));
    }

    [Fact]
    public void Publish_WithAPastTime_IsPublicNow()
    {
        var item = new ContentItem { Slug = "x" };

        ContentWorkflow.Apply(item, ContentAction.Publish, Now, Now.AddDays(-3));

        Assert.True(item.IsPublicAt(Now));
        Assert.Equal(Now, item.PublishAt);
    }

    [Fact]
    public void Archive_MakesAPublishedItemPrivate()
    {
        var item = new ContentItem { Slug = "x" };
        ContentWorkflow.Apply(item, ContentAction.Publish, Now);

        ContentWorkflow.Apply(item, ContentAction.Archive, Now.AddHours(1));

        Assert.False(item.IsPublicAt(Now.AddHours(2)));
    }
}
