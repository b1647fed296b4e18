using System.Net;
using Escale.Core.Content;
using Escale.Core.Opportunities;
using Escale.Tests.Infrastructure;
using Escale.Tests.Integration.Pages.Admin.Contenus;
using Escale.Tests.Integration.Pages.Offres;

namespace Escale.Tests.Integration.Pages.Recits;

/// <summary>A company story linked to its organisation leads to the employer's open opportunities.</summary>
[Collection(AccountsCollection.Name)]
public sealed class CompanyStoryTests(MailAppFixture fixture)
{
    [Theory, EveryDatabase]
    public async Task EditorLinksTheOrganisation_AndThePublicStoryListsItsOpenOpportunitiesOnly(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var word = OpportunityData.UniqueWord();
        var organisation = await app.WithDbAsync(async db =>
        {
            var o = new Organisation { Name = $"Atelier {word}", Slug = $"atelier-{word}" };
            db.Organisations.Add(o);
            await db.SaveChangesAsync();
            return o;
        });
        var openId = await OpportunityData.AddAsync(app, $"Menuisier {word}", o => o.OrganisationId = organisation.Id);
        await OpportunityData.AddAsync(app, $"Ancienne offre {word}", o => { o.OrganisationId = organisation.Id; o.Status = OpportunityStatus.Expired; });
        var client = await ContentSteps.EditorAsync(app);
        var form = ContentSteps.ContentForm((await client.GetPageAsync("/admin/contenus/edition?type=CompanyStory")).Page);
        var id = ContentSteps.IdFrom(await client.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.TitleFr"] = $"Une pépite du bois {word}",
            ["Input.OrganisationId"] = organisation.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }));
        var item = await app.WithDbAsync(async db =>
        {
            var stored = db.ContentItems.Single(c => c.Id == id);
            stored.Status = ContentStatus.Published;
            stored.PublishAt = stored.UpdatedAt = DateTimeOffset.UtcNow.AddSeconds(-1);
            await db.SaveChangesAsync();
            return stored;
        });

        var (response, page) = await app.CreateBrowserlessClient().GetPageAsync($"/recits/{item.Slug}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var links = page.QuerySelectorAll(".company-offers a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains(links, href => href!.StartsWith($"/offres/{openId}/", StringComparison.Ordinal));
        Assert.Contains($"/organisations/{organisation.Slug}", links);
        Assert.Equal(2, links.Count);
        Assert.Equal(organisation.Id, item.OrganisationId);
    }

    [Theory, EveryDatabase]
    public async Task UnknownOrganisation_IsRefusedBesideTheField_NotA500(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var client = await ContentSteps.EditorAsync(app);
        var form = ContentSteps.ContentForm((await client.GetPageAsync("/admin/contenus/edition?type=CompanyStory")).Page);
        // The select only opportunities existing organisations: a tampered post names one that does not exist.
        var response = await client.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.TitleFr"] = $"Pépite fantôme {Guid.NewGuid():N}",
            ["Input.OrganisationId"] = "987654321",
        });
        var page = await Html.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Choisissez une organisation de la liste.", page.Text("[data-valmsg-for='Input.OrganisationId']"));
    }
}
