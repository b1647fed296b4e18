using System.Globalization;
using Escale.Core.Opportunities;
using Escale.Web.Pages.Offres;
using Microsoft.Extensions.Localization;
using Escale.Web.Infrastructure.Security;

namespace Escale.Tests.Unit.Offres;

public sealed class OpportunityFormatsTests
{
    /// <summary>Answers the French key itself, as the French UI does.</summary>
    private sealed class French : IStringLocalizer
    {
        public LocalizedString this[string name] => new(name, name);
        public LocalizedString this[string name, params object[] arguments] => new(name, string.Format(CultureInfo.CurrentCulture, name, arguments));
        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }

    /// <summary>French formatting for one test, then the thread's culture back as it was.</summary>
    private sealed class InFrench : IDisposable
    {
        private readonly CultureInfo _previous = CultureInfo.CurrentCulture;

        public InFrench() => CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("fr-FR");

        public void Dispose() => CultureInfo.CurrentCulture = _previous;
    }

    private static string Spaces(string? text) => (text ?? "").Replace('\u202f', ' ').Replace('\u00a0', ' ');

    [Theory]
    [InlineData(30000, 36000, "30 000 – 36 000 € brut/an")]
    [InlineData(30000, 30000, "30 000 € brut/an")]
    [InlineData(30000, null, "À partir de 30 000 € brut/an")]
    [InlineData(null, 36000, "Jusqu’à 36 000 € brut/an")]
    public void Salary_IsWrittenInFrench(int? min, int? max, string expected)
    {
        using var french = new InFrench();

        Assert.Equal(expected, Spaces(OpportunityFormats.Salary(min, max, new French())));
    }

    [Fact]
    public void Salary_NoneGiven_IsNull() => Assert.Null(OpportunityFormats.Salary(null, null, new French()));

    [Fact]
    public void Date_IsTheDayInParis()
    {
        using var french = new InFrench();

        // 23:30 UTC on 31 March is already 1 April in Paris (summer time, UTC+2).
        Assert.Equal("1 avril 2026", OpportunityFormats.Date(new DateTimeOffset(2026, 3, 31, 23, 30, 0, TimeSpan.Zero)));
    }

    [Theory]
    [InlineData(ContractType.Cdi, WorkingTime.FullTime, "FULL_TIME")]
    [InlineData(ContractType.Cdi, null, "FULL_TIME")]
    [InlineData(ContractType.Cdd, WorkingTime.PartTime, "PART_TIME TEMPORARY")]
    [InlineData(ContractType.Seasonal, WorkingTime.FullTime, "FULL_TIME TEMPORARY")]
    [InlineData(ContractType.Liberal, null, "CONTRACTOR")]
    public void EmploymentTypes_MapContractAndWorkingTime(ContractType contract, WorkingTime? time, string expected) =>
        Assert.Equal(expected, string.Join(' ', JobPostingJsonLd.EmploymentTypes(contract, time)));

    [Fact]
    public void JsonLd_EscapesTheEndOfTheScriptElement()
    {
        var json = JobPostingJsonLd.Serialize(new JobPostingJsonLd.Input(1, "https://escale.test/offres/1/x", "Titre </script><b>", "Texte", DateTimeOffset.UnixEpoch, null,
            "Employeur", null, null, "46000", "Cahors", "Lot", null, null, null, null, RemoteWork.None, DirectApply: true));

        Assert.DoesNotContain("</", json, StringComparison.Ordinal);
        Assert.Equal("Titre </script><b>", System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public void ContactRequestToken_AcceptsOnlyItsOwnShape()
    {
        Assert.True(LinkTokens.IsWellFormed(new string('a', 43)));
        Assert.False(LinkTokens.IsWellFormed(new string('a', 42)));
        Assert.False(LinkTokens.IsWellFormed(new string('a', 42) + "/"));
        Assert.Equal(64, LinkTokens.Hash("x").Length);
    }
}
