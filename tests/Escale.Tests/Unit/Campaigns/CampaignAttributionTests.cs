using Escale.Core.Campaigns;

namespace Escale.Tests.Unit.Campaigns;

public sealed class CampaignAttributionTests
{
    [Fact]
    public void AfterVisit_WithoutEarlierCampaign_SetsBothToTheVisit()
    {
        Assert.Equal(("salon-2026_k7pq3xm", "salon-2026_k7pq3xm"), CampaignAttribution.AfterVisit(null, "salon-2026_k7pq3xm"));
    }

    [Fact]
    public void AfterVisit_WithEarlierCampaign_KeepsFirstTouchAndOverwritesLastTouch()
    {
        Assert.Equal(("affiches-hiver", "salon-2026"), CampaignAttribution.AfterVisit("affiches-hiver", "salon-2026"));
    }

    [Fact]
    public void AfterVisit_WithAlteredFirstTouchCookie_ReplacesIt()
    {
        Assert.Equal(("salon-2026", "salon-2026"), CampaignAttribution.AfterVisit("<script>", "salon-2026"));
    }

    [Theory]
    [InlineData("salon-2026", "salon-2026", null)]
    [InlineData("salon-2026_k7pq3xm", "salon-2026", "k7pq3xm")]
    public void Parse_OurValues_GivesSlugAndLink(string value, string slug, string? code)
    {
        Assert.Equal(new CampaignAttribution.Touch(slug, code), CampaignAttribution.Parse(value));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Salon-2026")]
    [InlineData("salon-2026_0000000")]
    [InlineData("salon--2026")]
    [InlineData("salon 2026")]
    public void Parse_ForeignValues_IsNull(string? value)
    {
        Assert.Null(CampaignAttribution.Parse(value));
    }

    [Theory]
    [InlineData("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", true)]
    [InlineData("facebookexternalhit/1.1", true)]
    [InlineData("curl/8.5.0", true)]
    [InlineData("", true)]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36", false)]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148", false)]
    public void IsBot_TellsCrawlersFromBrowsers(string userAgent, bool bot)
    {
        Assert.Equal(bot, CampaignAttribution.IsBot(userAgent));
    }

    [Theory]
    [InlineData("/decouvrir/salon-2026", true)]
    [InlineData("/offres?kind=job", true)]
    [InlineData("//evil.example/", false)]
    [InlineData("https://evil.example/", false)]
    [InlineData("/\\evil.example", false)]
    [InlineData("javascript:alert(1)", false)]
    public void InternalPathRefusal_AcceptsOnlyPathsOnThisSite(string path, bool accepted)
    {
        Assert.Equal(accepted, CampaignRules.InternalPathRefusal(path) is null);
    }
}
