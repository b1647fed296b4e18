using Escale.Core.Content;
using Escale.Web.Infrastructure.Links;

namespace Escale.Tests.Unit.Links;

public sealed class SiteLinksTests
{
    private static readonly SiteLinks Links = new(new SiteSettings("https://escale.example/"));

    [Fact]
    public void Absolute_StartsWithTheBaseUrl_WithoutADoubleSlash() =>
        Assert.Equal("https://escale.example/offres?type=reprise", Links.Absolute("/offres?type=reprise"));

    [Fact]
    public void Absolute_RefusesAPathThatWouldJoinTheHostName() =>
        Assert.Throws<ArgumentException>(() => Links.Absolute("evil.example/x"));

    [Fact]
    public void BaseUrlWithAPath_KeepsIt() =>
        Assert.Equal("https://example.org/escale/sitemap.xml", new SiteLinks(new SiteSettings("https://example.org/escale")).Absolute("/sitemap.xml"));

    [Fact]
    public void EveryKindOfPage_HasItsPublicAddress()
    {
        Assert.Equal("https://escale.example/offres/42/boulangere-a-cahors", Links.Opportunity(42, "boulangere-a-cahors"));
        Assert.Equal("/offres/42/boulangere-a-cahors", SiteLinks.OpportunityPath(42, "boulangere-a-cahors"));
        Assert.Equal("https://escale.example/evenements/fete-du-vin", Links.Content(ContentType.Event, "fete-du-vin"));
        Assert.Equal("/vivre-ici/ecoles", SiteLinks.ContentPath(ContentType.QualityOfLife, "ecoles"));
        Assert.Equal("/recits/une-boulangere", SiteLinks.ContentPath(ContentType.Portrait, "une-boulangere"));
        Assert.Equal("/recits/la-fonderie", SiteLinks.ContentPath(ContentType.CompanyStory, "la-fonderie"));
        Assert.Equal("/recits/un-nouveau-marche", SiteLinks.ContentPath(ContentType.News, "un-nouveau-marche"));
        Assert.Equal("https://escale.example/communes/46042/cahors", Links.Commune("46042", "cahors"));
        Assert.Equal("https://escale.example/intercommunalites/grand-cahors", Links.Intercommunality("grand-cahors"));
        Assert.Equal("https://escale.example/espace-partenaire/offres/7", Links.PartnerOpportunity(7));
    }

    [Fact]
    public void AccountLinks_CarryTheirParametersEscaped()
    {
        Assert.Equal("https://escale.example/compte/confirmer?userId=a%2Bb&code=c%2Fd", Links.AccountConfirmation("a+b", "c/d"));
        Assert.Equal("https://escale.example/compte/reinitialiser-mot-de-passe?userId=u1&code=xyz", Links.PasswordReset("u1", "xyz"));
    }

    [Theory]
    [InlineData(null, "escale.example", false, false)]
    [InlineData("", "escale.example", false, false)]
    [InlineData("escale.example", "escale.example", false, false)]
    [InlineData("ftp://escale.example", "escale.example", false, false)]
    [InlineData("https://escale.example?x=1", "escale.example", false, false)]
    [InlineData("https://escale.example", "*", false, false)]
    [InlineData("https://escale.example", "", false, false)]
    [InlineData("https://escale.example", null, false, false)]
    [InlineData("https://escale.example", "escale.example", false, true)]
    [InlineData("http://localhost:8080", "localhost;127.0.0.1", false, true)]
    [InlineData(null, "*", true, true)]
    [InlineData("escale.example", "*", true, false)]
    public void Settings_AreRefusedOnlyWhereALinkCouldFollowTheHostHeader(string? baseUrl, string? allowedHosts, bool development, bool accepted) =>
        Assert.Equal(accepted, SiteSettings.Problems(baseUrl, allowedHosts, development).Count == 0);
}
