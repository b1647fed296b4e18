using System.Globalization;
using System.Text;
using Escale.Core.Content;
using Escale.Core.Data;
using Escale.Core.Reference;
using Escale.Core.Territories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Escale.Bench;

/// <summary>
/// Fills a database for bench/stories.sh: the Lot, then N published stories (portraits, company stories, news,
/// quality-of-life pages) and M events, with French texts of realistic length, personas, themes and places, spread
/// over two years. Writes the public paths of the stories to a file, for the load tool to rotate over.
/// </summary>
internal static class StoriesSeed
{
    private static readonly string[] Openings =
    [
        "Installée dans la vallée du Lot depuis trois ans", "Arrivé de Toulouse avec sa famille", "Après quinze ans passés à Paris",
        "Née à Figeac, partie étudier à Bordeaux puis revenue", "Ancien ingénieur dans l’aéronautique", "Avec son associée rencontrée à Cahors",
        "Au cœur du causse de Gramat", "Entre vignes et falaises", "Dans un ancien corps de ferme rénové", "Sur les rives de la Dordogne",
    ];
    private static readonly string[] Middles =
    [
        "a trouvé ici un rythme de vie qu’elle n’imaginait plus possible", "a repris un atelier de menuiserie qui cherchait un successeur",
        "développe une activité de conseil en télétravail grâce à la fibre", "accueille chaque été des centaines de visiteurs",
        "forme des apprentis aux métiers du patrimoine", "emploie désormais douze salariés, tous recrutés dans le département",
        "organise un festival de musique qui réunit toutes les générations", "a ouvert une épicerie coopérative au centre du bourg",
        "soigne les habitants de quatre communes voisines", "transforme les noix et les truffes du causse en produits recherchés",
    ];
    private static readonly string[] Closings =
    [
        "et ne regrette rien.", "et cherche à recruter deux personnes motivées.", "avec le soutien de l’intercommunalité.",
        "tout en gardant du temps pour la randonnée.", "et prépare déjà la saison prochaine.", "grâce à un réseau d’entraide très actif.",
        "et invite les curieux à venir découvrir son travail.", "loin des embouteillages et du stress des métropoles.",
    ];
    private static readonly string[] Words =
    [
        "territoire", "village", "marché", "école", "vallée", "causse", "rivière", "atelier", "entreprise", "association", "famille",
        "logement", "crèche", "médecin", "gare", "vélo", "fibre", "coworking", "vigne", "truffe", "noix", "randonnée", "patrimoine",
        "château", "festival", "concert", "bibliothèque", "piscine", "club", "apprentissage", "artisan", "commerce", "agriculture",
    ];

    public static async Task<int> RunAsync(string provider, string connectionString, int stories, int events, string pathsFile, string root)
    {
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddDbContext<EscaleDbContext>(options =>
        {
            if (provider == "sqlite")
            {
                options.UseSqlite(connectionString, o => o.MigrationsAssembly("Escale.Migrations.Sqlite"));
            }
            else
            {
                options.UseNpgsql(connectionString, o => o.MigrationsAssembly("Escale.Migrations.PostgreSql"));
            }
        });
        await using var provided = services.BuildServiceProvider();
        List<(int Id, int EpciId)> communes;
        List<string> personas;
        await using (var scope = provided.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EscaleDbContext>();
            await db.Database.MigrateAsync();
            if (provider == "sqlite")
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            }
            await new TerritoryImporter(db, TimeProvider.System).ImportAsync(TerritoryPack.Load(Path.Combine(root, "territories", "lot")));
            await new ReferenceDataLoader(db, TimeProvider.System).LoadAsync(Path.Combine(root, "reference"));
            communes = (await db.Communes.Select(c => new { c.Id, c.IntercommunalityId }).ToListAsync()).Select(c => (c.Id, c.IntercommunalityId)).ToList();
            personas = await db.Personas.Select(p => p.Slug).ToListAsync();
        }

