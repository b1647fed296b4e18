using System.Net;
using Escale.Tests.Infrastructure;

namespace Escale.Tests.Integration.Pages.DonneesOuvertes;

[Collection(IntegrationCollection.Name)]
public sealed class IndexTests(AppFixture apps)
{
    [Theory, EveryDatabase]
    public async Task Get_ListsEveryExportWithItsLicenceFieldsAndFrequency_AndEachLinkAnswers(DatabaseProvider provider)
    {
        var client = await apps.ClientAsync(provider);

        var (response, page) = await client.GetPageAsync("/donnees-ouvertes");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Données ouvertes", page.Text("h1"));
        var exports = page.QuerySelectorAll(".export").ToList();
        var links = exports.Select(e => e.QuerySelector("h2 a")!.GetAttribute("href")!).ToList();
        Assert.Contains("/offres/export.csv", links);
        Assert.Contains("/offres/export.json", links);
        Assert.Contains("/api/v1/offres", links);
        Assert.Contains("/recits/flux.atom", links);
        Assert.All(exports, e =>
        {
            var terms = e.QuerySelectorAll("dt").Select(dt => dt.TextContent.Trim()).ToList();
            Assert.Equal(["Adresse", "Format", "Contenu", "Licence", "Mise à jour", "Champs"], terms);
            Assert.NotEmpty(e.QuerySelectorAll(".fields li"));
        });
        Assert.Contains("intitule", exports[0].QuerySelectorAll(".fields li").Select(li => li.TextContent.Trim()));
        Assert.Contains("Licence Ouverte 2.0", exports[0].TextContent, StringComparison.Ordinal);
        foreach (var link in links)
        {
            var answer = await client.GetAsync(new Uri(link, UriKind.Relative));
            Assert.True(answer.StatusCode == HttpStatusCode.OK, $"{link} answered {(int)answer.StatusCode}");
        }
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/offres")]
    public async Task Get_FooterAndOffersPage_LinkToTheOpenDataPage(string path)
    {
        var client = await apps.ClientAsync(DatabaseProvider.Sqlite);

        var (_, page) = await client.GetPageAsync(path);

        Assert.Contains(page.QuerySelectorAll(".site-footer a"), a => a.GetAttribute("href") == "/donnees-ouvertes");
        if (path == "/offres")
        {
            Assert.Contains(page.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "/donnees-ouvertes");
        }
    }

    [Fact]
    public async Task Get_InEnglish_ShowsTheEnglishTexts()
    {
        var client = await (await apps.ClientAsync(DatabaseProvider.Sqlite)).InEnglishAsync();

        var (_, page) = await client.GetPageAsync("/donnees-ouvertes");

        Assert.Equal("Open data", page.Text("h1"));
        Assert.Equal("Offers, as CSV", page.Text("#export-offres-export-csv"));
    }
}
