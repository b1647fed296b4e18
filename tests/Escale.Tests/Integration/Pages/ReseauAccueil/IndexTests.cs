using Escale.Core.WelcomeNetworks;
using Escale.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Escale.Tests.Infrastructure.NetworkSteps;

namespace Escale.Tests.Integration.Pages.ReseauAccueil;

[Collection(AccountsCollection.Name)]
public sealed class IndexTests(MailAppFixture fixture)
{
    [Theory, EveryDatabase]
    public async Task Directory_FiltersByIntercommunalityCommuneAndKind_AndShowsOnlyTheMembersInTheDirectory(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var figeacTownHall = await StructureAsync(app, "46102", WelcomeStructureKind.TownHall,
            Member("Camille Shown", WelcomeMemberRole.Referent, "camille@test.escale"), Member("Dominique Hidden", WelcomeMemberRole.Volunteer, inDirectory: false));
        var figeacAssociation = await StructureAsync(app, "46102", WelcomeStructureKind.Association);
        var cahorsTownHall = await StructureAsync(app, "46042", WelcomeStructureKind.TownHall);
        var figeacSlug = await app.WithDbAsync(db => db.Communes.Where(c => c.InseeCode == "46102").Select(c => c.Intercommunality!.Slug).SingleAsync());
        var client = app.CreateBrowserlessClient();

        var (_, byEpci) = await client.GetPageAsync($"/reseau-accueil?intercommunalite={figeacSlug}");
        var (_, byKind) = await client.GetPageAsync($"/reseau-accueil?intercommunalite={figeacSlug}&commune=46102&type=Association");
        var (_, all) = await client.GetPageAsync("/reseau-accueil?type=Inconnu");

        Assert.NotNull(byEpci.QuerySelector($"[data-structure='{figeacTownHall.Id}']"));
        Assert.NotNull(byEpci.QuerySelector($"[data-structure='{figeacAssociation.Id}']"));
        Assert.Null(byEpci.QuerySelector($"[data-structure='{cahorsTownHall.Id}']"));
        Assert.NotNull(byEpci.QuerySelector("select#commune option[value='46102']"));
        var card = byEpci.Text($"[data-structure='{figeacTownHall.Id}']");
        Assert.Contains("Camille Shown", card, StringComparison.Ordinal);
        Assert.DoesNotContain("Dominique Hidden", card, StringComparison.Ordinal);
        Assert.Null(byKind.QuerySelector($"[data-structure='{figeacTownHall.Id}']"));
        Assert.NotNull(byKind.QuerySelector($"[data-structure='{figeacAssociation.Id}']"));
        Assert.NotNull(all.QuerySelector($"[data-structure='{cahorsTownHall.Id}']"));
    }

    [Theory, EveryDatabase]
    public async Task CommunePage_ShowsItsStructures_AndTheMapHasThem(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var townHall = await StructureAsync(app, "46102", WelcomeStructureKind.TownHall);
        var client = app.CreateBrowserlessClient();

        var (_, page) = await client.GetPageAsync("/communes/46102/figeac");
        var map = await client.GetStringAsync(new Uri("/api/v1/communes/46102/carte", UriKind.Relative));

        Assert.Contains(townHall.Name, page.Text("#vivre #structures-accueil"), StringComparison.Ordinal);
        Assert.Contains("France services", page.Text("#vivre #structures-accueil"), StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"\"code\":\"structure-{townHall.Id}\"", map, StringComparison.Ordinal);
        Assert.Contains("\"kind\":\"WelcomeStructure\"", map, StringComparison.Ordinal);
    }
}
