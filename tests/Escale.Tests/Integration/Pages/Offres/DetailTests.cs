using System.Net;
using System.Text.Json;
using Escale.Core.Opportunities;
using Escale.Tests.Infrastructure;

namespace Escale.Tests.Integration.Pages.Offres;

[Collection(IntegrationCollection.Name)]
public sealed class DetailTests(AppFixture fixture)
{
    [Theory, EveryDatabase]
    public async Task JobPage_ShowsItsFieldsAndValidJobPostingJsonLd(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var expires = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);
        var id = await OpportunityData.AddAsync(app, "Développeur web", o =>
        {
            (o.SalaryMin, o.SalaryMax, o.ExpiresOn) = (30000, 36000, expires);
            o.Description = "Première ligne.\nSeconde ligne </script><script>alert(1)</script>";
            o.ApplyUrl = "https://emploi.example.org/postuler/1";
        });
        var client = app.CreateBrowserlessClient();

        var (response, page) = await client.GetPageAsync($"/offres/{id}/developpeur-web");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Développeur web", page.Text("h1"));
        Assert.Equal("CDI", page.Text("#offre-contrat"));
        Assert.Equal("30 000 – 36 000 € brut/an", page.Text("#offre-salaire").Replace('\u202f', ' ').Replace('\u00a0', ' '));
        Assert.Contains("</script><script>", page.Text("#offre-description"), StringComparison.Ordinal); // shown as text, not run
        Assert.DoesNotContain(page.QuerySelectorAll("script:not([type])"), s => s.TextContent.Contains("alert", StringComparison.Ordinal));
        var scripts = page.QuerySelectorAll("script[type='application/ld+json']");
        var json = Assert.Single(scripts).TextContent;
        Assert.DoesNotContain("</", json, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json);
        var posting = document.RootElement;
        Assert.Equal("JobPosting", posting.GetProperty("@type").GetString());
        Assert.Equal("Développeur web", posting.GetProperty("title").GetString());
        Assert.StartsWith("Première ligne.", posting.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.True(DateTimeOffset.TryParse(posting.GetProperty("datePosted").GetString(), System.Globalization.CultureInfo.InvariantCulture, out _));
        Assert.StartsWith(expires.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), posting.GetProperty("validThrough").GetString(), StringComparison.Ordinal);
        Assert.Equal("Causse Numérique", posting.GetProperty("hiringOrganization").GetProperty("name").GetString());
        var address = posting.GetProperty("jobLocation").GetProperty("address");
        Assert.Equal(("46000", "Cahors", "FR"), (address.GetProperty("postalCode").GetString(), address.GetProperty("addressLocality").GetString(), address.GetProperty("addressCountry").GetString()));
        Assert.False(string.IsNullOrEmpty(address.GetProperty("addressRegion").GetString()));
        Assert.Equal(["FULL_TIME"], posting.GetProperty("employmentType").EnumerateArray().Select(e => e.GetString()));
        var salary = posting.GetProperty("baseSalary");
        Assert.Equal("EUR", salary.GetProperty("currency").GetString());
        Assert.Equal((30000, 36000, "YEAR"), (salary.GetProperty("value").GetProperty("minValue").GetInt32(), salary.GetProperty("value").GetProperty("maxValue").GetInt32(), salary.GetProperty("value").GetProperty("unitText").GetString()));
        Assert.Equal(id.ToString(System.Globalization.CultureInfo.InvariantCulture), posting.GetProperty("identifier").GetProperty("value").GetString());
    }

    [Theory, EveryDatabase]
    public async Task JobPosting_SaysWhetherTheOfferIsAnsweredOnItsPage(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var organisationId = await app.WithDbAsync(async db =>
        {
            var organisation = new Organisation { Name = "Atelier du Causse", Slug = "org-" + Guid.NewGuid().ToString("N")[..8] };
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync();
            return organisation.Id;
        });
        var partnerOffer = await OpportunityData.AddAsync(app, "Menuisier", o => o.OrganisationId = organisationId);
        var byEmail = await OpportunityData.AddAsync(app, "Menuisier", o => (o.Source, o.SourceReference, o.ApplyEmail) = (OpportunitySource.FranceTravail, Guid.NewGuid().ToString("N"), "recrutement@exemple.invalid"));
        var elsewhere = await OpportunityData.AddAsync(app, "Menuisier", o => (o.Source, o.SourceReference, o.ApplyUrl) = (OpportunitySource.FranceTravail, Guid.NewGuid().ToString("N"), "https://emploi.example.org/postuler/2"));
        var client = app.CreateBrowserlessClient();

        var answers = new List<(bool DirectApply, bool HasForm)>();
        foreach (var id in new[] { partnerOffer, byEmail, elsewhere })
        {
            var (_, page) = await client.GetPageAsync($"/offres/{id}/menuisier");
            answers.Add((JsonLd(page).GetProperty("directApply").GetBoolean(), page.QuerySelector(".interest form") is not null));
        }

        Assert.Equal([(true, true), (true, true), (false, true)], answers);
    }

    [Theory, EveryDatabase]
    public async Task JobPosting_OfAFullyRemoteJob_IsTelecommuteForApplicantsInFrance_AndKeepsItsPlace(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var full = await OpportunityData.AddAsync(app, "Développeur", o => o.Remote = RemoteWork.Full);
        var partial = await OpportunityData.AddAsync(app, "Développeur", o => o.Remote = RemoteWork.Partial);
        var client = app.CreateBrowserlessClient();

        var (_, fullPage) = await client.GetPageAsync($"/offres/{full}/developpeur");
        var (_, partialPage) = await client.GetPageAsync($"/offres/{partial}/developpeur");

        var remote = JsonLd(fullPage);
        Assert.Equal("TELECOMMUTE", remote.GetProperty("jobLocationType").GetString());
        var requirement = remote.GetProperty("applicantLocationRequirements");
        Assert.Equal(("Country", "FR"), (requirement.GetProperty("@type").GetString(), requirement.GetProperty("name").GetString()));
        Assert.Equal("Cahors", remote.GetProperty("jobLocation").GetProperty("address").GetProperty("addressLocality").GetString());
        var onSite = JsonLd(partialPage);
        Assert.False(onSite.TryGetProperty("jobLocationType", out _));
        Assert.False(onSite.TryGetProperty("applicantLocationRequirements", out _));
        Assert.Equal("Cahors", onSite.GetProperty("jobLocation").GetProperty("address").GetProperty("addressLocality").GetString());
    }

    [Theory, EveryDatabase]
    public async Task JobWithAStreetAddress_ShowsIt_AndGivesItToSearchEngines(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var withStreet = await OpportunityData.AddAsync(app, "Boulanger", o => o.StreetAddress = "12 rue du Château");
        var without = await OpportunityData.AddAsync(app, "Boulanger");
        var client = app.CreateBrowserlessClient();

        var (_, page) = await client.GetPageAsync($"/offres/{withStreet}/boulanger");
        var (_, other) = await client.GetPageAsync($"/offres/{without}/boulanger");

        Assert.Equal("12 rue du Château", page.Text("#offre-adresse"));
        var address = JsonLd(page).GetProperty("jobLocation").GetProperty("address");
        Assert.Equal(("12 rue du Château", "46000"), (address.GetProperty("streetAddress").GetString(), address.GetProperty("postalCode").GetString()));
        Assert.Null(other.QuerySelector("#offre-adresse"));
        Assert.False(JsonLd(other).GetProperty("jobLocation").GetProperty("address").TryGetProperty("streetAddress", out _));
    }

    private static JsonElement JsonLd(AngleSharp.Dom.IDocument page)
    {
        using var document = JsonDocument.Parse(Assert.Single(page.QuerySelectorAll("script[type='application/ld+json']")).TextContent);
        return document.RootElement.Clone();
    }

    [Theory, EveryDatabase]
    public async Task TakeoverPage_ShowsTheBusinessButNeverTheSeller(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var id = await OpportunityData.AddAsync(app, "Boulangerie de village", o =>
        {
            (o.Kind, o.Contract, o.WorkingTime, o.RomeCode, o.RomeDomainCode, o.RomeGrandDomainCode) = (OpportunityKind.Takeover, null, null, null, null, null);
            (o.NafCode, o.PriceMin, o.PriceMax, o.TurnoverBand, o.Staff, o.Support) = ("10.71C", 120000, 150000, "200 000 – 300 000 €", 3, SupportOrganisation.ChambreDeMetiers);
            (o.SellerName, o.SellerEmail, o.SellerPhone) = ("Jeanne Vendeuse", "jeanne.vendeuse@test.escale", "05 65 00 00 99");
            o.EmployerName = "Jeanne Vendeuse";
        });
        var client = app.CreateBrowserlessClient();

        var response = await client.GetAsync(new Uri($"/offres/{id}/boulangerie-de-village", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        var page = await Html.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Boulangerie et boulangerie-pâtisserie", page.Text("main"), StringComparison.Ordinal);
        Assert.Equal("120 000 – 150 000 €", page.Text("#offre-prix").Replace('\u202f', ' ').Replace('\u00a0', ' '));
        Assert.DoesNotContain("Jeanne", html, StringComparison.Ordinal);
        Assert.DoesNotContain("vendeuse", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("99", page.Text("main"), StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("script[type='application/ld+json']"));
        Assert.Equal("Demander à être mis en relation", page.Text("#interet"));
    }

    [Theory, EveryDatabase]
    public async Task CreationAndHealthPages_ShowTheSupportOffered(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var creation = await OpportunityData.AddAsync(app, "Épicerie recherchée", o => (o.Kind, o.Contract, o.SupportOffered) = (OpportunityKind.Creation, null, "Local communal à loyer modéré."));
        var health = await OpportunityData.AddAsync(app, "Médecin généraliste", o => (o.Kind, o.Contract, o.SupportOffered) = (OpportunityKind.HealthInstallation, ContractType.Liberal, "Cabinet équipé, logement la première année."));
        var client = app.CreateBrowserlessClient();

        var (_, creationPage) = await client.GetPageAsync($"/offres/{creation}/epicerie-recherchee");
        var (_, healthPage) = await client.GetPageAsync($"/offres/{health}/medecin-generaliste");

        Assert.Equal("Création d’activité", creationPage.Text(".offer-kind"));
        Assert.Contains("Local communal à loyer modéré.", creationPage.Text("main"), StringComparison.Ordinal);
        Assert.Equal("Installation en santé", healthPage.Text(".offer-kind"));
        Assert.Contains("logement la première année", healthPage.Text("main"), StringComparison.Ordinal);
        Assert.Equal("Je suis intéressé·e", healthPage.Text("#interet"));
    }

    [Theory, EveryDatabase]
    public async Task OpportunityWithOrganisation_LinksToItsPage(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var slug = "org-" + Guid.NewGuid().ToString("N")[..8];
        var organisationId = await app.WithDbAsync(async db =>
        {
            var organisation = new Organisation { Name = "Centre de santé du Causse", Slug = slug };
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync();
            return organisation.Id;
        });
        var id = await OpportunityData.AddAsync(app, "Infirmière", o => o.OrganisationId = organisationId);
        var client = app.CreateBrowserlessClient();

        var (_, page) = await client.GetPageAsync($"/offres/{id}/infirmiere");

        Assert.Equal($"/organisations/{slug}", page.QuerySelector("#offre-employeur a")?.GetAttribute("href"));
    }

    [Theory, EveryDatabase]
    public async Task WrongSlug_RedirectsPermanentlyToTheCanonicalAddress(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var id = await OpportunityData.AddAsync(app, "Cuisinier saisonnier");
        var client = app.CreateBrowserlessClient();

        var wrong = await client.GetAsync(new Uri($"/offres/{id}/autre-chose", UriKind.Relative));
        var none = await client.GetAsync(new Uri($"/offres/{id}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.MovedPermanently, wrong.StatusCode);
        Assert.Equal($"/offres/{id}/cuisinier-saisonnier", wrong.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.MovedPermanently, none.StatusCode);
    }

    [Theory, EveryDatabase]
    public async Task UnpublishedOrUnknownOpportunity_Is404_WithdrawnOrExpiredIs410(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var draft = await OpportunityData.AddAsync(app, "Brouillon", o => o.Status = OpportunityStatus.Draft);
        var review = await OpportunityData.AddAsync(app, "En relecture", o => o.Status = OpportunityStatus.InReview);
        var withdrawn = await OpportunityData.AddAsync(app, "Retirée", o => o.Status = OpportunityStatus.Withdrawn);
        var expired = await OpportunityData.AddAsync(app, "Expirée", o => o.ExpiresOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-2));
        var client = app.CreateBrowserlessClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/offres/{draft}/brouillon", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/offres/{review}/en-relecture", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/offres/999999999/x", UriKind.Relative))).StatusCode);
        var (gone, page) = await client.GetPageAsync($"/offres/{withdrawn}/retiree");
        Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
        Assert.Equal("Cette offre n’est plus disponible", page.Text("h1"));
        Assert.Empty(page.QuerySelectorAll("form[method=post]"));
        Assert.Equal(HttpStatusCode.Gone, (await client.GetAsync(new Uri($"/offres/{expired}/expiree", UriKind.Relative))).StatusCode);
    }
}
