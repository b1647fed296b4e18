using System.Diagnostics;
using System.Globalization;
using Escale.Core.Content;
using Escale.Core.Content.Search;
using Escale.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Escale.Bench;

/// <summary>
/// Content search speed: seeds N published items and M events of generated French text, builds the index, then
/// measures <see cref="IContentSearch.SearchAsync"/> in process (a new scope per query, as a request has) over a list
/// of varied French queries. Usage: <c>Escale.Bench content-search &lt;sqlite|postgres&gt; [items=10000] [events=2000] [queries=2000]</c>.
/// </summary>
internal static class ContentSearchBench
{
    private static readonly string[] Queries =
    [
        "enfants", "ecole", "vigneron", "truffes", "festival de jazz", "randonnée vallée du Lot", "médecin généraliste",
        "ingénieur logiciel", "boulangerie", "fibre optique", "maison avec jardin", "Cahors", "Figeac", "crèche", "théâtre",
        "rugby", "numérique", "artisans", "agriculteur bio", "marché de producteurs", "télétravail", "famille", "xylophone",
        "le la de vin", "reprise d'entreprise", "concert", "santé", "patrimoine roman", "canoë", "jeunes",
    ];

    private static readonly string[] People = ["Claire", "Mathieu", "Inès", "Karim", "Sophie", "Julien", "Nadia", "Pierre", "Léa", "Thomas"];
    private static readonly string[] Trades =
    [
        "vigneron", "boulangère", "médecin généraliste", "ingénieur logiciel", "institutrice", "menuisier", "agricultrice bio",
        "infirmier", "céramiste", "développeuse web", "fromager", "kinésithérapeute", "architecte", "éleveur de brebis",
    ];
    private static readonly string[] Places = ["Cahors", "Figeac", "Gourdon", "Souillac", "Saint-Céré", "Gramat", "Puy-l'Évêque", "Lalbenque", "Cajarc", "Martel"];
    private static readonly string[] Sentences =
    [
        "Arrivé de Paris il y a trois ans, {0} a trouvé à {1} une qualité de vie qu'il n'imaginait pas.",
        "Les enfants vont à l'école du village, à dix minutes à pied, et la crèche a ouvert l'an dernier.",
        "Le télétravail est possible grâce à la fibre optique, arrivée dans la vallée du Lot en 2024.",
        "Le week-end, randonnée sur les causses, canoë sur le Célé ou marché de producteurs à {1}.",
        "L'entreprise recrute des artisans et des techniciens, et accompagne la reprise d'entreprise.",
        "Le festival de jazz attire chaque été des milliers de visiteurs dans les ruelles de {1}.",
        "La maison avec jardin coûte moins cher qu'un studio en ville, et le patrimoine roman est partout.",
        "Au club de rugby, {0} a rencontré ses premiers amis ; la famille s'est vite sentie chez elle.",
        "Les truffes de Lalbenque, le vin de Cahors et le safran font vivre des exploitations familiales.",
        "Le centre de santé accueille deux nouveaux médecins, et l'hôpital de {1} modernise ses services.",
        "Le numérique avance : tiers-lieux, espaces de coworking et formations pour les jeunes.",
        "Au théâtre comme au concert, la saison culturelle propose une programmation pour tous.",
    ];

    public static async Task<int> RunAsync(string[] args, string root)
    {
        var provider = args.Length > 0 ? args[0] : "sqlite";
        var items = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
        var events = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 2_000;
        var queries = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 2_000;

        await using var database = await BenchDatabase.CreateAsync(provider, root);
        var watch = Stopwatch.StartNew();
        await SeedAsync(database, items, events);
        Console.WriteLine($"[{provider}] seeded {items:N0} published items + {events:N0} events in {watch.Elapsed.TotalSeconds:F1} s");

        await using (var scope = database.Services.CreateAsyncScope())
        {
            var search = ContentSearchEngines.For(scope.ServiceProvider.GetRequiredService<EscaleDbContext>());
            watch.Restart();
            await search.PrepareAsync(); // creates the index and, as it is empty, builds it
            Console.WriteLine($"[{provider}] index built in {watch.Elapsed.TotalSeconds:F1} s");
        }

        var random = new Random(11);
        ContentSearchQuery QueryAt(int i) => new()
        {
            Text = Queries[i % Queries.Length],
            Language = random.Next(5) == 0 ? ContentDraft.English : ContentDraft.French,
            Type = random.Next(4) == 0 ? (ContentType)random.Next(5) : null,
            Page = random.Next(5) == 0 ? 2 : 1,
            Now = DateTimeOffset.UtcNow,
        };
        for (var i = 0; i < 100; i++)
        {
            await SearchAsync(database, QueryAt(i));
        }
        var times = new List<double>(queries);
        var byQuery = Queries.ToDictionary(q => q, _ => new List<double>(), StringComparer.Ordinal);
        var totals = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < queries; i++)
        {
            var query = QueryAt(i);
            watch.Restart();
            var result = await SearchAsync(database, query);
            var elapsed = watch.Elapsed.TotalMilliseconds;
            times.Add(elapsed);
            byQuery[query.Text!].Add(elapsed);
            if (query.Type is null && query.Language == ContentDraft.French)
            {
                totals[query.Text!] = result.Total;
            }
        }

