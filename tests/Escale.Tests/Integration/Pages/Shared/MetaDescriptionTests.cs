using Escale.Web.Infrastructure.Links;
using System.Net;
using Escale.Core.Content;
using Escale.Tests.Infrastructure;
using Escale.Tests.Integration.Pages.Admin.Contenus;
using Escale.Web.Infrastructure.RazorPages;
using Escale.Web.Pages.Recits;
using Microsoft.EntityFrameworkCore;

namespace Escale.Tests.Integration.Pages.Shared;

/// <summary>
/// Every public page tells search engines and link previews what it holds, in a sentence of its own: a data page
/// (an opportunity, a commune, an intercommunality, an organisation) says it from its data.
/// </summary>
[Collection(AccountsCollection.Name)]
public sealed class MetaDescriptionTests(MailAppFixture fixture)
{
    [Theory, EveryDatabase]
    public async Task EveryPublicPage_HasItsOwnMetaDescription_DataPagesFromTheirData(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var (_, organisationId) = await PartnerSteps.PartnerAsync(app);
        var organisation = await app.WithDbAsync(db => db.Organisations.Where(o => o.Id == organisationId).Select(o => new { o.Slug, o.Name }).SingleAsync());
        var opportunity = await PartnerSteps.OpportunityAsync(app, organisationId, "Soudeuse en atelier naval");
        var story = await ContentSteps.ArrangeAsync(app, new ContentDraft
        {
            Type = ContentType.Portrait,
            Texts = [new ContentText("fr", "Une maraîchère à Prayssac " + Guid.NewGuid().ToString("N")[..6],
                "Partie de Bordeaux, elle cultive des légumes anciens sur les coteaux et les vend au marché de Cahors.", "Son histoire.")],
        });
        var client = app.CreateBrowserlessClient();
        var pages = new Dictionary<string, string?>
        {
            ["/"] = null, ["/profils/changer-de-vie"] = null, ["/offres"] = null, ["/offres/carte"] = null,
            [$"/offres/{opportunity.Id}/{opportunity.Slug}"] = organisation.Name, ["/recits"] = null, [SiteLinks.ContentPath(story.Type, story.Slug)] = null,
            ["/recits/carte"] = null, ["/evenements"] = null, ["/vivre-ici"] = null, ["/recherche?q=Cahors"] = null,
            ["/communes"] = null, ["/communes/46042/cahors"] = "Cahors", ["/intercommunalites"] = null,
            ["/intercommunalites/cc-grand-figeac"] = "Grand-Figeac", ["/territoire"] = null, [$"/organisations/{organisation.Slug}"] = organisation.Name,
            ["/contact"] = null, ["/mentions-legales"] = null, ["/confidentialite"] = null, ["/compte/connexion"] = null,
            ["/compte/inscription"] = null, ["/compte/mot-de-passe-oublie"] = null, ["/offres/alertes/nouvelle?q=soudeur"] = null,
        };
        var seen = new Dictionary<string, string>();

        foreach (var (url, mentions) in pages)
        {
            var (response, page) = await client.GetPageAsync(url);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var description = page.QuerySelector("meta[name=description]")?.GetAttribute("content");
            Assert.False(string.IsNullOrWhiteSpace(description), $"{url} has no meta description");
            Assert.InRange(description.Length, 40, PageDescription.MaxLength);
            Assert.False(seen.TryGetValue(description, out var other), $"{url} has the description of {other}");
            seen[description] = url;
            if (mentions is not null)
            {
                Assert.Contains(mentions, description, StringComparison.Ordinal);
            }
        }
    }
}
