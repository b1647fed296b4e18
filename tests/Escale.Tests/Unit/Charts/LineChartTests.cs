using System.Globalization;
using Escale.Core.Charts;

namespace Escale.Tests.Unit.Charts;

public sealed class LineChartTests
{
    [Fact]
    public void NiceTicks_FromZeroToPopulation_UsesRoundSteps()
    {
        var ticks = LineChart.NiceTicks(0, 176_473, 4);

        Assert.Equal([0, 50_000, 100_000, 150_000, 200_000], ticks);
    }

    [Fact]
    public void NiceTicks_Percentages_CoverTheMaximum()
    {
        var ticks = LineChart.NiceTicks(0, 39.2, 5);

        Assert.Equal([0, 10, 20, 30, 40], ticks);
    }

    [Fact]
    public void NiceTicks_DecimalSteps_HaveNoFloatingPointDrift()
    {
        var ticks = LineChart.NiceTicks(0, 0.3, 3);

        Assert.Equal([0, 0.1, 0.2, 0.3], ticks);
    }

    [Fact]
    public void NiceTicks_EqualBounds_StillGiveAnInterval()
    {
        var ticks = LineChart.NiceTicks(5, 5, 4);

        Assert.True(ticks.Count >= 2);
        Assert.True(ticks[0] <= 5 && ticks[^1] >= 5);
    }

    [Theory]
    [InlineData(0, new double[] { 0, 1 })]
    [InlineData(1, new double[] { 0, 1 })]
    [InlineData(3, new double[] { 0, 1, 2, 3 })]
    [InlineData(7, new double[] { 0, 2, 4, 6, 8 })]
    [InlineData(10, new double[] { 0, 2, 4, 6, 8, 10 })]
    [InlineData(230, new double[] { 0, 100, 200, 300 })]
    public void CountTicks_AreWholeNumbersFromZero_UpToAtLeastOne(int max, double[] expected)
    {
        Assert.Equal(expected, LineChart.CountTicks(max, 4));
    }

    [Fact]
    public void LabelledIndexes_FewPoints_LabelsEveryPointOnce()
    {
        Assert.Equal([0, 1, 2], LineChart.LabelledIndexes(3, 640, 64));
        Assert.Equal([0], LineChart.LabelledIndexes(1, 640, 64));
    }

    [Fact]
    public void LabelledIndexes_ManyPoints_LabelsEveryNthSoLabelsDoNotOverlap()
    {
        var indexes = LineChart.LabelledIndexes(90, 640, 64);

        var spacing = 640.0 / 89;
        Assert.Equal(0, indexes[0]);
        Assert.All(indexes.Zip(indexes.Skip(1)), pair => Assert.True((pair.Second - pair.First) * spacing >= 64));
        Assert.Equal(indexes.Count, indexes.Distinct().Count());
        Assert.True(indexes.Count >= 8);
    }

    [Fact]
    public void LinearScale_InvertedRange_MapsTopValueToTopPixel()
    {
        var y = new LinearScale(0, 100, 200, 20);

        Assert.Equal(200, y.Map(0));
        Assert.Equal(20, y.Map(100));
        Assert.Equal(110, y.Map(50));
    }

    [Fact]
    public void LinearScale_EmptyDomain_MapsToTheMiddle()
    {
        var x = new LinearScale(2021, 2021, 0, 100);

        Assert.Equal(50, x.Map(2021));
    }

    [Fact]
    public void Path_WritesMoveThenLines_WithInvariantDecimals()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("fr-FR");
        try
        {
            var path = LineChart.Path([(0, 0), (1, 50), (2, 100)], new LinearScale(0, 2, 10, 30), new LinearScale(0, 100, 100.25, 0));

            Assert.Equal("M10,100.3 L20,50.1 L30,0", path);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Path_NoPoints_IsEmpty() =>
        Assert.Equal("", LineChart.Path([], new LinearScale(0, 1, 0, 1), new LinearScale(0, 1, 0, 1)));
}
