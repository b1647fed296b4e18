namespace Escale.Core.Campaigns;

/// <summary>
/// The figures of a campaign's report, from its visits and the contacts attributed to it. Pure: the caller reads the rows
/// and gives the days in the territory's time zone.
/// </summary>
public static class CampaignReport
{
    /// <summary>A visit: its day, the link it came through (null for a UTM visit), and a UTM visit's utm_source and utm_medium.</summary>
    public sealed record Visit(DateOnly Day, int? LinkId, CampaignChannels Channel, string? Source = null, string? Medium = null);

    /// <summary>A contact (interest, sign-up…) and the cookie values it carried: either may point at this campaign.</summary>
    public sealed record Contact(DateOnly Day, string? FirstTouch, string? LastTouch);

    public sealed record Link(int Id, string Code, string Label, CampaignChannels Channel);

    public sealed record Day(DateOnly Date, int Visits, int LastTouchContacts, int FirstTouchContacts);

    public sealed record Row(string Label, int Visits, int LastTouchContacts, int FirstTouchContacts);

    /// <summary>
    /// The UTM visits of one utm_source and utm_medium (null when the address had none). Visits only: the attribution
    /// cookie keeps the campaign and the link, not the source, so contacts cannot be split this way.
    /// </summary>
    public sealed record SourceRow(string? Source, string? Medium, int Visits);

    public sealed record Result(
        IReadOnlyList<Day> Days, IReadOnlyList<Row> ByChannel, IReadOnlyList<Row> ByLink, IReadOnlyList<SourceRow> BySource,
        int Visits, int LastTouchContacts, int FirstTouchContacts);

    /// <summary>At most this many days in the series: a campaign running longer shows its last year.</summary>
    public const int MaxDays = 366;

    public static Result Build(string slug, DateOnly from, DateOnly until, IReadOnlyList<Link> links, IReadOnlyList<Visit> visits, IReadOnlyList<Contact> contacts)
    {
        if (until < from)
        {
            until = from;
        }
        if (until.DayNumber - from.DayNumber >= MaxDays)
        {
            from = until.AddDays(-(MaxDays - 1));
        }
        var last = contacts.Select(c => (c.Day, Touch: Mine(slug, c.LastTouch))).Where(c => c.Touch is not null).ToList();
        var first = contacts.Select(c => (c.Day, Touch: Mine(slug, c.FirstTouch))).Where(c => c.Touch is not null).ToList();

        var days = new List<Day>(until.DayNumber - from.DayNumber + 1);
        var visitsByDay = visits.CountBy(v => v.Day).ToDictionary();
        var lastByDay = last.CountBy(c => c.Day).ToDictionary();
        var firstByDay = first.CountBy(c => c.Day).ToDictionary();
        for (var day = from; day <= until; day = day.AddDays(1))
        {
            days.Add(new Day(day, visitsByDay.GetValueOrDefault(day), lastByDay.GetValueOrDefault(day), firstByDay.GetValueOrDefault(day)));
        }

        var linkById = links.ToDictionary(l => l.Id);
        var linkByCode = links.ToDictionary(l => l.Code);
        CampaignChannels? ChannelOf(CampaignAttribution.Touch touch) =>
            touch.LinkCode is { } code && linkByCode.TryGetValue(code, out var link) ? link.Channel : null;

        var byChannel = CampaignRules.ChannelLabels
            .Select(c => new Row(c.Label,
                visits.Count(v => v.Channel == c.Channel),
                last.Count(t => ChannelOf(t.Touch!) == c.Channel),
                first.Count(t => ChannelOf(t.Touch!) == c.Channel)))
            .Append(new Row("Sans lien court (UTM, lien direct)",
                visits.Count(v => v.Channel == CampaignChannels.None),
                last.Count(t => ChannelOf(t.Touch!) is null),
                first.Count(t => ChannelOf(t.Touch!) is null)))
            .Where(r => r.Visits + r.LastTouchContacts + r.FirstTouchContacts > 0)
            .ToList();

        var byLink = links
            .Select(l => new Row($"{l.Label} (/c/{l.Code})",
                visits.Count(v => v.LinkId == l.Id),
                last.Count(t => t.Touch!.LinkCode == l.Code),
                first.Count(t => t.Touch!.LinkCode == l.Code)))
            .ToList();

        var bySource = visits.Where(v => v.LinkId is null)
            .CountBy(v => (v.Source, v.Medium))
            .Select(g => new SourceRow(g.Key.Source, g.Key.Medium, g.Value))
            .OrderByDescending(r => r.Visits).ThenBy(r => r.Source, StringComparer.Ordinal).ThenBy(r => r.Medium, StringComparer.Ordinal)
            .ToList();

        return new Result(days, byChannel, byLink, bySource, visits.Count, last.Count, first.Count);
    }

    private static CampaignAttribution.Touch? Mine(string slug, string? value) =>
        CampaignAttribution.Parse(value) is { } touch && touch.Slug == slug ? touch : null;
}
