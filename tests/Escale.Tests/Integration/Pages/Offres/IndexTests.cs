using System.Net;
using AngleSharp.Dom;
using Escale.Core.Opportunities;
using Escale.Tests.Infrastructure;

namespace Escale.Tests.Integration.Pages.Offres;

[Collection(IntegrationCollection.Name)]
public sealed class IndexTests(AppFixture fixture)
{
    private static string Options(AngleSharp.Html.Dom.IHtmlDocument page, string select) =>
        string.Join(" | ", page.QuerySelectorAll($"#{select} option").Skip(1).Select(o => o.TextContent.Trim()));

    [Theory, EveryDatabase]
    public async Task Search_ByFacet_FiltersResultsAndCountsOtherValues(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var word = OpportunityData.UniqueWord();
        await OpportunityData.AddAsync(app, $"Développeuse {word}", o => (o.SalaryMin, o.SalaryMax) = (30000, 36000));
        await OpportunityData.AddAsync(app, $"Comptable {word}", o => o.Contract = ContractType.Cdd, OpportunityData.Figeac);
        await OpportunityData.AddAsync(app, $"Boulangerie {word}", o => (o.Kind, o.Contract, o.RomeCode, o.RomeDomainCode, o.RomeGrandDomainCode) = (OpportunityKind.Takeover, null, null, null, null));
        var client = app.CreateBrowserlessClient();

        var (response, all) = await client.GetPageAsync($"/offres?q={word}");
        var (_, cdd) = await client.GetPageAsync($"/offres?q={word}&contrat=cdd");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("3 offres", all.Text("#resultats-titre"));
        Assert.Equal("Offre d’emploi (2) | Activité à reprendre (1)", Options(all, "recherche-type"));
        Assert.Contains("Grand-Figeac", Options(all, "recherche-intercommunalite"), StringComparison.Ordinal);
        Assert.Contains("Systèmes d'information et de télécommunication (2)", Options(all, "recherche-domaine"), StringComparison.Ordinal);
        var developer = all.QuerySelectorAll("#resultats li").Single(li => li.TextContent.Contains("Développeuse", StringComparison.Ordinal));
        Assert.Equal("30 000 – 36 000 € brut/an", developer.Text(".offer-salary").Replace('\u202f', ' ').Replace('\u00a0', ' '));
        Assert.Equal("CDI", developer.Text(".offer-contract"));
        Assert.StartsWith("Publiée le ", developer.Text(".offer-date"), StringComparison.Ordinal);

        Assert.Equal("1 offre", cdd.Text("#resultats-titre"));
        Assert.Contains("Comptable", cdd.Text("#resultats"), StringComparison.Ordinal);
        // The contract facet ignores its own filter: CDI still shows its count.
        Assert.Equal("CDI (1) | CDD (1)", Options(cdd, "recherche-contrat"));
        Assert.Equal("cdd", cdd.QuerySelector("#recherche-contrat option[selected]")?.GetAttribute("value"));
    }

    [Theory, EveryDatabase]
    public async Task Search_AroundACommune_KeepsOpportunitiesWithinTheRadius(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var word = OpportunityData.UniqueWord();
        await OpportunityData.AddAsync(app, $"Infirmier {word}");
        await OpportunityData.AddAsync(app, $"Maçon {word}", commune: OpportunityData.Figeac);
        var client = app.CreateBrowserlessClient();

        var (_, near) = await client.GetPageAsync($"/offres?q={word}&commune=Cahors&rayon=10");
        var (_, far) = await client.GetPageAsync($"/offres?q={word}&commune={OpportunityData.Cahors}&rayon=100&tri=distance");

        Assert.Equal("1 offre", near.Text("#resultats-titre"));
        Assert.Contains("Infirmier", near.Text("#resultats"), StringComparison.Ordinal);
        Assert.Equal("2 offres", far.Text("#resultats-titre"));
        Assert.Equal(["Infirmier", "Maçon"], far.QuerySelectorAll("#resultats h3").Select(h => h.TextContent.Trim().Split(' ')[0]));
    }

