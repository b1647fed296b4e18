using System.Net;
using Escale.Tests.Infrastructure;

namespace Escale.Tests.Integration.Pages.Profils;

[Collection(IntegrationCollection.Name)]
public sealed class PersonaTests(AppFixture apps)
{
    [Theory, EveryDatabase]
    public async Task Get_KnownSlug_ShowsEntrySummaryNeedsAndWaysOnward(DatabaseProvider provider)
    {
        var client = await apps.ClientAsync(provider);

        var (response, page) = await client.GetPageAsync("/profils/changer-de-vie");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Je change de vie", page.Text("h1"));
        Assert.Contains("meilleur équilibre", page.Text(".lead"), StringComparison.Ordinal);
        Assert.NotEmpty(page.QuerySelectorAll(".needs li"));
        var links = page.QuerySelectorAll(".next-steps a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/offres", "/vivre-ici", "/territoire", "/intercommunalites", "/contact"], links);
    }

    [Theory, EveryDatabase]
    public async Task Get_EveryPersona_PromisesNoPageThatDoesNotExistYet(DatabaseProvider provider)
    {
        var client = await apps.ClientAsync(provider);

        foreach (var slug in new[] { "changer-de-vie", "profils-recherches", "jeunes", "vacances-pour-la-vie" })
        {
            var (response, page) = await client.GetPageAsync("/profils/" + slug);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var text = page.Text("main");
            Assert.DoesNotContain("appels à projets", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("étape par étape", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("le chemin", text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Get_UnknownSlug_ShowsNotFoundPage()
    {
        var client = await apps.ClientAsync(DatabaseProvider.Sqlite);

        var (response, page) = await client.GetPageAsync("/profils/inconnu");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page introuvable", page.Text("h1"));
    }

    [Fact]
    public async Task Get_InEnglish_ShowsTheEnglishTexts()
    {
        var client = await (await apps.ClientAsync(DatabaseProvider.Sqlite)).InEnglishAsync();

        var (_, page) = await client.GetPageAsync("/profils/changer-de-vie");

        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("I am changing my life", page.Text("h1"));
        Assert.Equal("Going further", page.Text("#suite"));
    }
}
