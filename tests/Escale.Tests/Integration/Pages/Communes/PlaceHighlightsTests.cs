using System.Net;
using Escale.Core.Content;
using Escale.Core.Opportunities;
using Escale.Tests.Infrastructure;
using Escale.Tests.Integration.Pages.Admin.Contenus;
using Microsoft.EntityFrameworkCore;

namespace Escale.Tests.Integration.Pages.Communes;

/// <summary>« Vivre à … » ends with what is happening there: the open offers around, the stories and the coming events.</summary>
public sealed class PlaceHighlightsTests
{
    [Theory, EveryDatabase]
    public async Task CommunePage_ListsTheOpenOffersAround_AndTheStoriesAndEventsOfThePlace(DatabaseProvider provider)
    {
        await using var app = await EscaleAppFactory.CreateAsync(provider);
        var near = await OfferAsync(app, "Infirmier de bloc à Capdenac", "46055");
        await OfferAsync(app, "Boulanger à Cahors", "46042");
        var expired = await OfferAsync(app, "Offre close de Figeac", "46102", expiresInDays: -2);
        var figeac = await app.WithDbAsync(db => db.Communes.SingleAsync(c => c.InseeCode == "46102"));
        var cahors = await app.WithDbAsync(db => db.Communes.SingleAsync(c => c.InseeCode == "46042"));
        await ContentSteps.ArrangeAsync(app, ContentSteps.Story("Le marché de Figeac le samedi") with { CommuneId = figeac.Id });
        await ContentSteps.ArrangeAsync(app, ContentSteps.Story("Une histoire de Cahors") with { CommuneId = cahors.Id });
        await ContentSteps.ArrangeAsync(app, new ContentDraft
        {
            Type = ContentType.Event, CommuneId = figeac.Id, StartsAt = DateTimeOffset.UtcNow.AddDays(12), Venue = "Espace Mitterrand",
            Texts = [new ContentText("fr", "Forum de l’emploi de Figeac", "Chapeau", "Un **texte**.")],
        });
        var client = app.CreateBrowserlessClient();

        var (response, page) = await client.GetPageAsync("/communes/46102/figeac");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var offers = page.QuerySelectorAll("#offres-proches li a").Select(a => a.TextContent).ToList();
        Assert.Equal(["Infirmier de bloc à Capdenac"], offers);
        Assert.DoesNotContain(expired.Title, page.Text("#vivre"), StringComparison.Ordinal);
        Assert.Contains("1 offre ouverte à moins de 15 km", page.Text("#offres-proches"), StringComparison.Ordinal);
        Assert.Equal("/offres?commune=46102&rayon=15", page.QuerySelector("#offres-proches p:last-child a")!.GetAttribute("href"));
        var places = page.Text("#recits-lieu");
        Assert.Contains("Le marché de Figeac le samedi", places, StringComparison.Ordinal);
        Assert.Contains("Forum de l’emploi de Figeac", places, StringComparison.Ordinal);
        Assert.DoesNotContain("Une histoire de Cahors", places, StringComparison.Ordinal);

        // The offers listed are on the map too, each linking to its page.
        var map = await client.GetStringAsync(new Uri("/api/v1/communes/46102/carte", UriKind.Relative));
        using var json = System.Text.Json.JsonDocument.Parse(map);
        var points = json.RootElement.GetProperty("features").EnumerateArray()
            .Select(f => f.GetProperty("properties"))
            .Where(p => p.GetProperty("role").GetString() == "offre")
            .Select(p => (Name: p.GetProperty("name").GetString(), Href: p.GetProperty("href").GetString()))
            .ToList();
        Assert.Equal([(near.Title, $"/offres/{near.Id}/{near.Slug}")], points);
    }

    [Fact]
    public async Task IntercommunalityPage_ListsItsOffers_AndSaysWhenThereIsNoStory()
    {
        await using var app = await EscaleAppFactory.CreateAsync(DatabaseProvider.Sqlite);
        await OfferAsync(app, "Infirmier de bloc à Capdenac", "46055");
        await OfferAsync(app, "Boulanger à Cahors", "46042");
        var client = app.CreateBrowserlessClient();

        var (_, page) = await client.GetPageAsync("/intercommunalites/cc-grand-figeac");

        Assert.Equal(["Infirmier de bloc à Capdenac"], page.QuerySelectorAll("#offres-proches li a").Select(a => a.TextContent).ToList());
        Assert.Contains("1 offre ouverte dans l’intercommunalité", page.Text("#offres-proches"), StringComparison.Ordinal);
        Assert.Contains("Pas encore de récit ni d’événement publié ici.", page.Text("#recits-lieu"), StringComparison.Ordinal);
        // One printable welcome kit per persona, for this intercommunality.
        var personas = await app.WithDbAsync(db => db.Personas.Select(p => p.Slug).ToListAsync());
        Assert.Equal(personas.Select(slug => $"/kits-accueil/{slug}/cc-grand-figeac").Order(StringComparer.Ordinal),
            page.QuerySelectorAll("#kits-accueil a").Select(a => a.GetAttribute("href")!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task CommunePage_KeptInMemory_ShowsAnOfferPublishedAfterItWasSeen_AtOnce()
    {
        await using var app = await EscaleAppFactory.CreateAsync(DatabaseProvider.Sqlite);
        var client = app.CreateBrowserlessClient();
        var (_, before) = await client.GetPageAsync("/communes/46102/figeac");
        Assert.Empty(before.QuerySelectorAll("#offres-proches li"));

        await OfferAsync(app, "Aide-soignant à Figeac", "46102");
        var (_, after) = await client.GetPageAsync("/communes/46102/figeac");

        Assert.Equal(["Aide-soignant à Figeac"], after.QuerySelectorAll("#offres-proches li a").Select(a => a.TextContent).ToList());
    }

    private static Task<Opportunity> OfferAsync(EscaleAppFactory app, string title, string inseeCode, int expiresInDays = 40) =>
        app.WithDbAsync(async db =>
        {
            var commune = await db.Communes.SingleAsync(c => c.InseeCode == inseeCode);
            var now = DateTimeOffset.UtcNow;
            var opportunity = new Opportunity
            {
                Kind = OpportunityKind.Job, Status = OpportunityStatus.Published, Title = title, Slug = Core.Territories.Slug.From(title),
                DedupKey = "Job|test|" + Guid.NewGuid().ToString("N"), Source = OpportunitySource.Manual, RomeCode = "J1506", RomeDomainCode = "J15",
                RomeGrandDomainCode = "J", Contract = ContractType.Cdi, ExpiresOn = DateOnly.FromDateTime(now.UtcDateTime).AddDays(expiresInDays),
                CreatedAt = now, UpdatedAt = now, PublishedAt = now,
            };
            opportunity.PlaceIn(commune);
            db.Opportunities.Add(opportunity);
            await db.SaveChangesAsync();
            return opportunity;
        });
}