    [Theory, EveryDatabase]
    public async Task Search_Pagination_LinksKeepTheQuery(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var word = OpportunityData.UniqueWord();
        for (var i = 0; i < 21; i++)
        {
            await OpportunityData.AddAsync(app, $"Poste {i} {word}");
        }
        var client = app.CreateBrowserlessClient();

        var (_, first) = await client.GetPageAsync($"/offres?q={word}&contrat=cdi");
        var next = first.QuerySelector(".pagination a[rel=next]")!.GetAttribute("href")!;
        var (_, second) = await client.GetPageAsync(next);
        var (beyond, beyondPage) = await client.GetPageAsync($"/offres?q={word}&page=3");

        Assert.Equal($"/offres?q={word}&contrat=cdi&page=2", next);
        Assert.Single(second.QuerySelectorAll("#resultats li"));
        Assert.Equal(HttpStatusCode.BadRequest, beyond.StatusCode);
        Assert.Equal($"/offres?q={word}", beyondPage.QuerySelector("#page-absente a")!.GetAttribute("href"));
    }

    [Theory]
    [InlineData("type=stage", "Type d’offre inconnu")]
    [InlineData("contrat=freelance", "Contrat inconnu")]
    [InlineData("page=0", "La page doit être un nombre entier")]
    [InlineData("page=abc", "La page doit être un nombre entier")]
    [InlineData("page=999", "n’existe pas")]
    [InlineData("commune=46042&rayon=0", "Le rayon doit être un nombre entier")]
    [InlineData("commune=46042&rayon=201", "Le rayon doit être un nombre entier")]
    [InlineData("commune=46042&rayon=5.5", "Le rayon doit être un nombre entier")]
    [InlineData("commune=Paris", "Commune inconnue")]
    [InlineData("commune=75056", "Commune inconnue")]
    [InlineData("salaire=12345", "Salaire minimum inconnu")]
    [InlineData("publiee=2", "Date de publication inconnue")]
    [InlineData("metier=Z9999", "Code métier ROME inconnu")]
    [InlineData("metier=abc", "Code métier ROME inconnu")]
    [InlineData("grand-domaine=9", "Grand domaine inconnu")]
    [InlineData("intercommunalite=123", "Intercommunalité inconnue")]
    [InlineData("tri=prix", "Tri inconnu")]
    [InlineData("type=emploi&type=reprise", "ne peut être donné qu’une fois")]
    public async Task Search_MalformedParameter_Returns400WithFrenchExplanation(string query, string message)
    {
        var client = await fixture.ClientAsync(DatabaseProvider.Sqlite);

        var (response, page) = await client.GetPageAsync("/offres?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, page.Text("#recherche-erreurs, #page-absente"), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("form.offer-search"));
    }

    [Theory, EveryDatabase]
    public async Task Search_WithARefusedFilter_ShowsTheMessageBesideItsField_KeepsWhatWasTyped_AndSearchesWithTheOthers(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var word = OpportunityData.UniqueWord();
        await OpportunityData.AddAsync(app, $"Boulanger {word}");
        var client = app.CreateBrowserlessClient();

        var (response, page) = await client.GetPageAsync($"/offres?q={word}&contrat=freelance&commune=Zzzville&metier=Z9999");
        var (_, english) = await (await app.CreateBrowserlessClient().InEnglishAsync()).GetPageAsync($"/offres?q={word}&contrat=freelance");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("Contrat inconnu", page.Text("#recherche-contrat-erreur"), StringComparison.Ordinal);
        Assert.Contains("« freelance »", page.Text("#recherche-contrat-erreur"), StringComparison.Ordinal);
        Assert.Equal("recherche-contrat-erreur", page.QuerySelector("#recherche-contrat")!.GetAttribute("aria-describedby"));
        Assert.Equal("true", page.QuerySelector("#recherche-contrat")!.GetAttribute("aria-invalid"));
        Assert.StartsWith("Commune inconnue", page.Text("#recherche-commune-erreur"), StringComparison.Ordinal);
        Assert.Equal("Zzzville", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#recherche-commune")!.Value);
        Assert.Equal("Z9999", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#recherche-metier")!.Value);
        Assert.Equal(word, page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#recherche-q")!.Value);
        Assert.Null(page.QuerySelector("#recherche-type-erreur"));
        Assert.Equal("3 filtres n’ont pas pu être appliqués :", page.Text("#recherche-erreurs p"));
        Assert.Equal("1 offre", page.Text("#resultats-titre"));
        Assert.StartsWith("Unknown contract", english.Text("#recherche-contrat-erreur"), StringComparison.Ordinal);
        Assert.Contains("“freelance”", english.Text("#recherche-contrat-erreur"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("'; --")]
    [InlineData("*")]
    [InlineData("\"\" :^~")]
    [InlineData("%_")]
    [InlineData("()")]
    public async Task Search_TextWithoutAWord_IsNoTextFilter_AndTheVisitorIsTold(string text)
    {
        var app = await fixture.AppAsync(DatabaseProvider.Sqlite);
        await OpportunityData.AddAsync(app, $"Offre {OpportunityData.UniqueWord()}");
        var client = app.CreateBrowserlessClient();

        var (response, page) = await client.GetPageAsync("/offres?q=" + Uri.EscapeDataString(text));
        var (_, all) = await client.GetPageAsync("/offres");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(all.Text("#resultats-titre"), page.Text("#resultats-titre"));
        Assert.NotEmpty(page.QuerySelectorAll("#resultats li"));
        Assert.Contains("ne contient aucun mot", page.Text("#texte-sans-mot"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_TextLongerThan200Characters_IsTruncatedNotRefused_AndTheVisitorIsTold()
    {
        var client = await fixture.ClientAsync(DatabaseProvider.Sqlite);

        var (response, page) = await client.GetPageAsync("/offres?q=" + new string('a', 10_000));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(200, page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#recherche-q")!.Value.Length);
        Assert.Contains("dépassait 200 caractères", page.Text("#texte-trop-long"), StringComparison.Ordinal);
    }

    /// <summary>How employers write a nurse's title.</summary>
    private static readonly string[] NurseTitles =
        ["Infirmière", "Infirmier·e libéral·e", "Infirmiers", "Infirmier(e)", "Infirmier-ère", "INFIRMIÈRE DE NUIT", "Infirmier/ère", "Infirmières en EHPAD"];

    [Theory, EveryDatabase]
    public async Task Search_ANurseTitle_IsFound_WhicheverFormIsWrittenAndWhicheverIsTyped(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var word = OpportunityData.UniqueWord();
        foreach (var title in NurseTitles)
        {
            await OpportunityData.AddAsync(app, $"{title} {word}", o => o.RomeCode = null);
        }
        await OpportunityData.AddAsync(app, $"Infographiste {word}", o => o.RomeCode = null);
        var client = app.CreateBrowserlessClient();

        foreach (var typed in new[] { "infirmier", "infirmière", "INFIRMIERES", "infirmiers", "Infirmier·e", "infirmier(e)", "infirmier-ère" })
        {
            var (_, page) = await client.GetPageAsync($"/offres?q={Uri.EscapeDataString(typed)}+{word}");
            Assert.True(page.Text("#resultats-titre") == $"{NurseTitles.Length} offres", $"« {typed} »: {page.Text("#resultats-titre")}");
        }
        var (_, liberal) = await client.GetPageAsync($"/offres?q=infirmi%C3%A8re+lib%C3%A9rale+{word}");
        Assert.Equal("1 offre", liberal.Text("#resultats-titre"));
    }

    [Theory, EveryDatabase]
    public async Task Search_TheRomeOccupation_IsFoundInTheFeminineAndTheMasculine(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var word = OpportunityData.UniqueWord();
        // J1506's label is "Infirmier / Infirmière en soins généraux (IDE)"; the title alone says nothing of nursing.
        await OpportunityData.AddAsync(app, $"Poste de nuit {word}", o => (o.RomeCode, o.RomeDomainCode, o.RomeGrandDomainCode) = ("J1506", "J15", "J"));
        await OpportunityData.AddAsync(app, $"Conductrice de car scolaire {word}", o => o.RomeCode = null);
        var client = app.CreateBrowserlessClient();

        var (_, nurse) = await client.GetPageAsync($"/offres?q=infirmieres+{word}");
        var (_, driver) = await client.GetPageAsync($"/offres?q=conducteur+{word}");

        Assert.Equal("1 offre", nurse.Text("#resultats-titre"));
        Assert.Contains("Poste de nuit", nurse.Text("#resultats"), StringComparison.Ordinal);
        Assert.Equal("1 offre", driver.Text("#resultats-titre"));
    }

    [Theory, EveryDatabase]
    public async Task Search_AQuotedPhrase_FindsThePhrase(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var word = OpportunityData.UniqueWord();
        await OpportunityData.AddAsync(app, $"Infirmière de bloc opératoire {word}");
        var client = app.CreateBrowserlessClient();

        var (_, quoted) = await client.GetPageAsync($"/offres?q={Uri.EscapeDataString($"\"infirmier de bloc\" {word}")}");
        var (_, unbalanced) = await client.GetPageAsync($"/offres?q={Uri.EscapeDataString($"\"infirmier de bloc {word}")}");

        Assert.Equal("1 offre", quoted.Text("#resultats-titre"));
        Assert.Equal("1 offre", unbalanced.Text("#resultats-titre"));
    }

    [Theory, EveryDatabase]
    public async Task Search_AlternanceOrApprenti_FindsTheApprenticeships(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var word = OpportunityData.UniqueWord();
        await OpportunityData.AddAsync(app, $"Cuisinier {word}", o => o.Contract = ContractType.Apprenticeship);
        await OpportunityData.AddAsync(app, $"Serveur {word}", o => o.Contract = ContractType.Cdi);
        var client = app.CreateBrowserlessClient();

        foreach (var typed in new[] { "alternance", "apprenti", "apprentie", "apprentissage", "Apprentis" })
        {
            var (_, page) = await client.GetPageAsync($"/offres?q={typed}+{word}");
            Assert.True(page.Text("#resultats-titre") == "1 offre", $"« {typed} »: {page.Text("#resultats-titre")}");
            Assert.Contains("Cuisinier", page.Text("#resultats"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Search_InEnglish_WithNoOfferFound_SaysOffersAreInFrench_AndSuggestsTheFrenchWord()
    {
        var app = await fixture.AppAsync(DatabaseProvider.Sqlite);
        var word = OpportunityData.UniqueWord();
        await OpportunityData.AddAsync(app, $"Infirmière {word}");
        var english = await app.CreateBrowserlessClient().InEnglishAsync();

        var (_, nurse) = await english.GetPageAsync($"/offres?q=nurse+{word}");
        var (_, infirmier) = await english.GetPageAsync($"/offres?q=infirmier+{word}");
        var (_, french) = await app.CreateBrowserlessClient().GetPageAsync($"/offres?q=nurse+{word}");

        Assert.Contains("Offers are published in French", nurse.Text("#offres-en-francais"), StringComparison.Ordinal);
        Assert.Contains("“infirmier” rather than “nurse”", nurse.Text("#offres-en-francais"), StringComparison.Ordinal);
        Assert.Null(infirmier.QuerySelector("#offres-en-francais"));
        Assert.Null(french.QuerySelector("#offres-en-francais"));
    }

    public static readonly TheoryData<string> BadInputs =
    [
        "\"", "\"unbalanced", "*", "cuisine*", "NEAR(a b)", "a OR b", "-vin", "title:vin", "'; drop table \"Opportunities\"; --", "🏡🌳", "🍷 vin",
        "' OR 1=1 --", "infirmier·e",
    ];

    [Theory, MemberData(nameof(BadInputs))]
    public async Task Search_SyntaxCharacters_SqlAndEmoji_GiveResultsOrAMessage_NeverAnError(string input)
    {
        var client = await fixture.ClientAsync(DatabaseProvider.Sqlite);

        var (response, page) = await client.GetPageAsync("/offres?q=" + Uri.EscapeDataString(input));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(page.QuerySelector("#resultats-titre"));
        Assert.Equal(input.Length <= 200 ? input : input[..200], page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#recherche-q")!.Value);
    }
}

[Collection(IntegrationCollection.Name)]
public sealed class IndexLinksTests(AppFixture apps)
{
    [Theory]
    [InlineData("domaine=J&teletravail=1&commune=Cahors&rayon=20&contrat=cdi")]
    [InlineData("q=infirmier&type=emploi&publiee=7&tri=salaire")]
    public async Task SearchPage_AlertAndFeedLinks_KeepEveryFilter(string search)
    {
        var client = await apps.ClientAsync(DatabaseProvider.Sqlite);
        var page = await Html.ParseAsync(await client.GetAsync(new Uri("/offres?" + search, UriKind.Relative)));

        var alert = page.QuerySelector("a[href^='/offres/alertes/nouvelle']")!.GetAttribute("href")!;
        var feed = page.QuerySelector("a[href^='/offres/flux.rss']")!.GetAttribute("href")!;
        var alertPage = await client.GetAsync(new Uri(alert, UriKind.Relative));
        var feedResponse = await client.GetAsync(new Uri(feed, UriKind.Relative));

        Assert.Equal(System.Net.HttpStatusCode.OK, alertPage.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, feedResponse.StatusCode);
        foreach (var pair in search.Split('&').Where(p => !p.StartsWith("tri=", StringComparison.Ordinal)))
        {
            Assert.Contains(pair.Split('=')[0] + "=", alert, StringComparison.Ordinal);
        }
    }
}
