using AngleSharp.Dom;
using System.Net;
using System.Text.Json;
using Escale.Core.Calls;
using Escale.Tests.Infrastructure;

namespace Escale.Tests.Integration.Pages.Appels;

[Collection(IntegrationCollection.Name)]
public sealed class DetailTests(AppFixture apps)
{
    [Theory, EveryDatabase]
    public async Task Draft_IsNotFound(DatabaseProvider provider)
    {
        var app = await apps.AppAsync(provider);
        var call = await CallSteps.CallAsync(app, published: false);

        var response = await app.CreateBrowserlessClient().GetAsync(new Uri("/appels/" + call.Slug, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory, EveryDatabase]
    public async Task OpenCall_ShowsWhatAnApplicantNeeds_WithItsJsonLd(DatabaseProvider provider)
    {
        var app = await apps.AppAsync(provider);
        var call = await CallSteps.CallAsync(app, fields:
        [
            CallSteps.Field("Nom du projet", FieldVisibility.Public),
            CallSteps.Field("Établissement scolaire", FieldVisibility.HiddenFromJury, order: 2),
        ]);

        var (response, page) = await app.CreateBrowserlessClient().GetPageAsync("/appels/" + call.Slug);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Candidatures ouvertes", page.Text("#phase"));
        Assert.Equal($"/appels/{call.Slug}/candidater", page.QuerySelector("#candidater")!.GetAttribute("href"));
        Assert.Contains("de 11 à 25 ans", page.Text("#public"), StringComparison.Ordinal);
        Assert.Contains("Établissement scolaire", page.Text("#liste-questions"), StringComparison.Ordinal);
        Assert.Contains("(heure de Paris)", page.Text("#dates"), StringComparison.Ordinal);
        // The Markdown is rendered, and its raw HTML is not.
        Assert.NotNull(page.QuerySelector("#texte-appel strong"));
        Assert.Null(page.QuerySelector("#texte-appel script"));
        using var json = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent);
        var root = json.RootElement;
        Assert.Equal("https://schema.org", root.GetProperty("@context").GetString());
        Assert.Equal("CreativeWork", root.GetProperty("@type").GetString());
        Assert.Equal(call.Title, root.GetProperty("name").GetString());
        Assert.Equal($"{EscaleAppFactory.BaseUrl}/appels/{call.Slug}", root.GetProperty("url").GetString());
        Assert.Equal(call.ClosesAt.ToUnixTimeSeconds(), DateTimeOffset.Parse(root.GetProperty("expires").GetString()!, System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeSeconds());
        Assert.Equal(11, root.GetProperty("audience").GetProperty("suggestedMinAge").GetInt32());
    }

    [Theory, EveryDatabase]
    public async Task CallInEvaluation_OffersNoWayToApply(DatabaseProvider provider)
    {
        var app = await apps.AppAsync(provider);
        var call = await CallSteps.CallAsync(app);
        await app.WithDbAsync(async db =>
        {
            var stored = await db.Calls.FindAsync(call.Id);
            stored!.ClosesAt = DateTimeOffset.UtcNow.AddHours(-1);
            return await db.SaveChangesAsync();
        });

        var (_, page) = await app.CreateBrowserlessClient().GetPageAsync("/appels/" + call.Slug);

        Assert.Equal("En cours d’évaluation", page.Text("#phase"));
        Assert.Null(page.QuerySelector("#candidater"));
    }
}
