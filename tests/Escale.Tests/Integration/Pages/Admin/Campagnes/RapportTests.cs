using System.Net;
using AngleSharp.Dom;
using Escale.Core.Campaigns;
using Escale.Core.Opportunities.Interest;
using Escale.Tests.Infrastructure;
using Escale.Tests.Integration.Pages.Admin.Contenus;
using Escale.Tests.Integration.Pages.Offres;
using Escale.Web.Infrastructure.Localization;

namespace Escale.Tests.Integration.Pages.Admin.Campagnes;

[Collection(AccountsCollection.Name)]
public sealed class RapportTests(MailAppFixture fixture)
{
    [Theory, EveryDatabase]
    public async Task Report_CountsVisitsAndContactsPerDayChannelLinkAndSource_AndExportsEveryTable(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        // The report counts days as people in Paris live them: after 23:00 UTC it is already tomorrow there.
        var today = DateOnly.FromDateTime(ParisTime.ToLocal(DateTimeOffset.UtcNow));
        var campaign = await CampaignSteps.ArrangeAsync(app, startsOn: today.AddDays(-10));
        var opportunity = await OpportunityData.AddAsync(app, "Boulanger");
        // Noon UTC is the same day in Paris, whatever the season.
        var twoDaysAgo = new DateTimeOffset(today.AddDays(-2).ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
        var linked = $"{campaign.Slug}_{campaign.Code}";
        await app.WithDbAsync(async db =>
        {
            var link = db.CampaignLinks.Single(l => l.Code == campaign.Code);
            db.CampaignVisits.AddRange(
                new CampaignVisit { CampaignId = campaign.Id, LinkId = link.Id, Channel = CampaignChannels.Poster, VisitedAt = twoDaysAgo, LandingPath = "/decouvrir/x" },
                new CampaignVisit { CampaignId = campaign.Id, LinkId = link.Id, Channel = CampaignChannels.Poster, VisitedAt = twoDaysAgo, LandingPath = "/decouvrir/x" },
                new CampaignVisit { CampaignId = campaign.Id, Channel = CampaignChannels.None, VisitedAt = twoDaysAgo.AddDays(1), LandingPath = "/", Source = "ouest-france", Medium = "banniere" });
            db.OpportunityInterests.AddRange(
                Interest(opportunity, twoDaysAgo, first: linked, last: linked),
                Interest(opportunity, twoDaysAgo.AddDays(1), first: "autre-campagne", last: campaign.Slug),
                Interest(opportunity, twoDaysAgo.AddDays(1), first: campaign.Slug + "-bis", last: campaign.Slug + "-bis"));
            await db.SaveChangesAsync();
            return 0;
        });
        var client = await ContentSteps.EditorAsync(app);

        var (response, page) = await client.GetPageAsync($"/admin/campagnes/{campaign.Id}/rapport");
        var csv = await client.GetAsync(new Uri($"/admin/campagnes/{campaign.Id}/rapport?handler=Csv", UriKind.Relative));
        // One section per table, each with its header line, a blank line between them.
        var sections = (await csv.Content.ReadAsStringAsync()).TrimEnd().Split("\r\n\r\n").Select(s => s.Split("\r\n")).ToList();
        var lines = sections[0];

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("3", "2", "1"), (Html.Digits(page.Text("#rapport-visites")), Html.Digits(page.Text("#rapport-contacts-dernier")), Html.Digits(page.Text("#rapport-contacts-premier"))));
        Assert.NotNull(page.QuerySelector("figure.chart svg[role=img] title"));
        var poster = page.QuerySelectorAll("#rapport-canaux tbody tr").Single(r => r.Text("th") == "Affichage");
        Assert.Equal(["2", "1", "1"], poster.QuerySelectorAll("td").Select(td => td.TextContent.Trim()));
        var link = page.QuerySelectorAll("#rapport-liens tbody tr").Single();
        Assert.Equal(["2", "1", "1"], link.QuerySelectorAll("td").Select(td => td.TextContent.Trim()));
        var source = page.QuerySelectorAll("#rapport-sources tbody tr").Single();
        Assert.Equal(("ouest-france", "banniere", "1"), (source.Text("th"), source.Text("td:nth-of-type(1)"), source.Text("td:nth-of-type(2)")));
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.Equal("jour;visites;contacts_dernier_contact;contacts_premier_contact", lines[0]);
        Assert.Contains($"{DateOnly.FromDateTime(twoDaysAgo.UtcDateTime):yyyy-MM-dd};2;1;1", lines);
        Assert.Contains($"{DateOnly.FromDateTime(twoDaysAgo.UtcDateTime.AddDays(1)):yyyy-MM-dd};1;1;0", lines);
        Assert.Equal(12, lines.Length); // header + the 11 days from the start to today
        Assert.Equal(4, sections.Count);
        Assert.Equal("canal;visites;contacts_dernier_contact;contacts_premier_contact", sections[1][0]);
        Assert.Contains("Affichage;2;1;1", sections[1]);
        Assert.Equal(["lien;visites;contacts_dernier_contact;contacts_premier_contact", $"Affiche gare (/c/{campaign.Code});2;1;1"], sections[2]);
        Assert.Equal(["utm_source;utm_medium;visites", "ouest-france;banniere;1"], sections[3]);
    }

