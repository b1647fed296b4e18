using System.Net;
using Escale.Tests.Infrastructure;
using Escale.Tests.Integration.Pages.Offres;

namespace Escale.Tests.Integration.Pages;

/// <summary>
/// An English visitor reads the interface in English; what exists only in French (offers, reference labels) is
/// marked <c>lang="fr"</c> and the page says so once.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class EnglishVisitorTests(AppFixture apps)
{
    [Theory, EveryDatabase]
    public async Task OfferSearch_InEnglish_MarksEveryOfferTitleAndDomainAsFrench_AndSaysItOnce(DatabaseProvider provider)
    {
        var app = await apps.AppAsync(provider);
        var word = OpportunityData.UniqueWord();
        await OpportunityData.AddAsync(app, $"Infirmière de nuit {word}");
        var english = await app.CreateBrowserlessClient().InEnglishAsync();

        var (response, page) = await english.GetPageAsync($"/offres?q={word}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var titles = page.QuerySelectorAll(".offer-item h3");
        Assert.NotEmpty(titles);
        Assert.All(titles, title => Assert.Equal("fr", title.GetAttribute("lang")));
        var domains = page.QuerySelectorAll("select[name=domaine] option:not([value=''])");
        Assert.NotEmpty(domains);
        Assert.All(domains, option => Assert.Equal("fr", option.GetAttribute("lang")));
        Assert.Equal("Some of the content on this page is only available in French.", page.Text(".french-only-note"));
        Assert.Single(page.QuerySelectorAll(".french-only-note"));

        var (_, search) = await english.GetPageAsync($"/recherche?q={word}");
        var offerTitles = search.QuerySelectorAll(".search-offer h3");
        Assert.NotEmpty(offerTitles);
        Assert.All(offerTitles, title => Assert.Equal("fr", title.GetAttribute("lang")));
        Assert.Single(search.QuerySelectorAll(".french-only-note"));

        var (_, inFrench) = await app.CreateBrowserlessClient().GetPageAsync($"/offres?q={word}");
        Assert.Empty(inFrench.QuerySelectorAll(".french-only-note"));
        Assert.All(inFrench.QuerySelectorAll(".offer-item h3"), title => Assert.False(title.HasAttribute("lang")));
    }

    [Theory, EveryDatabase]
    public async Task PagesWithoutFrenchOnlyContent_SayNothingAboutIt(DatabaseProvider provider)
    {
        var english = await (await apps.ClientAsync(provider)).InEnglishAsync();

        var (_, page) = await english.GetPageAsync("/donnees-ouvertes");

        Assert.Empty(page.QuerySelectorAll(".french-only-note"));
    }

    [Fact]
    public async Task AlertForm_InEnglish_DescribesTheSearchInEnglish()
    {
        var english = await (await apps.ClientAsync(DatabaseProvider.Sqlite)).InEnglishAsync();

        var (response, page) = await english.GetPageAsync("/offres/alertes/nouvelle?type=emploi&teletravail=oui&publiee=7");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Job offers · remote work possible · published in the last 7 days", page.Text(".lead strong"));
    }
}
