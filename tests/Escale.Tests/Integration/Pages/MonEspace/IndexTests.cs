using System.Net;
using Escale.Core.Identity;
using Escale.Core.Welcome;
using Escale.Tests.Infrastructure;
using Escale.Web.Pages.Accueil;

namespace Escale.Tests.Integration.Pages.MonEspace;

[Collection(AccountsCollection.Name)]
public sealed class IndexTests(MailAppFixture fixture)
{
    [Theory, EveryDatabase]
    public async Task Home_ShowsTheStageWhatComesNextTheHistoryAndWhoFollowsTheCase(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var household = await SpaceWelcomeSteps.HouseholdAsync(app, stage: CaseStage.Accompanied);

        var (response, page) = await household.Client.GetPageAsync("/mon-espace");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(WelcomeLabels.Stage(CaseStage.Accompanied), page.Text("#etape"), StringComparison.Ordinal);
        Assert.Contains(WelcomeLabels.StageMeaning(CaseStage.Accompanied), page.Text("#etape-actuelle"), StringComparison.Ordinal);
        Assert.Contains(WelcomeLabels.StageNext(CaseStage.Accompanied), page.Text("#etape-actuelle"), StringComparison.Ordinal);
        var history = page.QuerySelectorAll("#historique-etapes li").Select(li => li.TextContent).ToList();
        Assert.Equal(3, history.Count);
        Assert.EndsWith(WelcomeLabels.Stage(CaseStage.NewContact), history[0], StringComparison.Ordinal);
        Assert.EndsWith(WelcomeLabels.Stage(CaseStage.Qualified), history[1], StringComparison.Ordinal);
        Assert.EndsWith(WelcomeLabels.Stage(CaseStage.Accompanied), history[2], StringComparison.Ordinal);
        Assert.Contains("Accueil du Grand-Figeac (test) — Personne", page.Text("#liste-referents"), StringComparison.Ordinal);
    }

    [Theory, EveryDatabase]
    public async Task Home_ExplainsTheMatchesOfANurseNearFigeac_InFrench(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var household = await SpaceWelcomeSteps.HouseholdAsync(app);
        var (_, employer) = await PartnerSteps.PartnerAsync(app);
        var word = Guid.NewGuid().ToString("N")[..8];
        await SpaceWelcomeSteps.JobAsync(app, employer, $"Infirmière de bloc {word}", "J1506", SpaceWelcomeSteps.FigeacInsee);
        await SpaceWelcomeSteps.JobAsync(app, employer, $"Infirmière puéricultrice {word}", "J1502", SpaceWelcomeSteps.CapdenacInsee);
        await SpaceWelcomeSteps.JobAsync(app, employer, $"Comptable {word}", "M1203", SpaceWelcomeSteps.FigeacInsee);

        var (_, page) = await household.Client.GetPageAsync("/mon-espace");
        var matches = page.QuerySelectorAll(".household-match").Select(m => m.TextContent).ToList();

        var same = Assert.Single(matches, m => m.Contains($"Infirmière de bloc {word}", StringComparison.Ordinal));
        Assert.Contains("même métier · à Figeac · CDI, comme souhaité · temps plein", same, StringComparison.Ordinal);
        Assert.Contains("Très proche de votre projet", same, StringComparison.Ordinal);
        var close = Assert.Single(matches, m => m.Contains($"Infirmière puéricultrice {word}", StringComparison.Ordinal));
        Assert.Contains("métier proche · à 4 km de Figeac", close, StringComparison.Ordinal);
        Assert.DoesNotContain(matches, m => m.Contains($"Comptable {word}", StringComparison.Ordinal));
        Assert.Contains(page.QuerySelectorAll(".household-match a"), a => a.GetAttribute("href")!.StartsWith("/offres/", StringComparison.Ordinal));
    }