    [Theory, EveryDatabase]
    public async Task Chart_OfAShortQuietCampaign_HasOneLabelPerDayAndWholeCounts(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var today = DateOnly.FromDateTime(ParisTime.ToLocal(DateTimeOffset.UtcNow));
        var campaign = await CampaignSteps.ArrangeAsync(app, startsOn: today.AddDays(-2));
        var client = await ContentSteps.EditorAsync(app);

        var (_, empty) = await client.GetPageAsync($"/admin/campagnes/{campaign.Id}/rapport");
        await app.WithDbAsync(async db =>
        {
            var yesterday = new DateTimeOffset(today.AddDays(-1).ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
            db.CampaignVisits.AddRange(Enumerable.Range(0, 3).Select(_ => new CampaignVisit { CampaignId = campaign.Id, Channel = CampaignChannels.None, VisitedAt = yesterday, LandingPath = "/" }));
            return await db.SaveChangesAsync();
        });
        var (_, three) = await client.GetPageAsync($"/admin/campagnes/{campaign.Id}/rapport");

        Assert.Equal(3, DayLabels(three).Count);
        Assert.Equal(DayLabels(three).Count, DayLabels(three).Distinct().Count());
        Assert.Equal(["0", "1"], CountLabels(empty));
        Assert.Equal(["0", "1", "2", "3"], CountLabels(three));
    }

    [Fact]
    public async Task Chart_OfAQuarter_LabelsEveryFewDaysWithoutRepeatingOne()
    {
        var app = await fixture.AppAsync(DatabaseProvider.Sqlite);
        var today = DateOnly.FromDateTime(ParisTime.ToLocal(DateTimeOffset.UtcNow));
        var campaign = await CampaignSteps.ArrangeAsync(app, startsOn: today.AddDays(-89));
        var client = await ContentSteps.EditorAsync(app);

        var (_, page) = await client.GetPageAsync($"/admin/campagnes/{campaign.Id}/rapport");
        var labels = DayLabels(page);
        var positions = page.QuerySelectorAll("text.tick-day").Select(t => double.Parse(t.GetAttribute("x")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();

        Assert.InRange(labels.Count, 5, 10);
        Assert.Equal(labels.Count, labels.Distinct().Count());
        Assert.All(positions.Zip(positions.Skip(1)), pair => Assert.True(pair.Second - pair.First >= 60, $"labels {pair.First} and {pair.Second} overlap"));
    }

    private static List<string> DayLabels(IParentNode page) => [.. page.QuerySelectorAll("figure.chart text.tick-day").Select(t => t.TextContent.Trim())];

    private static List<string> CountLabels(IParentNode page) => [.. page.QuerySelectorAll("figure.chart text.tick-count").Select(t => t.TextContent.Trim())];

    private static OpportunityInterest Interest(int opportunity, DateTimeOffset at, string first, string last) => new()
    {
        OpportunityId = opportunity, Name = "Sam", Email = $"sam-{Guid.NewGuid():N}@test.escale", ConsentedAt = at, CreatedAt = at,
        Source = OpportunityInterest.OpportunitySource, CampaignCode = last, FirstCampaignCode = first,
    };
}
