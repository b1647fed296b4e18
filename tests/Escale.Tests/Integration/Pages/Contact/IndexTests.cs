using System.Net;
using Escale.Tests.Infrastructure;

namespace Escale.Tests.Integration.Pages.Contact;

[Collection(IntegrationCollection.Name)]
public sealed class IndexTests(AppFixture apps)
{
    [Theory, EveryDatabase]
    public async Task Get_ShowsTheTerritorysContactWithMailAndPhoneLinks(DatabaseProvider provider)
    {
        var client = await apps.ClientAsync(provider);

        var (response, page) = await client.GetPageAsync("/contact");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Département du Lot — mission attractivité", page.Text(".contact-organisation"));
        Assert.Equal("mailto:attractivite-departement@lot.fr", page.QuerySelector("#contact-email")!.GetAttribute("href"));
        Assert.Equal("tel:+33565534340", page.QuerySelector("#contact-phone")!.GetAttribute("href"));
        Assert.Equal("05 65 53 43 40", page.Text("#contact-phone"));
    }
}
