using AngleSharp.Dom;
using System.Net;
using Escale.Core.Calls;
using Escale.Tests.Infrastructure;

namespace Escale.Tests.Integration.Pages.Appels;

[Collection(AccountsCollection.Name)]
public sealed class LaureatsTests(MailAppFixture fixture)
{
    [Theory, EveryDatabase]
    public async Task Laureates_ShowPublicAnswersOnly_NoPersonalData_AndPhotosOnlyWithEveryConsent(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var call = await CallSteps.CallAsync(app, resultsPublished: true, fields:
        [
            CallSteps.Field("Le projet en une phrase", FieldVisibility.Public),
            CallSteps.Field("Budget détaillé", FieldVisibility.Private, order: 2),
            CallSteps.Field("Établissement scolaire", FieldVisibility.HiddenFromJury, order: 3),
        ]);
        var lead = await MailAppFixture.CreateUserAsync(app);
        var otherLead = await MailAppFixture.CreateUserAsync(app);
        var loserLead = await MailAppFixture.CreateUserAsync(app);
        var minorBorn = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-14);
        var withPhoto = await CallSteps.LaureateAsync(app, call, lead, "Ressourcerie des jeunes", new Dictionary<string, string>
        {
            ["Le projet en une phrase"] = "Réparer et revendre des vélos",
            ["Budget détaillé"] = "4 200 € de pièces",
            ["Établissement scolaire"] = "Lycée Clément-Marot",
        }, photo: true, members: new CallSteps.Member("Léa Minorette", "lea.minorette@test.escale", minorBorn, "Collège Olivier-de-Magny", GuardianAllowsPhoto: true));
        var withoutPhoto = await CallSteps.LaureateAsync(app, call, otherLead, "Jardin partagé", new Dictionary<string, string>
        {
            ["Le projet en une phrase"] = "Un potager au cœur du bourg",
        }, photo: true, members: new CallSteps.Member("Tom Sansphoto", "tom.sansphoto@test.escale", minorBorn, GuardianAllowsPhoto: false));
        await CallSteps.LaureateAsync(app, call, loserLead, "Projet non retenu", new Dictionary<string, string>(), ApplicationStatus.NotSelected);

        var (response, page) = await app.CreateBrowserlessClient().GetPageAsync($"/appels/{call.Slug}/laureats");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = page.Text("#laureats");
        Assert.Contains("Ressourcerie des jeunes", text, StringComparison.Ordinal);
        Assert.Contains("Réparer et revendre des vélos", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Projet non retenu", text, StringComparison.Ordinal);
        foreach (var secret in new[] { "4 200", "Budget", "Clément-Marot", "Olivier-de-Magny", "Minorette", "Sansphoto", lead.Email!, lead.DisplayName!, "lea.minorette@test.escale" })
        {
            Assert.DoesNotContain(secret, page.Body!.TextContent, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("lea.minorette", page.Source.Text, StringComparison.Ordinal);
        // The photo shows where the minor's guardian allowed it, not where they did not.
        Assert.NotNull(page.QuerySelector($"#laureat-{withPhoto.Id} ~ picture img"));
        Assert.Null(page.QuerySelector($"#laureat-{withoutPhoto.Id} ~ picture img"));
    }

    [Fact]
    public async Task Laureates_YesNoAndDateAnswers_AreShownInTheReadersLanguage_FromTheSameCache()
    {
        var app = await fixture.AppAsync(DatabaseProvider.Sqlite);
        var call = await CallSteps.CallAsync(app, resultsPublished: true, fields:
        [
            CallSteps.Field("Association déjà créée", FieldVisibility.Public, CallFieldType.YesNo),
            CallSteps.Field("Date de lancement", FieldVisibility.Public, CallFieldType.Date, order: 2),
        ]);
        var laureate = await CallSteps.LaureateAsync(app, call, await MailAppFixture.CreateUserAsync(app), "Café associatif", new Dictionary<string, string>
        {
            ["Association déjà créée"] = "true",
            ["Date de lancement"] = "2027-03-14",
        });

        var french = (await app.CreateBrowserlessClient().GetPageAsync($"/appels/{call.Slug}/laureats")).Page;
        var english = (await (await app.CreateBrowserlessClient().InEnglishAsync()).GetPageAsync($"/appels/{call.Slug}/laureats")).Page;

        Assert.Equal(["Oui", "14 mars 2027"], french.QuerySelectorAll($"#laureats dd").Select(d => d.TextContent.Trim()));
        Assert.Equal(["Yes", "14 March 2027"], english.QuerySelectorAll($"#laureats dd").Select(d => d.TextContent.Trim()));
        Assert.Contains("Café associatif", english.Text($"#laureat-{laureate.Id}"), StringComparison.Ordinal);
    }

    [Theory, EveryDatabase]
    public async Task Laureates_BeforeTheResults_AreNotFound(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var call = await CallSteps.CallAsync(app);

        var response = await app.CreateBrowserlessClient().GetAsync(new Uri($"/appels/{call.Slug}/laureats", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
