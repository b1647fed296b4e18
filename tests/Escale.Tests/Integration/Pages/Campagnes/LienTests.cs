using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Escale.Core.Campaigns;
using Escale.Tests.Infrastructure;
using Escale.Tests.Integration.Pages.Admin.Campagnes;
using Escale.Tests.Integration.Pages.Offres;
using Microsoft.EntityFrameworkCore;

namespace Escale.Tests.Integration.Pages.Campagnes;

/// <summary>Tracked links /c/{code}, UTM visits, and the attribution cookies they leave.</summary>
[Collection(AccountsCollection.Name)]
public sealed class LienTests(MailAppFixture fixture)
{
    [Theory, EveryDatabase]
    public async Task ShortLink_RedirectsToTheLandingPage_RecordsTheVisit_AndSetsBothCookies(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var campaign = await CampaignSteps.ArrangeAsync(app);
        var client = CampaignSteps.Visitor(app);

        var response = await client.GetAsync(new Uri("/c/" + campaign.Code.ToUpperInvariant(), UriKind.Relative));
        var (landing, page) = await client.GetPageAsync(response.Headers.Location!.OriginalString);
        var visit = await app.WithDbAsync(db => db.CampaignVisits.AsNoTracking().SingleAsync(v => v.CampaignId == campaign.Id));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/decouvrir/" + campaign.LandingSlug, response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, landing.StatusCode);
        Assert.Equal("Vivre dans le Lot", page.Text("h1"));
        Assert.Equal((CampaignChannels.Poster, "/decouvrir/" + campaign.LandingSlug), (visit.Channel, visit.LandingPath));
        Assert.NotNull(visit.LinkId);
        var last = CampaignSteps.SetCookie(response, "escale_campagne");
        var first = CampaignSteps.SetCookie(response, "escale_campagne_premiere");
        Assert.StartsWith($"escale_campagne={campaign.Slug}_{campaign.Code};", last, StringComparison.Ordinal);
        Assert.StartsWith($"escale_campagne_premiere={campaign.Slug}_{campaign.Code};", first, StringComparison.Ordinal);
        Assert.All(new[] { last!, first! }, cookie =>
        {
            Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("expires=", cookie, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Theory, EveryDatabase]
    public async Task UtmParameters_OnAnyPublicPage_RecordTheVisit(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var campaign = await CampaignSteps.ArrangeAsync(app);
        var client = CampaignSteps.Visitor(app);

        var response = await client.GetAsync(new Uri($"/recits?utm_campaign={campaign.Slug}&utm_source=ouest-france&utm_medium=presse", UriKind.Relative));
        var visit = await app.WithDbAsync(db => db.CampaignVisits.AsNoTracking().SingleAsync(v => v.CampaignId == campaign.Id));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("ouest-france", "presse", "/recits", (int?)null), (visit.Source, visit.Medium, visit.LandingPath, visit.LinkId));
        Assert.StartsWith($"escale_campagne={campaign.Slug};", CampaignSteps.SetCookie(response, "escale_campagne"), StringComparison.Ordinal);
    }

    [Theory, EveryDatabase]
    public async Task SecondCampaign_KeepsTheFirstTouch_AndOverwritesTheLastTouch(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var winter = await CampaignSteps.ArrangeAsync(app);
        var fair = await CampaignSteps.ArrangeAsync(app);
        var client = CampaignSteps.Visitor(app);

        await client.GetAsync(new Uri("/c/" + winter.Code, UriKind.Relative));
        var second = await client.GetAsync(new Uri($"/?utm_campaign={fair.Slug}", UriKind.Relative));

        Assert.StartsWith($"escale_campagne={fair.Slug};", CampaignSteps.SetCookie(second, "escale_campagne"), StringComparison.Ordinal);
        Assert.StartsWith($"escale_campagne_premiere={winter.Slug}_{winter.Code};", CampaignSteps.SetCookie(second, "escale_campagne_premiere"), StringComparison.Ordinal);
    }

    [Theory, EveryDatabase]
    public async Task UnknownCode_ShowsTheNotFoundPage(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);

        var (response, page) = await CampaignSteps.Visitor(app).GetPageAsync("/c/zzzzzzz");
        var (odd, _) = await CampaignSteps.Visitor(app).GetPageAsync("/c/%2F%2Fevil.example");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotNull(page.QuerySelector("h1"));
        Assert.Equal(HttpStatusCode.NotFound, odd.StatusCode);
    }

    [Fact]
    public async Task Robot_FollowsTheLink_ButIsNotCounted()
    {
        var app = await fixture.AppAsync(DatabaseProvider.Sqlite);
        var campaign = await CampaignSteps.ArrangeAsync(app);
        var robot = app.CreateBrowserlessClient();
        robot.DefaultRequestHeaders.UserAgent.ParseAdd("facebookexternalhit/1.1");

        var response = await robot.GetAsync(new Uri("/c/" + campaign.Code, UriKind.Relative));
        var visits = await app.WithDbAsync(db => db.CampaignVisits.CountAsync(v => v.CampaignId == campaign.Id));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(0, visits);
        Assert.Null(CampaignSteps.SetCookie(response, "escale_campagne"));
    }

    [Theory, EveryDatabase]
    public async Task Interest_AfterTwoCampaigns_IsAttributedToBoth_FirstAndLastTouch(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var winter = await CampaignSteps.ArrangeAsync(app);
        var fair = await CampaignSteps.ArrangeAsync(app);
        var opportunity = await OpportunityData.AddAsync(app, "Infirmier de nuit");
        var client = CampaignSteps.Visitor(app);
        var email = $"alex-{Guid.NewGuid():N}@test.escale";

        await client.GetAsync(new Uri("/c/" + winter.Code, UriKind.Relative));
        await client.GetAsync(new Uri("/c/" + fair.Code, UriKind.Relative));
        var form = (await client.GetPageAsync($"/offres/{opportunity}/infirmier-de-nuit")).Page.QuerySelector<IHtmlFormElement>(".interest form")!;
        var sent = await client.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.Name"] = "Alex", ["Input.Email"] = email, ["Input.Consent"] = "true",
        });
        var interest = await app.WithDbAsync(db => db.OpportunityInterests.AsNoTracking().SingleAsync(i => i.Email == email));

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal(($"{winter.Slug}_{winter.Code}", $"{fair.Slug}_{fair.Code}"), (interest.FirstCampaignCode, interest.CampaignCode));
    }
}
