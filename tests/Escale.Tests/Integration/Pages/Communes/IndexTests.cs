using System.Net;
using Escale.Tests.Infrastructure;

namespace Escale.Tests.Integration.Pages.Communes;

[Collection(IntegrationCollection.Name)]
public sealed class IndexTests(AppFixture apps)
{
    private static List<string> Names(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("#liste-communes tbody th a").Select(a => a.TextContent).ToList();

    [Theory, EveryDatabase]
    public async Task Get_WithoutSearch_ShowsTheFirstPageOfAllCommunes(DatabaseProvider provider)
    {
        var client = await apps.ClientAsync(provider);

        var (response, page) = await client.GetPageAsync("/communes");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("312 communes.", page.Text("#nombre-resultats"));
        Assert.Equal(25, Names(page).Count);
        Assert.Equal("/communes?page=2", page.QuerySelector(".pagination a[rel=next]")!.GetAttribute("href"));
        Assert.Null(page.QuerySelector(".pagination a[rel=prev]"));
    }

    [Theory, EveryDatabase]
    public async Task Search_NameWithoutAccents_FindsTheAccentedCommune(DatabaseProvider provider)
    {
        var client = await apps.ClientAsync(provider);

        var (_, page) = await client.GetPageAsync("/communes?q=SAINT+CERE");

        Assert.Equal(["Saint-Céré"], Names(page));
        Assert.Equal("SAINT CERE", page.QuerySelector("input#q")!.GetAttribute("value"));
    }

    [Theory, EveryDatabase]
    public async Task Search_ByInseeOrPostalCode_FindsTheCommune(DatabaseProvider provider)
    {
        var client = await apps.ClientAsync(provider);

        var (_, byInsee) = await client.GetPageAsync("/communes?q=46042");
        var (_, byPostal) = await client.GetPageAsync("/communes?q=46400");

        Assert.Equal(["Cahors"], Names(byInsee));
        Assert.Contains("Saint-Céré", Names(byPostal));
    }

    [Theory, EveryDatabase]
    public async Task OneCommuneFound_IsCountedInTheSingular(DatabaseProvider provider)
    {
        var client = await apps.ClientAsync(provider);

        var (_, page) = await client.GetPageAsync("/communes?q=46042");

        Assert.Equal("1 commune correspond à cette recherche.", page.Text("#nombre-resultats"));
    }

    [Theory, EveryDatabase]
    public async Task Filter_ByIntercommunality_ShowsOnlyItsCommunes(DatabaseProvider provider)
    {
        var client = await apps.ClientAsync(provider);

        var (_, page) = await client.GetPageAsync("/communes?intercommunalite=cc-ouest-aveyron-communaute");

        Assert.Equal("2 communes correspondent à cette recherche.", page.Text("#nombre-resultats"));
        Assert.All(page.QuerySelectorAll("#liste-communes tbody tr"),
            row => Assert.Equal("CC Ouest Aveyron Communauté", row.QuerySelectorAll("td a")[0].TextContent));
        Assert.Equal("cc-ouest-aveyron-communaute", page.QuerySelector("select#intercommunalite option[selected]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Get_LastPage_LinksBackAndKeepsTheFilter()
    {
        var client = await apps.ClientAsync(DatabaseProvider.Sqlite);

        var (response, page) = await client.GetPageAsync("/communes?q=saint&page=2");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/communes?q=saint", page.QuerySelector(".pagination a[rel=prev]")!.GetAttribute("href"));
        Assert.All(Names(page), name => Assert.Contains("Saint", name, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Search_WithNoMatch_SaysSo()
    {
        var client = await apps.ClientAsync(DatabaseProvider.Sqlite);

        var (response, page) = await client.GetPageAsync("/communes?q=zzzz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Aucune commune ne correspond à cette recherche.", page.Text("#nombre-resultats"));
        Assert.Null(page.QuerySelector("#liste-communes"));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("14")]
    [InlineData("1.5")]
    public async Task Get_MalformedPage_ShowsBadRequestWithFrenchMessage(string pageNumber)
    {
        var client = await apps.ClientAsync(DatabaseProvider.Sqlite);

        var (response, page) = await client.GetPageAsync("/communes?page=" + Uri.EscapeDataString(pageNumber));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Communes", page.Text("h1"));
        Assert.StartsWith($"La page « {pageNumber} » n’existe pas : indiquez un numéro de page entre 1 et 13.", page.Text("#page-absente"), StringComparison.Ordinal);
        Assert.Equal("/communes", page.QuerySelector("#page-absente a")!.GetAttribute("href"));
        Assert.Equal(25, Names(page).Count);
    }

    [Fact]
    public async Task Filter_UnknownIntercommunality_ShowsBadRequestWithFrenchMessage()
    {
        var client = await apps.ClientAsync(DatabaseProvider.Sqlite);

        var (response, page) = await client.GetPageAsync("/communes?q=saint&intercommunalite=nulle-part");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("« nulle-part » n’existe pas", page.Text("#intercommunalite-erreur"), StringComparison.Ordinal);
        Assert.Equal("intercommunalite-erreur", page.QuerySelector("#intercommunalite")!.GetAttribute("aria-describedby"));
        Assert.Equal("saint", page.QuerySelector("input#q")!.GetAttribute("value"));
        Assert.NotEmpty(Names(page));
    }

    public static readonly TheoryData<string> OddTexts =
        [new string('a', 10_000), "🏡🌳", "\"", "'", "*", "%", "_", "%_%", "' OR 1=1 --", "'; DROP TABLE \"Communes\"; --", "NEAR(", "!vin & (truffe | noix)"];

    [Theory]
    [MemberData(nameof(OddTexts))]
    public async Task Search_OddText_GivesAnAnswerNeverAnErrorPage(string text)
    {
        var client = await apps.ClientAsync(DatabaseProvider.Sqlite);

        var (response, page) = await client.GetPageAsync("/communes?q=" + Uri.EscapeDataString(text));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(page.Text("#nombre-resultats"));
    }
}