        var random = new Random(46);
        var now = DateTimeOffset.UtcNow;
        var themes = Enum.GetValues<ContentTheme>();
        ContentType[] storyTypes = [ContentType.Portrait, ContentType.Portrait, ContentType.CompanyStory, ContentType.News, ContentType.QualityOfLife];
        var paths = new List<string>();
        const int batch = 500;
        for (var start = 0; start < stories + events; start += batch)
        {
            await using var scope = provided.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<EscaleDbContext>();
            for (var i = start; i < Math.Min(start + batch, stories + events); i++)
            {
                var isEvent = i >= stories;
                var type = isEvent ? ContentType.Event : storyTypes[random.Next(storyTypes.Length)];
                var commune = communes[random.Next(communes.Count)];
                var title = Title(random, i);
                var published = now.AddMinutes(-random.Next(2 * 365 * 24 * 60));
                var starts = isEvent ? now.AddHours(random.Next(-30 * 24, 365 * 24)) : (DateTimeOffset?)null;
                var item = new ContentItem
                {
                    Type = type,
                    Slug = Slug.From(title),
                    Status = ContentStatus.Published,
                    PublishAt = published,
                    PublishedAt = published,
                    CreatedAt = published,
                    UpdatedAt = published,
                    Featured = random.Next(50) == 0,
                    CommuneId = random.Next(5) == 0 ? null : commune.Id,
                    IntercommunalityId = commune.EpciId,
                    StartsAt = starts,
                    EndsAt = starts?.AddHours(random.Next(2, 72)),
                    Venue = isEvent ? "Salle des fêtes" : null,
                    Organiser = isEvent ? "Comité des fêtes" : null,
                    Price = isEvent ? (random.Next(2) == 0 ? "Gratuit" : "8 €") : null,
                    Translations = [new ContentTranslation { Language = "fr", Title = title, Summary = Sentence(random) + " " + Sentence(random), BodyMarkdown = Body(random) }],
                    Personas = [.. personas.Where(_ => random.Next(3) == 0).Select(p => new ContentPersona { PersonaSlug = p })],
                    Themes = [.. themes.Where(_ => random.Next(6) == 0).Select(t => new ContentThemeTag { Theme = t })],
                };
                db.ContentItems.Add(item);
                if (type is ContentType.Portrait or ContentType.CompanyStory or ContentType.News)
                {
                    paths.Add("/recits/" + item.Slug);
                }
            }
            await db.SaveChangesAsync();
        }
        await File.WriteAllLinesAsync(pathsFile, paths);
        Console.WriteLine($"[{provider}] seeded {stories:N0} stories and {events:N0} events");
        return 0;
    }

    private static string Title(Random random, int i)
    {
        var opening = Openings[random.Next(Openings.Length)];
        return string.Create(CultureInfo.InvariantCulture, $"{opening}, {Words[random.Next(Words.Length)]} et {Words[random.Next(Words.Length)]} n°{i}");
    }

    private static string Sentence(Random random) =>
        $"{Openings[random.Next(Openings.Length)]}, elle {Middles[random.Next(Middles.Length)]} {Closings[random.Next(Closings.Length)]}";

    /// <summary>About 600 to 900 words in five sections, as a long portrait is.</summary>
    private static string Body(Random random)
    {
        var text = new StringBuilder();
        for (var section = 0; section < 5; section++)
        {
            text.Append("## ").Append(char.ToUpperInvariant(Words[random.Next(Words.Length)][0])).Append(Words[random.Next(Words.Length)].AsSpan(1)).Append("\n\n");
            for (var paragraph = 0; paragraph < 2; paragraph++)
            {
                for (var s = 0; s < 3 + random.Next(3); s++)
                {
                    text.Append(Sentence(random)).Append(' ');
                }
                text.Append("\n\n");
            }
        }
        return text.ToString();
    }
}
