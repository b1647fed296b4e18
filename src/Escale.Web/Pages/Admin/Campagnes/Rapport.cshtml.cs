using System.Globalization;
using System.Text;
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
/// and by link, last-touch and first-touch; a chart with its data table, and the daily figures as CSV.
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

    /// <summary>The daily figures, one line a day, for a spreadsheet (semicolons, as French spreadsheets expect).</summary>
    public async Task<IActionResult> OnGetCsvAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        var csv = new StringBuilder("jour;visites;contacts_dernier_contact;contacts_premier_contact\r\n");
        foreach (var day in Report.Days)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{day.Date:yyyy-MM-dd};{day.Visits};{day.LastTouchContacts};{day.FirstTouchContacts}\r\n");
        }
        return File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", $"campagne-{Name}-par-jour.csv");
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
                .Select(v => new { v.VisitedAt, v.LinkId, v.Channel }).ToListAsync(cancellationToken))
            .Select(v => new CampaignReport.Visit(Day(v.VisitedAt), v.LinkId, v.Channel)).ToList();

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

    private static DailyChart BuildChart(IReadOnlyList<CampaignReport.Day> days)
    {
        var frame = new ChartFrame(Width: 720, Height: 320, MarginLeft: 56, MarginRight: 24, MarginTop: 20, MarginBottom: 40);
        var countTicks = LineChart.NiceTicks(0, Math.Max(1, days.Max(d => Math.Max(d.Visits, d.LastTouchContacts))), 4);
        var x = new LinearScale(0, Math.Max(1, days.Count - 1), frame.PlotLeft, frame.PlotRight);
        var y = new LinearScale(0, countTicks[^1], frame.PlotBottom, frame.PlotTop);
        var dayTicks = LineChart.NiceTicks(0, days.Count - 1, 6).Where(i => i >= 0 && i <= days.Count - 1)
            .Select(i => new Tick(LineChart.Coordinate(x.Map(i)), days[(int)i].Date.ToString("d MMM", CultureInfo.CurrentCulture))).ToList();
        return new DailyChart(
            frame,
            LineChart.Path(days.Select((d, i) => ((double)i, (double)d.Visits)), x, y),
            LineChart.Path(days.Select((d, i) => ((double)i, (double)d.LastTouchContacts)), x, y),
            dayTicks,
            [.. countTicks.Select(t => new Tick(LineChart.Coordinate(y.Map(t)), Formats.Number((int)t)))]);
    }
}
