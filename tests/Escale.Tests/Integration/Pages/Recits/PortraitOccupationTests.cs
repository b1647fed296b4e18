using System.Globalization;
using System.Net;
using Escale.Core.Content;
using Escale.Tests.Infrastructure;
using Escale.Tests.Integration.Pages.Admin.Contenus;
using Escale.Tests.Integration.Pages.Offres;
using Microsoft.EntityFrameworkCore;

namespace Escale.Tests.Integration.Pages.Recits;

/// <summary>A story names its place with a link to the place's page; a portrait of an occupation leads to that occupation's offers near it.</summary>
[Collection(AccountsCollection.Name)]
public sealed class PortraitOccupationTests(MailAppFixture fixture)
{
    [Theory, EveryDatabase]
    public async Task PortraitOfANurseInFigeac_LinksToFigeac_AndListsTheNurseOffersNearby_NotFarOnes(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var word = OpportunityData.UniqueWord();
        var near = await OpportunityData.AddAsync(app, $"Infirmier {word}", Nurse, OpportunityData.Figeac);
        var far = await OpportunityData.AddAsync(app, $"Infirmière {word}", Nurse, OpportunityData.Cahors);
        var developer = await OpportunityData.AddAsync(app, $"Développeur {word}", commune: OpportunityData.Figeac);
        var figeac = await app.WithDbAsync(db => db.Communes.Where(c => c.InseeCode == OpportunityData.Figeac).Select(c => new { c.Id, c.Slug }).SingleAsync());
        var client = await ContentSteps.EditorAsync(app);
        var form = ContentSteps.ContentForm((await client.GetPageAsync("/admin/contenus/edition?type=Portrait")).Page);
        var id = ContentSteps.IdFrom(await client.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.TitleFr"] = $"Une infirmière à Figeac {word}",
            ["Input.CommuneId"] = figeac.Id.ToString(CultureInfo.InvariantCulture),
            ["Input.OccupationRomeCode"] = "j1506",
        }));
        var slug = await app.WithDbAsync(async db =>
        {
            var stored = db.ContentItems.Single(c => c.Id == id);
            stored.Status = ContentStatus.Published;
            stored.PublishAt = stored.UpdatedAt = DateTimeOffset.UtcNow.AddSeconds(-1);
            await db.SaveChangesAsync();
            return stored.Slug;
        });

        var (response, page) = await app.CreateBrowserlessClient().GetPageAsync($"/recits/{slug}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"/communes/{OpportunityData.Figeac}/{figeac.Slug}", page.QuerySelector(".content-type a")?.GetAttribute("href"));
        var links = page.QuerySelectorAll("#occupation-offers-title ~ ul a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Contains(links, href => href.StartsWith($"/offres/{near}/", StringComparison.Ordinal));
        Assert.DoesNotContain(links, href => href.StartsWith($"/offres/{far}/", StringComparison.Ordinal));
        Assert.DoesNotContain(links, href => href.StartsWith($"/offres/{developer}/", StringComparison.Ordinal));
        var all = page.QuerySelectorAll(".company-offers p a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"/offres?metier=J1506&commune={OpportunityData.Figeac}", all);
        Assert.Contains($"/offres?domaine=J15&commune={OpportunityData.Figeac}", all);
        Assert.Contains("Infirmier / Infirmière en soins généraux", page.Text("#occupation-offers-title + p"), StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll(".french-only-note"));

        // In English the interface is translated; the occupation's label and the offers' titles exist only in French:
        // each is marked so, and the page says it once.
        var english = await app.CreateBrowserlessClient().InEnglishAsync();
        var (_, inEnglish) = await english.GetPageAsync($"/recits/{slug}");
        Assert.StartsWith("This occupation is hiring near Figeac", inEnglish.Text("#occupation-offers-title"), StringComparison.Ordinal);
        Assert.Equal("fr", inEnglish.QuerySelector("#occupation-offers-title + p span")?.GetAttribute("lang"));
        Assert.All(inEnglish.QuerySelectorAll("#occupation-offers-title ~ ul a"), a => Assert.Equal("fr", a.GetAttribute("lang")));
        Assert.Single(inEnglish.QuerySelectorAll(".fallback-note, .french-only-note"));

        // The link it gives answers with the nearby offer and without the far one.
        var search = await app.CreateBrowserlessClient().GetPageAsync($"/offres?metier=J1506&commune={OpportunityData.Figeac}&q={word}");
        var found = search.Page.QuerySelectorAll("a[href^='/offres/']").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Contains(found, href => href.StartsWith($"/offres/{near}/", StringComparison.Ordinal));
        Assert.DoesNotContain(found, href => href.StartsWith($"/offres/{far}/", StringComparison.Ordinal));
    }

    [Theory, EveryDatabase]
    public async Task PortraitOfAnOccupationWithNoOfferNearby_OffersTheAlertOnIt(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var figeac = await app.WithDbAsync(db => db.Communes.Where(c => c.InseeCode == OpportunityData.Figeac).Select(c => c.Id).SingleAsync());
        var client = await ContentSteps.EditorAsync(app);
        var form = ContentSteps.ContentForm((await client.GetPageAsync("/admin/contenus/edition?type=Portrait")).Page);
        // Musher guide: no test creates such an offer.
        var id = ContentSteps.IdFrom(await client.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.TitleFr"] = $"Un musher à Figeac {Guid.NewGuid():N}",
            ["Input.CommuneId"] = figeac.ToString(CultureInfo.InvariantCulture),
            ["Input.OccupationRomeCode"] = "G1234",
        }));
        var slug = await app.WithDbAsync(async db =>
        {
            var stored = db.ContentItems.Single(c => c.Id == id);
            stored.Status = ContentStatus.Published;
            stored.PublishAt = stored.UpdatedAt = DateTimeOffset.UtcNow.AddSeconds(-1);
            await db.SaveChangesAsync();
            return stored.Slug;
        });

        var (_, page) = await app.CreateBrowserlessClient().GetPageAsync($"/recits/{slug}");

        Assert.Empty(page.QuerySelectorAll("#occupation-offers-title ~ ul"));
        var links = page.QuerySelectorAll(".company-offers p a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"/offres/alertes/nouvelle?metier=G1234&commune={OpportunityData.Figeac}", links);
        var (alert, _) = await app.CreateBrowserlessClient().GetPageAsync($"/offres/alertes/nouvelle?metier=G1234&commune={OpportunityData.Figeac}");
        Assert.Equal(HttpStatusCode.OK, alert.StatusCode);
    }

    [Theory, EveryDatabase]
    public async Task UnknownOrMalformedRomeCode_IsRefusedBesideTheField(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var client = await ContentSteps.EditorAsync(app);
        var form = ContentSteps.ContentForm((await client.GetPageAsync("/admin/contenus/edition?type=Portrait")).Page);

        foreach (var (code, message) in new[]
        {
            ("Z9999", "Le code ROME s’écrit comme « J1506 » : une lettre et quatre chiffres."),
            ("infirmier", "Le code ROME s’écrit comme « J1506 » : une lettre et quatre chiffres."),
            ("A9999", "Le code ROME « A9999 » n’existe pas dans le répertoire des métiers."),
        })
        {
            var response = await client.SubmitAsync(form, new Dictionary<string, string>
            {
                ["Input.TitleFr"] = $"Portrait {Guid.NewGuid():N}",
                ["Input.OccupationRomeCode"] = code,
            });
            var page = await Html.ParseAsync(response);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(message, page.Text("[data-valmsg-for='Input.OccupationRomeCode']"));
            Assert.Equal(code, page.QuerySelector("[name='Input.OccupationRomeCode']")?.GetAttribute("value"));
        }
    }

    private static void Nurse(Core.Opportunities.Opportunity opportunity)
    {
        opportunity.RomeCode = "J1506";
        opportunity.RomeDomainCode = "J15";
        opportunity.RomeGrandDomainCode = "J";
    }
}
