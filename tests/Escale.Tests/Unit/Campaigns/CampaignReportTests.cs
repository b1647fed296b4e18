using Escale.Core.Campaigns;

namespace Escale.Tests.Unit.Campaigns;

public sealed class CampaignReportTests
{
    private static readonly DateOnly Monday = new(2026, 3, 2);
    private static readonly CampaignReport.Link Poster = new(1, "k7pq3xm", "Affiche gare", CampaignChannels.Poster);
    private static readonly CampaignReport.Link Radio = new(2, "r4dh2zx", "Spot radio", CampaignChannels.Radio);

    private static CampaignReport.Result Build(IReadOnlyList<CampaignReport.Visit> visits, IReadOnlyList<CampaignReport.Contact> contacts) =>
        CampaignReport.Build("salon-2026", Monday, Monday.AddDays(2), [Poster, Radio], visits, contacts);

    [Fact]
    public void Build_CountsVisitsPerDay_WithEmptyDaysAsZero()
    {
        var report = Build(
            [new(Monday, 1, CampaignChannels.Poster), new(Monday, 2, CampaignChannels.Radio), new(Monday.AddDays(2), null, CampaignChannels.None)],
            []);

        Assert.Equal([2, 0, 1], report.Days.Select(d => d.Visits));
        Assert.Equal([Monday, Monday.AddDays(1), Monday.AddDays(2)], report.Days.Select(d => d.Date));
        Assert.Equal(3, report.Visits);
    }

    [Fact]
    public void Build_CountsFirstAndLastTouchContactsSeparately_AndIgnoresOtherCampaigns()
    {
        var report = Build([], [
            new(Monday, "salon-2026_k7pq3xm", "salon-2026_k7pq3xm"),     // both touches
            new(Monday.AddDays(1), "salon-2026_k7pq3xm", "affiches-hiver"), // first touch only
            new(Monday.AddDays(1), "affiches-hiver", "salon-2026"),        // last touch only, through UTM
            new(Monday.AddDays(1), "salon-2026-bis", "salon-2026-bis"),    // another campaign sharing the prefix
        ]);

        Assert.Equal([1, 1, 0], report.Days.Select(d => d.LastTouchContacts));
        Assert.Equal([1, 1, 0], report.Days.Select(d => d.FirstTouchContacts));
        Assert.Equal((2, 2), (report.LastTouchContacts, report.FirstTouchContacts));
    }

    [Fact]
    public void Build_ByChannelAndByLink_AttributesContactsThroughTheLinkCode()
    {
        var report = Build(
            [new(Monday, 1, CampaignChannels.Poster), new(Monday, 1, CampaignChannels.Poster), new(Monday, null, CampaignChannels.None)],
            [new(Monday, "salon-2026_k7pq3xm", "salon-2026_k7pq3xm"), new(Monday, "salon-2026", "salon-2026")]);

        Assert.Equal(
            [new("Affichage", 2, 1, 1), new("Sans lien court (UTM, lien direct)", 1, 1, 1)],
            report.ByChannel);
        Assert.Equal(
            [new("Affiche gare (/c/k7pq3xm)", 2, 1, 1), new("Spot radio (/c/r4dh2zx)", 0, 0, 0)],
            report.ByLink);
    }

    [Fact]
    public void Build_BySource_CountsTheUtmVisitsPerSourceAndMedium_MostVisitedFirst()
    {
        var report = Build(
            [
                new(Monday, null, CampaignChannels.None, "ouest-france", "banniere"),
                new(Monday, null, CampaignChannels.None, "lettre", "email"),
                new(Monday.AddDays(1), null, CampaignChannels.None, "lettre", "email"),
                new(Monday, null, CampaignChannels.None),
                new(Monday, 1, CampaignChannels.Poster),
            ],
            []);

        Assert.Equal(
            [new("lettre", "email", 2), new(null, null, 1), new("ouest-france", "banniere", 1)],
            report.BySource);
    }

    [Fact]
    public void Build_LongCampaign_KeepsItsLastYear()
    {
        var report = CampaignReport.Build("salon-2026", Monday, Monday.AddDays(999), [], [], []);

        Assert.Equal(CampaignReport.MaxDays, report.Days.Count);
        Assert.Equal(Monday.AddDays(999), report.Days[^1].Date);
    }
}
