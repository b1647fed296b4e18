using Escale.Core.Welcome;

namespace Escale.Tests.Unit.Welcome;

public sealed class SpouseProfileTests
{
    private static readonly DateOnly Today = new(2027, 3, 10);
    private static readonly DateTimeOffset Now = new(2027, 3, 10, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Share_UntilADate_IsSharedThroughThatDayOnly()
    {
        var profile = new SpouseProfile { RomeCode = "J1506" };

        Assert.Null(profile.Share(Today.AddDays(30), Today, Now));

        Assert.Equal(Now, profile.SharingConsentedAt);
        Assert.True(profile.IsSharedOn(Today.AddDays(30)));
        Assert.False(profile.IsSharedOn(Today.AddDays(31)));
    }

    [Fact]
    public void Share_RefusesAPastDateFarFutureOrNoOccupation()
    {
        Assert.NotNull(new SpouseProfile { RomeCode = "J1506" }.Share(Today.AddDays(-1), Today, Now));
        Assert.NotNull(new SpouseProfile { RomeCode = "J1506" }.Share(Today.AddMonths(13), Today, Now));
        var noOccupation = new SpouseProfile();
        Assert.NotNull(noOccupation.Share(Today.AddDays(10), Today, Now));
        Assert.False(noOccupation.IsSharedOn(Today));
    }

    [Fact]
    public void StopSharing_HidesTheProfileAndKeepsTheDate()
    {
        var profile = new SpouseProfile { RomeCode = "J1506" };
        profile.Share(Today.AddDays(30), Today, Now);

        Assert.Null(profile.StopSharing(Now.AddHours(1)));

        Assert.False(profile.IsSharedOn(Today));
        Assert.Equal(Now.AddHours(1), profile.SharingStoppedAt);
        Assert.NotNull(profile.StopSharing(Now.AddHours(2)));
    }

    [Fact]
    public void Introduction_IsAnsweredOnce()
    {
        var introduction = new SpouseIntroduction { Message = "Bonjour" };

        Assert.Null(introduction.Refuse(Now));
        Assert.NotNull(introduction.Accept(Now.AddMinutes(1)));

        Assert.Equal(IntroductionStatus.Refused, introduction.Status);
        Assert.Equal(Now, introduction.AnsweredAt);
    }
}
