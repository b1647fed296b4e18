using System.Diagnostics;
using System.Globalization;
using Escale.Bench;
using Escale.Core.Data;
using Escale.Core.Opportunities;
using Escale.Core.Opportunities.Import;
using Escale.Core.Opportunities.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

if (args.Length > 0 && args[0] == "content-search")
{
    return await ContentSearchBench.RunAsync(args[1..], FindRoot());
}
if (args.Length > 0 && args[0] is "matching" or "rematch")
{
    return MatchingBench.Run(args, FindRoot());
}

// Usage: Escale.Bench <sqlite|postgres> [opportunities=100000] [queries=2000]
//    or: Escale.Bench matching [opportunities=100000]   |   Escale.Bench rematch [households=10000] [opportunities=100000]   (bench/matching.sh)
//    or: Escale.Bench stories-seed <sqlite|postgres> <connection string> <stories> <events> <paths file>   (bench/stories.sh)
// Imports a generated France Travail file of N opportunities twice (timing, peak memory, and that the second
// import changes nothing), then measures faceted search with counts against a primary-key lookup, in
// the same process and the same run.
if (args.Length == 6 && args[0] == "stories-seed")
{
    return await StoriesSeed.RunAsync(args[1], args[2], int.Parse(args[3], CultureInfo.InvariantCulture),
        int.Parse(args[4], CultureInfo.InvariantCulture), args[5], FindRoot());
}
var provider = args.Length > 0 ? args[0] : "sqlite";
var opportunities = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
var queries = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 2_000;
var root = FindRoot();

await using var database = await BenchDatabase.CreateAsync(provider, root);
List<(string Insee, string PostalCode, int Population)> communes;
List<(string Code, string Label)> occupations;
await using (var scope = database.Services.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<EscaleDbContext>();
    communes = (await db.Communes.Select(c => new { c.InseeCode, c.PostalCodes, c.Population }).ToListAsync())
        .Select(c => (c.InseeCode, c.PostalCodes.Split(';')[0], c.Population)).ToList();
    occupations = (await db.RomeOccupations.OrderBy(r => r.Code).Select(r => new { r.Code, r.Label }).ToListAsync())
        .Select(r => (r.Code, r.Label)).ToList();
}
var file = Path.Combine(Path.GetTempPath(), $"escale-bench-ft-{opportunities}.json");
FranceTravailFile.Write(file, opportunities, communes, occupations, seed: 46);
Console.WriteLine($"[{provider}] file: {opportunities:N0} opportunities, {new FileInfo(file).Length / (1024.0 * 1024):F1} MiB");

var first = await TimeImportAsync("first import ");
var second = await TimeImportAsync("second import");
if (second.Created + second.Updated + second.Withdrawn != 0 || second.Unchanged != opportunities)
{
    Console.WriteLine($"[{provider}] FAILED: the second import changed something");
    return 1;
}
File.Delete(file);

// Search as a request runs it: the stamp check that keeps the index current (at most every 500 ms, as
// configured by default; a second pass checks on every query), then the in-memory search with all facet counts.
using var search = new OpportunitySearch(database.Services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System);
using var checkingSearch = new OpportunitySearch(database.Services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System, TimeSpan.Zero);
await checkingSearch.IndexAsync();
var load = Stopwatch.StartNew();
var index = await search.IndexAsync();
Console.WriteLine($"[{provider}] search index load: {load.ElapsedMilliseconds} ms for {index.Count:N0} offers");
int[] ids;
List<int> epcis;
List<string> domains;
List<(double, double)> centres;
await using (var scope = database.Services.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<EscaleDbContext>();
    ids = await db.Opportunities.Select(o => o.Id).ToArrayAsync();
    epcis = await db.Intercommunalities.Select(e => e.Id).ToListAsync();
    domains = await db.Opportunities.Select(o => o.RomeDomainCode!).Distinct().ToListAsync();
    centres = (await db.Communes.Select(c => new { c.Latitude, c.Longitude }).ToListAsync()).Select(c => (c.Latitude, c.Longitude)).ToList();
}
string[] words = ["agent", "technicien", "infirmier", "conducteur", "responsable", "vendeur", "cuisinier", "ingenieur"];
var random = new Random(7);
SearchQuery RandomQuery() => new()
{
    Kind = random.Next(4) == 0 ? OpportunityKind.Job : null,
    Contract = random.Next(3) == 0 ? (ContractType)random.Next(6) : null,
    IntercommunalityId = random.Next(3) == 0 ? epcis[random.Next(epcis.Count)] : null,
    Domain = random.Next(3) == 0 ? domains[random.Next(domains.Count)] : null,
    Text = random.Next(3) == 0 ? words[random.Next(words.Length)] : null,
    Centre = random.Next(4) == 0 ? centres[random.Next(centres.Count)] : null,
    RadiusKm = 20,
    SalaryAtLeast = random.Next(4) == 0 ? SearchIndex.SalaryThresholds[random.Next(SearchIndex.SalaryThresholds.Length)] : null,
    Sort = (SearchSort)random.Next(2),
    Page = 1 + random.Next(3),
};

