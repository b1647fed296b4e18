using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Escale.Core.Campaigns;
using Escale.Core.Charts;
using Escale.Core.Data;
using Escale.Web.Infrastructure.Localization;
using Escale.Web.Pages.Admin.Contenus;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Admin.Campagnes;

/// <summary>
/// What a campaign brought: visits and attributed contacts (opportunity interests, contact requests, sign-ups) per day, by channel
/// and by link, last-touch and first-touch; visits by utm_source and utm_medium; a chart with its data table, and every table as CSV.
/// </summary>
public sealed class RapportModel(EscaleDbContext db, TimeProvider clock) : PageModel
{
    public sealed record Tick(string Position, string Label);

    /// <summary>Everything the SVG needs, already in pixels.</summary>
    public sealed record DailyChart(ChartFrame Frame, string VisitsPath, string ContactsPath, IReadOnlyList<Tick> DayTicks, IReadOnlyList<Tick> CountTicks);

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public CampaignReport.Result Report { get; private set; } = null!;
    public DailyChart Chart { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        Chart = BuildChart(Report.Days);
        return Page();
    }

    /// <summary>
    /// The report's tables for a spreadsheet, one after the other, each with its own header line and a blank line between
    /// them: per day, per channel, per link, per source and medium. Semicolons, as French spreadsheets expect; a value that
    /// a spreadsheet would take for a formula (a utm_source is typed by anyone) is escaped.
    /// </summary>
    public async Task<IActionResult> OnGetCsvAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ";", NewLine = "\r\n", InjectionOptions = InjectionOptions.Escape };
        await using var text = new StringWriter(CultureInfo.InvariantCulture);
        await using (var csv = new CsvWriter(text, config))
        {
            Section(csv, ["jour", "visites", "contacts_dernier_contact", "contacts_premier_contact"],
                Report.Days.Select(d => new object[] { d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), d.Visits, d.LastTouchContacts, d.FirstTouchContacts }));
            Section(csv, ["canal", "visites", "contacts_dernier_contact", "contacts_premier_contact"],
                Report.ByChannel.Select(r => new object[] { r.Label, r.Visits, r.LastTouchContacts, r.FirstTouchContacts }));
            Section(csv, ["lien", "visites", "contacts_dernier_contact", "contacts_premier_contact"],
                Report.ByLink.Select(r => new object[] { r.Label, r.Visits, r.LastTouchContacts, r.FirstTouchContacts }));
            Section(csv, ["utm_source", "utm_medium", "visites"],
                Report.BySource.Select(r => new object[] { r.Source ?? "", r.Medium ?? "", r.Visits }));
        }
        return File(Encoding.UTF8.GetBytes(text.ToString()), "text/csv; charset=utf-8", $"campagne-{Name}-rapport.csv");
    }

    private static void Section(CsvWriter csv, string[] header, IEnumerable<object[]> rows)
    {
        if (csv.Row > 1)
        {
            csv.NextRecord();
        }
        foreach (var row in rows.Prepend(header))
        {
            foreach (var field in row)
            {
                csv.WriteField(field);
            }
            csv.NextRecord();
        }
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (campaign is null)
        {
            return false;
        }
        Id = id;
        Name = campaign.Slug;
        var slug = campaign.Slug;
        var today = DateOnly.FromDateTime(ParisTime.ToLocal(clock.GetUtcNow()));
        var until = campaign.EndsOn is { } ends && ends < today ? ends : today;
        var since = ParisTime.FromLocal(campaign.StartsOn.ToDateTime(TimeOnly.MinValue));

        var links = await db.CampaignLinks.AsNoTracking().Where(l => l.CampaignId == id).OrderBy(l => l.Id)
            .Select(l => new CampaignReport.Link(l.Id, l.Code, l.Label, l.Channel)).ToListAsync(cancellationToken);
        var visits = (await db.CampaignVisits.AsNoTracking().Where(v => v.CampaignId == id && v.VisitedAt >= since)
                .Select(v => new { v.VisitedAt, v.LinkId, v.Channel, v.Source, v.Medium }).ToListAsync(cancellationToken))
            .Select(v => new CampaignReport.Visit(Day(v.VisitedAt), v.LinkId, v.Channel, v.Source, v.Medium)).ToList();

        // Every place a contact is recorded with the campaign cookies. A prefix match in the database, the exact slug in Build.
        var interests = await db.OpportunityInterests.AsNoTracking()
            .Where(i => i.CreatedAt >= since && (i.CampaignCode!.StartsWith(slug) || i.FirstCampaignCode!.StartsWith(slug)))
            .Select(i => new { i.CreatedAt, i.FirstCampaignCode, i.CampaignCode }).ToListAsync(cancellationToken);
        var requests = await db.TakeoverContactRequests.AsNoTracking()
            .Where(r => r.CreatedAt >= since && (r.CampaignCode!.StartsWith(slug) || r.FirstCampaignCode!.StartsWith(slug)))
            .Select(r => new { r.CreatedAt, r.FirstCampaignCode, r.CampaignCode }).ToListAsync(cancellationToken);
        var accounts = await db.Users.AsNoTracking()
            .Where(u => u.CreatedAt >= since && (u.CampaignCode!.StartsWith(slug) || u.FirstCampaignCode!.StartsWith(slug)))
            .Select(u => new { u.CreatedAt, u.FirstCampaignCode, u.CampaignCode }).ToListAsync(cancellationToken);
        var contacts = interests.Concat(requests).Concat(accounts)
            .Select(c => new CampaignReport.Contact(Day(c.CreatedAt), c.FirstCampaignCode, c.CampaignCode)).ToList();

        Report = CampaignReport.Build(slug, campaign.StartsOn, until, links, visits, contacts);
        return true;
    }

    private static DateOnly Day(DateTimeOffset utc) => DateOnly.FromDateTime(ParisTime.ToLocal(utc));

    /// <summary>Width kept for a day's label ("30 sept." at 12px) and the gap after it.</summary>
    private const double DayLabelWidth = 64;

    private static DailyChart BuildChart(IReadOnlyList<CampaignReport.Day> days)
    {
        var frame = new ChartFrame(Width: 720, Height: 320, MarginLeft: 56, MarginRight: 40, MarginTop: 20, MarginBottom: 40);
        var countTicks = LineChart.CountTicks(days.Max(d => Math.Max(d.Visits, d.LastTouchContacts)), 4);
        var x = new LinearScale(0, Math.Max(1, days.Count - 1), frame.PlotLeft, frame.PlotRight);
        var y = new LinearScale(0, countTicks[^1], frame.PlotBottom, frame.PlotTop);
        var dayTicks = LineChart.LabelledIndexes(days.Count, frame.PlotRight - frame.PlotLeft, DayLabelWidth)
            .Select(i => new Tick(LineChart.Coordinate(x.Map(i)), days[i].Date.ToString("d MMM", CultureInfo.CurrentCulture))).ToList();
        return new DailyChart(
            frame,
            LineChart.Path(days.Select((d, i) => ((double)i, (double)d.Visits)), x, y),
            LineChart.Path(days.Select((d, i) => ((double)i, (double)d.LastTouchContacts)), x, y),
            dayTicks,
            [.. countTicks.Select(t => new Tick(LineChart.Coordinate(y.Map(t)), Formats.Number((int)t)))]);
    }
}