        Console.WriteLine($"[{provider}] {"query",-28} {"matches",8} {"p50 ms",8} {"p95 ms",8}");
        foreach (var (text, list) in byQuery)
        {
            var (p50, p95, _) = Percentiles(list);
            Console.WriteLine($"[{provider}] {text,-28} {(totals.TryGetValue(text, out var t) ? t.ToString("N0", CultureInfo.InvariantCulture) : "-"),8} {p50,8:F2} {p95,8:F2}");
        }
        var (a50, a95, a99) = Percentiles(times);
        Console.WriteLine($"[{provider}] content search, {queries:N0} queries (20 % in English, 25 % with a type, 20 % page 2): p50 {a50:F2} ms, p95 {a95:F2} ms, p99 {a99:F2} ms");
        return 0;
    }

    private static async Task<ContentSearchResult> SearchAsync(BenchDatabase database, ContentSearchQuery query)
    {
        await using var scope = database.Services.CreateAsyncScope();
        return await ContentSearchEngines.For(scope.ServiceProvider.GetRequiredService<EscaleDbContext>()).SearchAsync(query);
    }

    /// <summary>Published items of every type (a third translated into English) and events, in batches.</summary>
    private static async Task SeedAsync(BenchDatabase database, int items, int events)
    {
        var random = new Random(46);
        List<int> communes;
        await using (var scope = database.Services.CreateAsyncScope())
        {
            communes = await scope.ServiceProvider.GetRequiredService<EscaleDbContext>().Communes.Select(c => c.Id).ToListAsync();
        }
        var now = DateTimeOffset.UtcNow;
        ContentType[] types = [ContentType.Portrait, ContentType.CompanyStory, ContentType.QualityOfLife, ContentType.News];
        var total = items + events;
        for (var start = 0; start < total; start += 1_000)
        {
            await using var scope = database.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<EscaleDbContext>();
            for (var n = start; n < Math.Min(total, start + 1_000); n++)
            {
                var type = n < items ? types[n % types.Length] : ContentType.Event;
                var person = People[random.Next(People.Length)];
                var place = Places[random.Next(Places.Length)];
                var trade = Trades[random.Next(Trades.Length)];
                var title = type switch
                {
                    ContentType.Event => $"Festival {n} à {place}",
                    ContentType.CompanyStory => $"Une entreprise de {place} qui recrute ({n})",
                    ContentType.QualityOfLife => $"Vivre à {place} : {trade} ({n})",
                    _ => $"{person}, {trade} à {place} ({n})",
                };
                var body = string.Join(" ", Enumerable.Range(0, 8 + random.Next(10))
                    .Select(_ => string.Format(CultureInfo.InvariantCulture, Sentences[random.Next(Sentences.Length)], person, place)));
                var item = new ContentItem
                {
                    Type = type,
                    Slug = $"bench-{n}",
                    Status = ContentStatus.Published,
                    PublishAt = now.AddDays(-random.Next(700)),
                    PublishedAt = now,
                    CreatedAt = now,
                    UpdatedAt = now,
                    CommuneId = communes[random.Next(communes.Count)],
                    StartsAt = type == ContentType.Event ? now.AddDays(random.Next(-100, 300)) : null,
                    Venue = type == ContentType.Event ? $"Place de la mairie, {place}" : null,
                    Translations = [new ContentTranslation { Language = ContentDraft.French, Title = title, Summary = $"Portrait de {person}, {trade}.", BodyMarkdown = body }],
                };
                if (n % 3 == 0)
                {
                    item.Translations.Add(new ContentTranslation
                    {
                        Language = ContentDraft.English, Title = $"Living in {place} ({n})", Summary = "A new life in the Lot.",
                        BodyMarkdown = "Children walk to the village school; the festival and the rugby club bring families together.",
                    });
                }
                db.ContentItems.Add(item);
            }
            await db.SaveChangesAsync();
        }
    }

    private static (double P50, double P95, double P99) Percentiles(List<double> values)
    {
        var sorted = values.Order().ToArray();
        double At(double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        return (At(0.50), At(0.95), At(0.99));
    }
}