var searchTimes = new List<double>(queries);
var checkingTimes = new List<double>(queries);
var lookupTimes = new List<double>(queries);
for (var warm = 0; warm < 100; warm++)
{
    (await search.IndexAsync()).Search(RandomQuery(), DateTimeOffset.UtcNow);
    await LookupAsync(ids[random.Next(ids.Length)]);
}
for (var i = 0; i < queries; i++)
{
    var query = RandomQuery();
    var watch = Stopwatch.StartNew();
    var result = (await search.IndexAsync()).Search(query, DateTimeOffset.UtcNow);
    searchTimes.Add(watch.Elapsed.TotalMilliseconds);
    GC.KeepAlive(result);
    watch.Restart();
    result = (await checkingSearch.IndexAsync()).Search(query, DateTimeOffset.UtcNow);
    checkingTimes.Add(watch.Elapsed.TotalMilliseconds);
    var id = ids[random.Next(ids.Length)];
    watch.Restart();
    await LookupAsync(id);
    lookupTimes.Add(watch.Elapsed.TotalMilliseconds);
}
var (s50, s95, s99) = Percentiles(searchTimes);
var (l50, l95, l99) = Percentiles(lookupTimes);
var (c50, c95, c99) = Percentiles(checkingTimes);
Console.WriteLine($"[{provider}] faceted search with counts ({queries:N0} queries over {index.Count:N0} opportunities): p50 {s50:F2} ms, p95 {s95:F2} ms, p99 {s99:F2} ms");
Console.WriteLine($"[{provider}] same, stamp checked on every query:                     p50 {c50:F2} ms, p95 {c95:F2} ms, p99 {c99:F2} ms");
Console.WriteLine($"[{provider}] primary-key lookup (same run):                       p50 {l50:F2} ms, p95 {l95:F2} ms, p99 {l99:F2} ms");
Console.WriteLine($"[{provider}] ratio search / lookup: p50 {s50 / l50:F1}×, p95 {s95 / l95:F1}× (stamp on every query: p50 {c50 / l50:F1}×, p95 {c95 / l95:F1}×)");
return 0;

async Task<ImportReport> TimeImportAsync(string label)
{
    await using var scope = database.Services.CreateAsyncScope();
    var importer = new OpportunityImporter(scope.ServiceProvider.GetRequiredService<EscaleDbContext>(), TimeProvider.System);
    await using var stream = File.OpenRead(file);
    var watch = Stopwatch.StartNew();
    var report = await importer.ImportAsync(ImportFormat.FranceTravail, stream);
    watch.Stop();
    Process.GetCurrentProcess().Refresh();
    Console.WriteLine($"[{provider}] {label}: {watch.Elapsed.TotalSeconds:F1} s — created {report.Created:N0}, updated {report.Updated:N0}, unchanged {report.Unchanged:N0}, withdrawn {report.Withdrawn:N0}, errors {report.Errors.Count}; peak working set so far {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024):N0} MiB");
    if (!report.Succeeded)
    {
        foreach (var error in report.Errors.Take(10))
        {
            Console.WriteLine("  " + error);
        }
    }
    return report;
}

async Task LookupAsync(int id)
{
    await using var scope = database.Services.CreateAsyncScope();
    var db = scope.ServiceProvider.GetRequiredService<EscaleDbContext>();
    await db.Opportunities.AsNoTracking().Where(o => o.Id == id).Select(o => new { o.Id, o.Title, o.Status }).FirstAsync();
}

static (double P50, double P95, double P99) Percentiles(List<double> values)
{
    var sorted = values.Order().ToArray();
    double At(double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    return (At(0.50), At(0.95), At(0.99));
}

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Escale.slnx")))
        {
            return dir.FullName;
        }
    }
    throw new DirectoryNotFoundException("Escale.slnx not found");
}
