using System.Net;
using Escale.Tests.Infrastructure;

namespace Escale.Tests.Integration.Pages.KitsAccueil;

[Collection(IntegrationCollection.Name)]
public sealed class KitTests(AppFixture apps)
{
    private const string GrandFigeacKit = "/kits-accueil/changer-de-vie/cc-grand-figeac";

    [Theory, EveryDatabase]
    public async Task Index_ListsAKitForEachPersonaAndIntercommunality(DatabaseProvider provider)
    {
        var client = await apps.ClientAsync(provider);

        var (response, page) = await client.GetPageAsync("/kits-accueil");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var links = page.QuerySelectorAll(".kit-index a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains(GrandFigeacKit, links);
        Assert.Contains("/kits-accueil/changer-de-vie/ca-du-grand-cahors", links);
        Assert.Equal(links.Count, links.Distinct().Count());
    }

    [Theory, EveryDatabase]
    public async Task Kit_ListsTheRealSchoolsFranceServicesStationsAndHospitalsOfTheIntercommunality(DatabaseProvider provider)
    {
        var client = await apps.ClientAsync(provider);

        var (response, page) = await client.GetPageAsync(GrandFigeacKit);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Kit d’accueil « Secondes vies » — CC Grand-Figeac", page.Text("h1"));
        var contacts = page.Text("#kit-contacts");
        Assert.Contains("Accueil des nouveaux habitants — CC Grand-Figeac", contacts, StringComparison.Ordinal);
        Assert.Contains("France services Cajarc", contacts, StringComparison.Ordinal);
        Assert.Contains("cajarc@franceservices.gouv.fr", contacts, StringComparison.Ordinal);
        Assert.DoesNotContain("Cahors", contacts, StringComparison.Ordinal);
        var schools = page.QuerySelectorAll("#kit-ecoles h3").Select(h => h.TextContent).ToList();
        Assert.Equal(["École maternelle (3 à 6 ans)", "École élémentaire (6 à 11 ans)", "Collège (11 à 15 ans)", "Lycée (15 à 18 ans)"], schools);
        Assert.Contains("Collège Marcel Masbou", page.Text("#kit-ecoles"), StringComparison.Ordinal);
        Assert.Contains("Ecole élémentaire publique Jacques Chapou", page.Text("#kit-ecoles"), StringComparison.Ordinal);
        Assert.Contains("CH FIGEAC SITE MARTIN MALVY", page.Text("#kit-sante"), StringComparison.Ordinal);
        Assert.Equal(["Assier", "Bagnac-sur-Célé", "Figeac"], page.QuerySelectorAll("#kit-transports li strong").Select(s => s.TextContent));
        Assert.Equal(GrandFigeacKit + "/pdf", page.QuerySelector("a.button")!.GetAttribute("href"));
    }

    [Theory, EveryDatabase]
    public async Task Kit_UnknownPersonaOrIntercommunality_IsNotFound(DatabaseProvider provider)
    {
        var client = await apps.ClientAsync(provider);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/kits-accueil/inconnu/cc-grand-figeac")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/kits-accueil/changer-de-vie/inconnue/pdf")).StatusCode);
    }

    [Theory, EveryDatabase]
    public async Task Pdf_IsATaggedDocumentWithItsTitleAndLanguage_NamingTheSameServices(DatabaseProvider provider)
    {
        var client = await apps.ClientAsync(provider);

        var response = await client.GetAsync(GrandFigeacKit + "/pdf");
        var pdf = KitPdf.Read(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("Kit d’accueil « Secondes vies » — CC Grand-Figeac", pdf.Title);
        Assert.Equal("fr-FR", pdf.Language);
        Assert.True(pdf.Tagged);
        Assert.True(pdf.Marked);
        Assert.True(pdf.DisplaysTitle);
        Assert.Contains("France services Cajarc", pdf.Text, StringComparison.Ordinal);
        Assert.Contains("Collège Marcel Masbou", pdf.Text, StringComparison.Ordinal);
        Assert.Contains("CH FIGEAC SITE MARTIN MALVY", pdf.Text, StringComparison.Ordinal);
    }

    [Theory, EveryDatabase]
    public async Task Pdf_ForAnEnglishVisitor_IsInEnglish(DatabaseProvider provider)
    {
        var client = await (await apps.ClientAsync(provider)).InEnglishAsync();

        var pdf = KitPdf.Read(await client.GetByteArrayAsync(GrandFigeacKit + "/pdf"));

        Assert.Equal("en", pdf.Language);
        Assert.Contains("Key contacts", pdf.Text, StringComparison.Ordinal);
    }
}