    [Theory, EveryDatabase]
    public async Task Home_ShowsFigeacsSchoolsOfEachChildsLevel_NearestFirst_WithTheirDistance(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var household = await SpaceWelcomeSteps.HouseholdAsync(app); // children of 6 and 11, moving to Figeac

        var (_, page) = await household.Client.GetPageAsync("/mon-espace");

        Assert.Equal(["Pour votre enfant de 6 ans (école élémentaire)", "Pour votre enfant de 11 ans (collège)"],
            page.QuerySelectorAll("#ecoles-section h3").Select(h => h.TextContent));
        Assert.Equal(["Ecole élémentaire publique Jacques Chapou", "Ecole élémentaire publique", "Ecole élémentaire publique Louis Barrié", "Ecole primaire privée Jeanne d'Arc"],
            page.QuerySelectorAll("ul[data-age='6'] li strong").Select(s => s.TextContent));
        Assert.Contains("Ecole élémentaire publique Louis Barrié (public), Figeac — à 0,7 km du centre de Figeac", page.Text("ul[data-age='6']"), StringComparison.Ordinal);
        var colleges = page.QuerySelectorAll("ul[data-age='11'] li").Select(li => li.TextContent).ToList();
        // The data places the Bagnac-sur-Célé site of the Masbou collège, « Collège Les Castors », at Figeac (territories/lot/PROVENANCE.md).
        Assert.Equal(["Collège Jeanne d'Arc (privé), Figeac — à 1,0 km du centre de Figeac", "Collège Les Castors (public), Figeac — à 1,5 km du centre de Figeac",
            "Collège Marcel Masbou (public), Figeac — à 1,5 km du centre de Figeac"], colleges);

        var (_, english) = await (await household.Client.InEnglishAsync()).GetPageAsync("/mon-espace");
        Assert.Equal("Schools for your children", english.Text("#ecoles"));
        Assert.Equal(["For your 6-year-old child (primary school)", "For your 11-year-old child (middle school)"],
            english.QuerySelectorAll("#ecoles-section h3").Select(h => h.TextContent));
        Assert.Contains("Collège Marcel Masbou (public), Figeac — 1.5 km from the centre of Figeac", english.Text("ul[data-age='11']"), StringComparison.Ordinal);
    }

    [Theory, EveryDatabase]
    public async Task Home_ProposesNoSchoolForAChildUnderThree(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var household = await SpaceWelcomeSteps.HouseholdAsync(app, figeac =>
        {
            var project = SpaceWelcomeSteps.NurseNearFigeac(figeac);
            project.ChildrenAges = [2, 6];
            return project;
        });
        var toddlerOnly = await SpaceWelcomeSteps.HouseholdAsync(app, figeac =>
        {
            var project = SpaceWelcomeSteps.NurseNearFigeac(figeac);
            project.ChildrenAges = [2];
            return project;
        });

        var (_, page) = await household.Client.GetPageAsync("/mon-espace");
        var (_, toddlerPage) = await toddlerOnly.Client.GetPageAsync("/mon-espace");

        Assert.Equal(["Pour votre enfant de 6 ans (école élémentaire)"], page.QuerySelectorAll("#ecoles-section h3").Select(h => h.TextContent));
        Assert.Null(page.QuerySelector("ul[data-age='2']"));
        Assert.NotNull(toddlerPage.QuerySelector("#propositions-section"));
        Assert.Null(toddlerPage.QuerySelector("#ecoles-section"));
    }

    [Theory, EveryDatabase]
    public async Task Home_WithoutACase_LinksToTheProjectForm(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var user = await MailAppFixture.CreateUserAsync(app, roles: Roles.Newcomer);
        var client = app.CreateBrowserlessClient();
        await client.SignInAsync(user.Email!, MailAppFixture.Password);

        var (response, page) = await client.GetPageAsync("/mon-espace");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/mon-projet", page.QuerySelector("#sans-dossier a")!.GetAttribute("href"));
    }
}
