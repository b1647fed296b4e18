using Escale.Tests.Infrastructure;
using Escale.Web.Infrastructure.Links;
using Microsoft.Extensions.DependencyInjection;

namespace Escale.Tests.Integration.Links;

/// <summary>Outside Development the site refuses to start on settings that would build links on the request's Host header.</summary>
public sealed class StartupSettingsTests
{
    private static async Task<string> RefusalAsync(Dictionary<string, string?> settings)
    {
        await using var app = await EscaleAppFactory.CreateAsync(DatabaseProvider.Sqlite, settings);
        var refused = Record.Exception(() => app.Services);
        Assert.NotNull(refused);
        var messages = new List<string>();
        for (var e = refused; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message);
        }
        return string.Join(" | ", messages);
    }

    [Fact]
    public async Task Production_WithoutSiteBaseUrl_RefusesToStart_NamingTheSetting()
    {
        var message = await RefusalAsync(new() { ["environment"] = "Production", ["Site:BaseUrl"] = "" });

        Assert.Contains("Escale cannot start", message, StringComparison.Ordinal);
        Assert.Contains("set Site:BaseUrl", message, StringComparison.Ordinal);
        Assert.DoesNotContain("AllowedHosts", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_WithARelativeSiteBaseUrl_RefusesToStart()
    {
        var message = await RefusalAsync(new() { ["environment"] = "Production", ["Site:BaseUrl"] = "escale.example" });

        Assert.Contains("Site:BaseUrl must be an absolute http or https address", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("*")]
    [InlineData("")]
    [InlineData("escale.example;*")]
    public async Task Production_WithAllowedHostsOpen_RefusesToStart_NamingTheSetting(string allowedHosts)
    {
        var message = await RefusalAsync(new() { ["environment"] = "Production", ["AllowedHosts"] = allowedHosts });

        Assert.Contains("Escale cannot start", message, StringComparison.Ordinal);
        Assert.Contains("set AllowedHosts", message, StringComparison.Ordinal);
        Assert.DoesNotContain("Site:BaseUrl", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_WithBothSettings_Starts_AndLinksComeFromSiteBaseUrl()
    {
        await using var app = await EscaleAppFactory.CreateAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?>
        {
            ["environment"] = "Production", ["Site:BaseUrl"] = "https://escale.example/", ["AllowedHosts"] = "escale.example;localhost",
        });

        var links = app.Services.GetRequiredService<SiteLinks>();

        Assert.Equal("https://escale.example/offres/12/boulangere", links.Opportunity(12, "boulangere"));
    }
}
