using System.Globalization;
using System.Text;

namespace Escale.Core.Charts;

/// <summary>Maps a data interval onto a pixel interval (the pixel interval may run backwards, as a y axis does).</summary>
public readonly record struct LinearScale(double DomainMin, double DomainMax, double RangeMin, double RangeMax)
{
    public double Map(double value) =>
        DomainMax == DomainMin
            ? (RangeMin + RangeMax) / 2
            : RangeMin + ((value - DomainMin) / (DomainMax - DomainMin) * (RangeMax - RangeMin));
}

/// <summary>The drawing area of a chart inside its view box, after the margins that hold the axes' labels.</summary>
public sealed record ChartFrame(double Width, double Height, double MarginLeft, double MarginRight, double MarginTop, double MarginBottom)
{
    public double PlotLeft => MarginLeft;
    public double PlotRight => Width - MarginRight;
    public double PlotTop => MarginTop;
    public double PlotBottom => Height - MarginBottom;
}

/// <summary>
/// Pure geometry for the server-rendered SVG charts: round tick values and SVG path data.
/// Coordinates are written with the invariant culture because SVG wants "12.5", never "12,5".
/// </summary>
public static class LineChart
{
    /// <summary>
    /// Round tick values (steps of 1, 2, 2.5 or 5 times a power of ten) covering [min, max] with about
    /// <paramref name="approximateCount"/> intervals. The first tick is at or below min, the last at or above max.
    /// </summary>
    public static IReadOnlyList<double> NiceTicks(double min, double max, int approximateCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(approximateCount, 1);
        if (max < min)
        {
            (min, max) = (max, min);
        }
        if (max == min)
        {
            max = min + 1;
        }
        var step = NiceStep((max - min) / approximateCount);
        var first = Math.Floor(min / step) * step;
        var last = Math.Ceiling(max / step) * step;
        var count = (int)Math.Round((last - first) / step);
        var ticks = new List<double>(count + 1);
        for (var i = 0; i <= count; i++)
        {
            // Multiplying rather than accumulating keeps 0.1 + 0.2 drift out of the labels.
            ticks.Add(Math.Round(first + (i * step), 10));
        }
        return ticks;
    }

    /// <summary>
    /// Ticks for a count axis: whole numbers from 0, a step of 1, 2, 5, 10, 20, 25… and a top of at least 1 and at least
    /// <paramref name="max"/>, so a small or empty series still gets 0, 1, 2… and never 0.5.
    /// </summary>
    public static IReadOnlyList<double> CountTicks(int max, int approximateCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(approximateCount, 1);
        max = Math.Max(1, max);
        // A step of 2.5 becomes 2; anything below 1 becomes 1.
        var step = Math.Max(1, (int)Math.Floor(NiceStep((double)max / approximateCount)));
        var ticks = new List<double> { 0 };
        while (ticks[^1] < max)
        {
            ticks.Add(ticks[^1] + step);
        }
        return ticks;
    }

    /// <summary>
    /// Which of <paramref name="count"/> evenly spaced points get a label so that labels <paramref name="labelWidth"/> wide
    /// do not overlap across <paramref name="width"/>: every Nth point from the first, each point at most once.
    /// </summary>
    public static IReadOnlyList<int> LabelledIndexes(int count, double width, double labelWidth)
    {
        if (count <= 0)
        {
            return [];
        }
        var spacing = count == 1 ? width : width / (count - 1);
        var every = Math.Max(1, (int)Math.Ceiling(labelWidth / spacing));
        return [.. Enumerable.Range(0, count).Where(i => i % every == 0)];
    }

    private static double NiceStep(double rough)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var fraction = rough / magnitude;
        var nice = fraction switch
        {
            <= 1 => 1,
            <= 2 => 2,
            <= 2.5 => 2.5,
            <= 5 => 5,
            _ => 10,
        };
        return nice * magnitude;
    }

    /// <summary>SVG path data ("M x,y L x,y …") through the points, in order; empty when there are none.</summary>
    public static string Path(IEnumerable<(double X, double Y)> points, LinearScale x, LinearScale y)
    {
        var path = new StringBuilder();
        foreach (var (px, py) in points)
        {
            path.Append(path.Length == 0 ? "M" : " L")
                .Append(Coordinate(x.Map(px))).Append(',').Append(Coordinate(y.Map(py)));
        }
        return path.ToString();
    }

    /// <summary>A pixel coordinate for an SVG attribute: invariant culture, at most one decimal.</summary>
    public static string Coordinate(double value) => Math.Round(value, 1, MidpointRounding.AwayFromZero).ToString("0.#", CultureInfo.InvariantCulture);
}
