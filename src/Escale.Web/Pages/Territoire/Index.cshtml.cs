using Escale.Core.Charts;
using Escale.Core.Territories;
using Escale.Web.Infrastructure.Localization;
using Escale.Web.Infrastructure.Territory;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Escale.Web.Pages.Territoire;

/// <summary>The territory in figures, all computed from the imported data so that another territory gets its own.</summary>
public sealed class IndexModel(TerritoryCatalog catalog) : PageModel
{
    public sealed record LegalRow(int Millesime, int InForceYear, int CommuneCount, int MunicipalPopulation, int TotalPopulation);

    public sealed record AgeShares(int Year, string AreaName, double Over60, double Over75, double AgeingIndex);

    public sealed record ChartPoint(int Year, int Total, double ShareOver60);

    public sealed record Tick(string Position, string Label);

    /// <summary>Everything the SVG needs, already in pixels: the view stays free of arithmetic.</summary>
    public sealed record PopulationChart(
        ChartFrame Frame, string TotalPath, string SharePath,
        IReadOnlyList<Tick> YearTicks, IReadOnlyList<Tick> TotalTicks, IReadOnlyList<Tick> ShareTicks,
        IReadOnlyList<ChartPoint> Points);

    public string TerritoryName { get; private set; } = "";
    public IReadOnlyList<LegalRow> Legal { get; private set; } = [];
    public LegalRow? LatestLegal => Legal.Count == 0 ? null : Legal[^1];
    public int CommuneCount { get; private set; }
    public int IntercommunalityCount { get; private set; }
    public int PartlyOutsideCount { get; private set; }
    public int ShrinkingCommunes { get; private set; }
    public int FirstHistoryYear { get; private set; }
    public int LastHistoryYear { get; private set; }
    public AgeShares? Territory { get; private set; }
    public AgeShares? Comparison { get; private set; }
    public AgeShares? FirstYear { get; private set; }
    public PopulationChart? Chart { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // All of it is territory data, kept in memory by the catalog: this page reads nothing per request.
        var snapshot = await catalog.GetAsync(cancellationToken);
        var territory = snapshot.Territory;
        TerritoryName = territory.Name;
        Legal = [.. snapshot.LegalPopulations.Select(l => new LegalRow(l.Millesime, l.InForceYear, l.CommuneCount, l.MunicipalPopulation, l.TotalPopulation))];
        CommuneCount = snapshot.Communes.Count;
        IntercommunalityCount = snapshot.Intercommunalities.Count;
        PartlyOutsideCount = snapshot.Intercommunalities.Count(e => !e.WhollyInTerritory);

        var histories = snapshot.Communes.Select(c => c.History).ToList();
        var years = histories.SelectMany(h => h).Select(p => p.Year).ToList();
        FirstHistoryYear = years.Count == 0 ? 0 : years.Min();
        LastHistoryYear = years.Count == 0 ? 0 : years.Max();
        ShrinkingCommunes = histories.Count(h => h.Count >= 2 && h.MaxBy(p => p.Year)!.Population < h.MinBy(p => p.Year)!.Population);

        var estimates = snapshot.PopulationEstimates;
        var own = estimates.Where(e => e.AreaCode == territory.Code).ToList();
        if (own.Count > 0)
        {
            var latest = own[^1];
            Territory = Shares(latest);
            FirstYear = Shares(own[0]);
            // The comparison area is whatever other area the pack provides for the same year (metropolitan France for the Lot).
            var comparison = estimates.FirstOrDefault(e => e.AreaCode != territory.Code && e.Year == latest.Year);
            Comparison = comparison is null ? null : Shares(comparison);
            Chart = BuildChart(own.Select(e => new ChartPoint(e.Year, e.Total, e.ShareOver60)).ToList());
        }
    }

    private static AgeShares Shares(PopulationEstimate e) =>
        new(e.Year, e.AreaName, e.ShareOver60, e.ShareOver75, e.Under20 == 0 ? 0 : 100.0 * e.Over60 / e.Under20);

    private static PopulationChart BuildChart(List<ChartPoint> points)
    {
        var frame = new ChartFrame(Width: 720, Height: 360, MarginLeft: 80, MarginRight: 56, MarginTop: 20, MarginBottom: 40);
        var firstYear = points[0].Year;
        var lastYear = points[^1].Year;
        // Both axes start at zero: a truncated axis would make a stalled total look like a boom or a collapse.
        var totalTicks = LineChart.NiceTicks(0, points.Max(p => p.Total), 4);
        var shareTicks = LineChart.NiceTicks(0, points.Max(p => p.ShareOver60), 4);
        var x = new LinearScale(firstYear, lastYear, frame.PlotLeft, frame.PlotRight);
        var yTotal = new LinearScale(0, totalTicks[^1], frame.PlotBottom, frame.PlotTop);
        var yShare = new LinearScale(0, shareTicks[^1], frame.PlotBottom, frame.PlotTop);
        var yearTicks = LineChart.NiceTicks(firstYear, lastYear, 8).Where(year => year >= firstYear && year <= lastYear);
        return new PopulationChart(
            frame,
            LineChart.Path(points.Select(p => ((double)p.Year, (double)p.Total)), x, yTotal),
            LineChart.Path(points.Select(p => ((double)p.Year, p.ShareOver60)), x, yShare),
            yearTicks.Select(year => new Tick(LineChart.Coordinate(x.Map(year)), Formats.Year((int)year))).ToList(),
            totalTicks.Select(t => new Tick(LineChart.Coordinate(yTotal.Map(t)), Formats.Number((int)t))).ToList(),
            shareTicks.Select(t => new Tick(LineChart.Coordinate(yShare.Map(t)), Formats.Percent(t, 0))).ToList(),
            points);
    }
}
