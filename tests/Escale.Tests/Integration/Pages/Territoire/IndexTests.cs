using System.Net;
using Escale.Tests.Infrastructure;

namespace Escale.Tests.Integration.Pages.Territoire;

[Collection(IntegrationCollection.Name)]
public sealed class IndexTests(AppFixture apps)
{
    [Theory, EveryDatabase]
    public async Task Get_ShowsKeyFiguresComputedFromTheData(DatabaseProvider provider)
    {
        var client = await apps.ClientAsync(provider);

        var (response, page) = await client.GetPageAsync("/territoire");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("176473", Html.Digits(page.Text("#chiffre-population .figure-value")));
        Assert.Contains("population municipale 2023, en vigueur au 1er janvier 2026", page.Text("#chiffre-population"), StringComparison.Ordinal);
        Assert.Equal("312", page.Text("#chiffre-communes .figure-value"));
        Assert.Equal("10", page.Text("#chiffre-intercommunalites .figure-value"));
        Assert.Equal("112", page.Text("#chiffre-communes-en-baisse .figure-value"));
        Assert.Contains("entre 2019 et 2023", page.Text("#chiffre-communes-en-baisse"), StringComparison.Ordinal);
        Assert.Equal("39,2 %", page.Text("#chiffre-60-ans .figure-value"));
        Assert.Contains("27,1 % (France métropolitaine)", page.Text("#chiffre-60-ans"), StringComparison.Ordinal);
        Assert.Equal("14,6 %", page.Text("#chiffre-75-ans .figure-value"));
        Assert.Equal("215", page.Text("#chiffre-vieillissement .figure-value"));
    }

    [Theory, EveryDatabase]
    public async Task Get_ShowsAnAccessibleChartWithItsDataTable(DatabaseProvider provider)
    {
        var client = await apps.ClientAsync(provider);

        var (_, page) = await client.GetPageAsync("/territoire");

        var svg = page.QuerySelector("figure.chart svg[role=img]");
        Assert.NotNull(svg);
        Assert.Equal("graphique-titre graphique-description", svg.GetAttribute("aria-labelledby"));
        Assert.Equal("Population totale et part des 60 ans et plus, 1975–2021", page.Text("#graphique-titre"));
        Assert.Contains("de 26,2 % à 39,2 %", page.Text("#graphique-description"), StringComparison.Ordinal);
        Assert.StartsWith("M", page.QuerySelector("path.line-total")!.GetAttribute("d"), StringComparison.Ordinal);
        Assert.StartsWith("M", page.QuerySelector("path.line-share")!.GetAttribute("d"), StringComparison.Ordinal);
        var rows = page.QuerySelectorAll("details.chart-data tbody tr");
        Assert.Equal(47, rows.Length);
        Assert.Equal("1975", rows[0].QuerySelector("th[scope=row]")!.TextContent);
        Assert.Equal("150925", Html.Digits(rows[0].QuerySelectorAll("td")[0].TextContent));
        Assert.Equal("2021", rows[^1].QuerySelector("th")!.TextContent);
    }

    [Fact]
    public async Task Get_ListsLegalPopulationsByMillesime()
    {
        var client = await apps.ClientAsync(DatabaseProvider.Sqlite);

        var (_, page) = await client.GetPageAsync("/territoire");

        var millesimes = page.QuerySelectorAll("#table-populations-legales tbody th").Select(th => th.TextContent).ToList();
        Assert.Equal(["2019", "2020", "2021", "2022", "2023"], millesimes);
        Assert.Equal("Populations légales par millésime INSEE", page.Text("#table-populations-legales caption"));
    }

    [Fact]
    public async Task Get_MarksTheTerritoryNavLinkAsCurrent()
    {
        var client = await apps.ClientAsync(DatabaseProvider.Sqlite);

        var (_, page) = await client.GetPageAsync("/territoire");

        var current = page.QuerySelectorAll("nav a[aria-current=page]").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/territoire"], current);
    }

    [Fact]
    public async Task Get_InEnglish_TranslatesAndFormatsNumbersTheEnglishWay()
    {
        var client = await (await apps.ClientAsync(DatabaseProvider.Sqlite)).InEnglishAsync();

        var (_, page) = await client.GetPageAsync("/territoire");

        Assert.Equal("Lot: the territory in figures", page.Text("h1"));
        Assert.Equal("176,473", page.Text("#chiffre-population .figure-value"));
        Assert.Equal("39.2 %", page.Text("#chiffre-60-ans .figure-value"));
        Assert.Contains("communes whose population fell between 2019 and 2023", page.Text("#chiffre-communes-en-baisse"), StringComparison.Ordinal);
    }
}
