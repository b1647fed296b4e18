using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Escale.Core.Opportunities.Search;
using Escale.Core.Welcome.Matching;

namespace Escale.Bench;

/// <summary>
/// Issue 9's matching figures. <c>Escale.Bench matching</c>: BenchmarkDotNet on one household against N opportunities
/// (rotating over 256 households) and on building the prepared index, in process. <c>Escale.Bench rematch</c>: every one
/// of M households matched again, as after an import — total time, each household's p50/p95/p99, peak memory.
/// </summary>
[MemoryDiagnoser]
public class MatchingBench
{
    public const int Seed = 9;

    /// <summary>Set before the run: BenchmarkDotNet creates the instance, in this same process.</summary>
    public static string Root { get; set; } = "";

    public static int Opportunities { get; set; } = 100_000;

    private List<SearchRow> _rows = [];
    private MatchIndex _index = null!;
    private List<HouseholdProfile> _households = [];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var data = new MatchingData(Root);
        _rows = data.Rows(Opportunities, Seed);
        _index = new MatchIndex(_rows);
        _households = data.Households(256, Seed);
    }

    [Benchmark(Description = "one household (2 adults) vs the index")]
    public HouseholdMatches OneHousehold() => HouseholdMatcher.Match(_index, _households[_next++ & 255]);

    [Benchmark(Description = "build the index from the rows")]
    public MatchIndex BuildIndex() => new(_rows);

    public static int Run(string[] args, string root)
    {
        Root = root;
        if (args.Length > 0 && args[0] == "rematch")
        {
            return Rematch(
                args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000,
                args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 100_000,
                root);
        }
        Opportunities = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
        // In process: the bench project also holds the database code, which a generated child project would rebuild.
        var config = ManualConfig.CreateMinimumViable()
            .AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(5).WithIterationCount(20))
            .AddColumn(StatisticColumn.P95, StatisticColumn.Max)
            .WithArtifactsPath(Path.Combine(Path.GetTempPath(), "escale-bench-matching"));
        var summary = BenchmarkRunner.Run<MatchingBench>(config);
        return summary.HasCriticalValidationErrors ? 1 : 0;
    }

    private static int Rematch(int householdCount, int opportunityCount, string root)
    {
        var data = new MatchingData(root);
        var rows = data.Rows(opportunityCount, Seed);
        var households = data.Households(householdCount, Seed + 1);
        var total = Stopwatch.StartNew();
        var index = new MatchIndex(rows);
        var build = total.Elapsed;
        var times = new double[households.Count];
        long strong = 0, matches = 0;
        for (var n = 0; n < households.Count; n++)
        {
            var watch = Stopwatch.StartNew();
            var result = HouseholdMatcher.Match(index, households[n]);
            times[n] = watch.Elapsed.TotalMilliseconds;
            foreach (var match in result.All)
            {
                matches++;
                strong += match.Strong ? 1 : 0;
            }
        }
        total.Stop();
        Array.Sort(times);
        double At(double p) => times[Math.Min(times.Length - 1, (int)Math.Ceiling(p * times.Length) - 1)];
        Process.GetCurrentProcess().Refresh();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"rematch: {householdCount:N0} households against {opportunityCount:N0} opportunities in {total.Elapsed.TotalSeconds:F1} s (index built in {build.TotalMilliseconds:F0} ms), one thread"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"rematch: per household p50 {At(0.50):F2} ms, p95 {At(0.95):F2} ms, p99 {At(0.99):F2} ms, max {times[^1]:F2} ms; {matches:N0} matches, {strong:N0} strong"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"rematch: peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024):N0} MiB, GC heap now {GC.GetTotalMemory(false) / (1024 * 1024):N0} MiB, allocated {GC.GetTotalAllocatedBytes() / (1024 * 1024):N0} MiB, gen2 collections {GC.CollectionCount(2)}"));
        return 0;
    }
}
