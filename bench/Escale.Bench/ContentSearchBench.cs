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

    /// <summary>
    /// The varied corpus's sentences: {0} a first name, {1} and {3} communes of the pack, {2} a ROME occupation label,
    /// {4} and {5} themes. A few everyday words (vie, famille, travail, village) still come back in many items.
    /// </summary>
    private static readonly string[] VariedSentences =
    [
        "Arrivé de {6} il y a {7} ans, {0} exerce comme {2} à {1} et ne regrette rien.",
        "{0} a quitté la ville pour {1} : la vie y est plus calme, et le travail ne manque pas.",
        "À {1}, on parle volontiers de {4} ; à {3}, c'est plutôt {5} qui rassemble.",
        "Le métier de {2} se transmet ici de génération en génération, souvent dans la famille.",
        "Chaque samedi, le marché de {1} réunit producteurs de {4} et amateurs de {5}.",
        "{0} a repris l'atelier d'un ancien {2} de {3}, avec l'aide de la chambre des métiers.",
        "Les écoles de {1} accueillent de nouveaux élèves chaque rentrée, et le bus scolaire dessert {3}.",
        "Pour {0}, le plus beau moment reste la balade du soir entre {1} et {3}, le long de la rivière.",
        "Une association de {1} propose des ateliers de {4} pour les enfants et les retraités.",
        "L'entreprise, installée à {1}, cherche un {2} et forme ses apprentis sur place.",
        "Le village de {3} a rénové son école, sa salle des fêtes et sa bibliothèque.",
        "{0} raconte son premier hiver à {1} : le poêle à bois, les voisins, la soupe partagée.",
        "Le festival de {4} revient chaque été à {1}, avec des bénévoles venus de tout le département.",
        "Les causses autour de {3} se prêtent à la randonnée, au vélo et à l'observation des oiseaux.",
        "Travailler comme {2} dans le Lot, c'est aussi connaître ses clients par leur prénom.",
        "La maison de santé de {1} accueille un nouveau {2}, et la pharmacie a agrandi ses horaires.",
        "Côté {4}, {1} n'a rien à envier aux grandes villes, assure {0}.",
        "La coopérative de {3} vend du {5} et du {4} en circuit court, jusqu'à Toulouse.",
        "Le tiers-lieu de {1} loue des bureaux aux indépendants et organise des soirées sur le {4}.",
        "{0} et sa famille ont trouvé une longère à rénover près de {3}, avec un grand terrain.",
        "Le club de {5} de {1} recrute des joueurs de tous âges, débutants bienvenus.",
        "À la mairie de {3}, on aide les nouveaux arrivants à trouver un logement et un emploi.",
        "Le pont de {1}, la halle et l'église romane attirent les visiteurs toute l'année.",
        "Au printemps, {0} organise une journée portes ouvertes consacrée au {4}.",
        "Le train relie {1} à Paris en cinq heures ; le télétravail fait le reste, dit {0}.",
        "Les artisans de {3} se regroupent pour répondre aux chantiers de rénovation énergétique.",
        "{0} a créé une micro-entreprise de {4} et vend aussi sur le marché de {3}.",
        "Le collège de {1} propose une option {5}, rare dans le département.",
        "La crèche intercommunale ouvre douze places de plus, une bonne nouvelle pour les parents de {1}.",
        "On vient de loin pour la fête du {4} à {3}, qui clôt la saison.",
        "Entre deux vendanges, {0} anime des visites de la cave et parle du {5} avec passion.",
        "Le centre aquatique de {1} rouvre après travaux, avec un bassin pour les bébés nageurs.",
        "La fibre arrive à {3} cette année ; {0} pourra enfin travailler depuis la maison.",
        "Les soirs d'été, le cinéma en plein air de {1} projette des films sur la place.",
        "Un {2} installé à {3} témoigne : la clientèle est fidèle et les délais de paiement courts.",
        "La médiathèque de {1} prête des instruments de musique et des outils de jardinage.",
        "Le refuge de {3} cherche des familles d'accueil et des bénévoles pour le week-end.",
        "{0} a appris le {4} auprès d'un voisin, avant d'en faire son métier.",
        "Les producteurs de {5} de {1} ont obtenu un label qui protège leur savoir-faire.",
        "À {3}, la boulangerie a rouvert grâce à un couple venu de {6}.",
    ];
    private static readonly string[] Themes =
    [
        "jazz", "théâtre", "safran", "truffe", "noix", "fromage de chèvre", "miel", "céramique", "photographie", "rugby",
        "canoë", "escalade", "spéléologie", "astronomie", "vin de Cahors", "melon du Quercy", "agneau fermier", "cirque",
        "danse", "chant choral", "patrimoine roman", "numérique", "robotique", "couture", "menuiserie", "permaculture",
        "apiculture", "cyclisme", "football", "tennis", "pétanque", "échecs", "peinture", "sculpture", "lecture", "cinéma",
        "tricot", "brocante", "foie gras", "cèpes", "poterie", "vélo électrique", "trail", "parapente", "pêche", "yoga",
    ];
    private static readonly string[] Cities = ["Paris", "Lyon", "Bordeaux", "Lille", "Nantes", "Marseille", "Strasbourg", "Rennes", "Bruxelles", "Montréal"];
    private static readonly string[] FirstNames =
    [
        "Claire", "Mathieu", "Inès", "Karim", "Sophie", "Julien", "Nadia", "Pierre", "Léa", "Thomas", "Amandine", "Yanis",
        "Chloé", "Baptiste", "Fatou", "Hugo", "Margaux", "Olivier", "Sarah", "Lucas", "Émilie", "Antoine", "Zoé", "Rachid",
    ];

    /// <summary>Asked of the varied corpus: everyday words, rare ones, communes, trades, themes, several words, nothing.</summary>
    private static readonly string[] VariedQueries =
    [
        "enfants", "ecole", "famille", "travail", "vie", "village", "truffe", "festival de jazz", "randonnée", "médecin",
        "boulangerie", "fibre", "maison", "Cahors", "Figeac", "crèche", "théâtre", "rugby", "numérique", "artisans",
        "marché producteurs", "télétravail", "xylophone", "le la de vin", "reprise atelier", "santé", "patrimoine roman",
        "canoë", "Gramat", "Saint-Céré", "vendanges cave", "apiculture miel", "infirmier", "cuisinier", "comptable",
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
        // "varied" (default): many sentence templates, communes of the pack, ROME occupations, themes. "repeated": the
        // first corpus, a dozen sentences repeated, where most words match two thirds of the items (a stress case).
        var varied = (args.Length > 4 ? args[4] : "varied") != "repeated";
        var queryTexts = varied ? VariedQueries : Queries;

        await using var database = await BenchDatabase.CreateAsync(provider, root);
        var watch = Stopwatch.StartNew();
        await SeedAsync(database, items, events, varied);
        Console.WriteLine($"[{provider}] seeded {items:N0} published items + {events:N0} events ({(varied ? "varied" : "repeated")} text) in {watch.Elapsed.TotalSeconds:F1} s");

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
            Text = queryTexts[i % queryTexts.Length],
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
        var byQuery = queryTexts.ToDictionary(q => q, _ => new List<double>(), StringComparer.Ordinal);
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

        Console.WriteLine($"[{provider}] {"query (worst p95 first)",-28} {"matches",8} {"p50 ms",8} {"p95 ms",8}");
        foreach (var (text, list) in byQuery.OrderByDescending(q => Percentiles(q.Value).P95))
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
    private static async Task SeedAsync(BenchDatabase database, int items, int events, bool varied)
    {
        var random = new Random(46);
        List<int> communes;
        List<string> communeNames;
        List<string> occupations;
        await using (var scope = database.Services.CreateAsyncScope())
        {
            var context = scope.ServiceProvider.GetRequiredService<EscaleDbContext>();
            communes = await context.Communes.Select(c => c.Id).ToListAsync();
            communeNames = await context.Communes.OrderBy(c => c.Id).Select(c => c.Name).ToListAsync();
            occupations = await context.RomeOccupations.OrderBy(r => r.Code).Select(r => r.Label).ToListAsync();
        }
        string Pick(IReadOnlyList<string> values) => values[random.Next(values.Count)];
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
                var person = varied ? Pick(FirstNames) : People[random.Next(People.Length)];
                var place = varied ? Pick(communeNames) : Places[random.Next(Places.Length)];
                var trade = varied ? Pick(occupations) : Trades[random.Next(Trades.Length)];
                var title = type switch
                {
                    ContentType.Event => $"Festival {n} à {place}",
                    ContentType.CompanyStory => $"Une entreprise de {place} qui recrute ({n})",
                    ContentType.QualityOfLife => $"Vivre à {place} : {trade} ({n})",
                    _ => $"{person}, {trade} à {place} ({n})",
                };
                var body = varied
                    ? string.Join(" ", Enumerable.Range(0, 8 + random.Next(10)).Select(_ => string.Format(CultureInfo.InvariantCulture,
                        Pick(VariedSentences), person, place, Pick(occupations).ToLowerInvariant(), Pick(communeNames), Pick(Themes), Pick(Themes),
                        Pick(Cities), random.Next(2, 15))))
                    : string.Join(" ", Enumerable.Range(0, 8 + random.Next(10))
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
