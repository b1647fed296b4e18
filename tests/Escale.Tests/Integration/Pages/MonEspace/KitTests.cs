using System.Net;
using Escale.Core.Identity;
using Escale.Tests.Infrastructure;

namespace Escale.Tests.Integration.Pages.MonEspace;

[Collection(AccountsCollection.Name)]
public sealed class KitTests(MailAppFixture fixture)
{
    [Theory, EveryDatabase]
    public async Task Kit_ShowsTheHouseholdsReferentChildrensSchoolsAndMatches_BeforeTheGrandFigeacsServices(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var household = await SpaceWelcomeSteps.HouseholdAsync(app); // children of 6 and 11, moving to Figeac
        var (_, employer) = await PartnerSteps.PartnerAsync(app);
        var word = Guid.NewGuid().ToString("N")[..8];
        await SpaceWelcomeSteps.JobAsync(app, employer, $"Infirmière de bloc {word}", "J1506", SpaceWelcomeSteps.FigeacInsee);

        var (response, page) = await household.Client.GetPageAsync("/mon-espace/kit");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("page", page.QuerySelector(".space-nav a[href='/mon-espace/kit']")!.GetAttribute("aria-current"));
        var referent = page.QuerySelector("#kit-contacts li")!.TextContent;
        Assert.Contains("Personne", referent, StringComparison.Ordinal);
        Assert.Contains("Accueil du Grand-Figeac (test)", referent, StringComparison.Ordinal);
        Assert.Contains(household.Referent.Email!, referent, StringComparison.Ordinal);
        Assert.Contains("France services Cajarc", page.Text("#kit-contacts"), StringComparison.Ordinal);
        Assert.Equal(["Pour votre enfant de 6 ans (école élémentaire)", "Pour votre enfant de 11 ans (collège)"],
            page.QuerySelectorAll("#kit-ecoles-enfants h3").Select(h => h.TextContent));
        Assert.Contains("Ecole élémentaire publique Jacques Chapou", page.Text("#kit-ecoles-enfants"), StringComparison.Ordinal);
        Assert.Contains("Collège Marcel Masbou", page.Text("#kit-ecoles-enfants"), StringComparison.Ordinal);
        var match = page.Text("#kit-correspondances");
        Assert.Contains($"Infirmière de bloc {word}", match, StringComparison.Ordinal);
        Assert.Contains("même métier · à Figeac", match, StringComparison.Ordinal);
        Assert.Equal("/mon-espace/kit/pdf", page.QuerySelector("a.button")!.GetAttribute("href"));
    }

    [Theory, EveryDatabase]
    public async Task Pdf_NamesTheReferentFranceServicesAndSchools_IsTagged_AndIsNeverStored(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var household = await SpaceWelcomeSteps.HouseholdAsync(app);

        var response = await household.Client.GetAsync("/mon-espace/kit/pdf");
        var pdf = KitPdf.Read(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl!.NoStore);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(household.Referent.Email!, pdf.Text, StringComparison.Ordinal);
        Assert.Contains("Accueil du Grand-Figeac (test)", pdf.Text, StringComparison.Ordinal);
        Assert.Contains("France services Cajarc", pdf.Text, StringComparison.Ordinal);
        Assert.Contains("Ecole élémentaire publique Jacques Chapou", pdf.Text, StringComparison.Ordinal);
        Assert.Contains("Collège Marcel Masbou", pdf.Text, StringComparison.Ordinal);
        Assert.Equal("Kit d’accueil de Claire et Marc Martin — CC Grand-Figeac", pdf.Title);
        Assert.Equal("fr-FR", pdf.Language);
        Assert.True(pdf.Tagged);
        Assert.True(pdf.Marked);
    }

    [Theory, EveryDatabase]
    public async Task ANewcomerWithoutACase_GetsNoKit_AndNoOneElsesKit(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var household = await SpaceWelcomeSteps.HouseholdAsync(app);
        var stranger = await MailAppFixture.CreateUserAsync(app, roles: Roles.Newcomer);
        var client = app.CreateBrowserlessClient();
        await client.SignInAsync(stranger.Email!, MailAppFixture.Password);

        var pdf = await client.GetAsync("/mon-espace/kit/pdf");
        var referentsView = await client.GetAsync($"/admin/dossiers/{household.CaseId}/kit/pdf");

        Assert.Equal(HttpStatusCode.NotFound, pdf.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, referentsView.StatusCode);
    }
}
