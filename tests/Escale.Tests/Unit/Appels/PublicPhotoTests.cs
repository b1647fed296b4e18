using Escale.Web.Pages.Appels;
using static Escale.Web.Pages.Appels.PublicPhoto;

namespace Escale.Tests.Unit.Appels;

public sealed class PublicPhotoTests
{
    private static readonly DateOnly SentOn = new(2026, 11, 2);
    private static readonly DateTimeOffset Consented = new(2026, 11, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly Member Adult = new(new DateOnly(1990, 5, 4), []);

    private static Member Minor(params Guardian[] guardians) => new(new DateOnly(2012, 6, 1), guardians);

    [Fact]
    public void Allowed_AdultsWhoConsented_ShowsThePhoto()
    {
        Assert.True(PublicPhoto.Allowed(7, Consented, SentOn, [Adult, Adult]));
    }

    [Fact]
    public void Allowed_WithoutTheTeamsConsent_HidesThePhoto()
    {
        Assert.False(PublicPhoto.Allowed(7, null, SentOn, [Adult]));
    }

    [Fact]
    public void Allowed_WithoutAPhoto_IsFalse()
    {
        Assert.False(PublicPhoto.Allowed(null, Consented, SentOn, [Adult]));
    }

    [Fact]
    public void Allowed_MinorWhoseGuardianAllowedThePhoto_ShowsIt()
    {
        Assert.True(PublicPhoto.Allowed(7, Consented, SentOn, [Adult, Minor(new Guardian(true, Consented, null))]));
    }

    [Fact]
    public void Allowed_MinorWhoseGuardianConsentedButNotToThePhoto_HidesIt()
    {
        Assert.False(PublicPhoto.Allowed(7, Consented, SentOn, [Adult, Minor(new Guardian(false, Consented, null))]));
    }

    [Fact]
    public void Allowed_OneMinorOfTwoWithoutPhotoPermission_HidesIt()
    {
        Assert.False(PublicPhoto.Allowed(7, Consented, SentOn,
            [Minor(new Guardian(true, Consented, null)), Minor(new Guardian(false, Consented, null))]));
    }

    [Fact]
    public void Allowed_MinorWhoseGuardianWithdrewOrNeverConsented_HidesIt()
    {
        Assert.False(PublicPhoto.Allowed(7, Consented, SentOn, [Minor(new Guardian(true, Consented, Consented.AddDays(1)))]));
        Assert.False(PublicPhoto.Allowed(7, Consented, SentOn, [Minor(new Guardian(true, null, null))]));
        Assert.False(PublicPhoto.Allowed(7, Consented, SentOn, [Minor()]));
    }

    [Fact]
    public void Allowed_MemberWithoutDateOfBirth_CountsAsAMinor()
    {
        Assert.False(PublicPhoto.Allowed(7, Consented, SentOn, [new Member(null, [])]));
    }

    [Fact]
    public void Allowed_SeventeenOnTheDayItWasSent_IsAMinor_EighteenIsNot()
    {
        Assert.False(PublicPhoto.Allowed(7, Consented, SentOn, [new Member(new DateOnly(2008, 11, 3), [])]));
        Assert.True(PublicPhoto.Allowed(7, Consented, SentOn, [new Member(new DateOnly(2008, 11, 2), [])]));
    }
}
