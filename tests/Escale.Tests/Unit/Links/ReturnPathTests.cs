using Escale.Web.Infrastructure.Links;

namespace Escale.Tests.Unit.Links;

public sealed class ReturnPathTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/offres")]
    [InlineData("/offres?type=emploi&page=2")]
    [InlineData("/communes/46042/cahors#carte")]
    [InlineData("/recherche?q=caf%C3%A9")]
    public void Or_KeepsACleanLocalPath(string path) => Assert.Equal(path, ReturnPath.Or(path));

    [Theory]
    [InlineData("//evil.example")]
    [InlineData("//evil.example/offres")]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("http:/evil.example")]
    [InlineData("javascript:alert(1)")]
    [InlineData("evil.example")]
    [InlineData("offres")]
    [InlineData(" /offres")]
    [InlineData("/x\0")]
    [InlineData("/\r\nSet-Cookie: a=b")]
    [InlineData("/x\ty")]
    [InlineData("/x y")]
    [InlineData("/\u007f")]
    [InlineData("/caf\u00e9")]
    [InlineData("/\u2028")]
    [InlineData("/\u0085")]
    public void Or_SendsAHostileOrMalformedPathHome(string path) => Assert.Equal("/", ReturnPath.Or(path));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Or_WithoutAPath_GivesTheDefault(string? path) => Assert.Equal("/compte", ReturnPath.Or(path, whenAbsent: "/compte"));

    [Fact]
    public void Or_WithAHostilePathAndADefault_StillSendsHome() => Assert.Equal("/", ReturnPath.Or("//evil.example", whenAbsent: "/compte"));
}
