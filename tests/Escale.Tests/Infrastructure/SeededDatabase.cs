using Npgsql;

namespace Escale.Tests.Infrastructure;

/// <summary>
/// One migrated and seeded database per provider and test process, which every test application starts from: a copy of
/// the SQLite file, or a PostgreSQL database made with it as TEMPLATE. Migrating and seeding the territory took about
/// three seconds for each of the hundred-odd applications of a run; a copy takes a fraction of that. The application
/// still runs its start-up on the copy (migrations and seeding find nothing to do), so what it starts from is what
/// a fresh database would give it.
/// </summary>
public static class SeededDatabase
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly Dictionary<DatabaseProvider, string> Templates = [];

    /// <summary>A connection string to a new database holding the seeded template's data.</summary>
    /// <param name="templateApp">Makes the application that migrates and seeds the template, given its connection string.</param>
    public static async Task<string> CopyAsync(DatabaseProvider provider, Func<string, EscaleAppFactory> templateApp)
    {
        var template = await TemplateAsync(provider, templateApp);
        return provider switch
        {
            DatabaseProvider.Sqlite => CopyOfSqlite(template),
            DatabaseProvider.Postgres => await TestPostgres.CreateDatabaseAsync(template),
            _ => throw new ArgumentOutOfRangeException(nameof(provider)),
        };
    }

    private static async Task<string> TemplateAsync(DatabaseProvider provider, Func<string, EscaleAppFactory> templateApp)
    {
        await Gate.WaitAsync();
        try
        {
            if (Templates.TryGetValue(provider, out var known))
            {
                return known;
            }
            var connectionString = provider == DatabaseProvider.Sqlite
                ? $"Data Source={Path.Combine(Path.GetTempPath(), "escale-template-" + Guid.NewGuid().ToString("N") + ".db")}"
                : await TestPostgres.CreateDatabaseAsync();
            await using (var app = templateApp(connectionString))
            {
                using var client = app.CreateClient();
                (await client.GetAsync(new Uri("/health", UriKind.Relative))).EnsureSuccessStatusCode();
            }
            var template = provider == DatabaseProvider.Sqlite
                ? connectionString["Data Source=".Length..]
                : new NpgsqlConnectionStringBuilder(connectionString).Database!;
            if (provider == DatabaseProvider.Sqlite)
            {
                AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(template);
            }
            Templates[provider] = template;
            return template;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static string CopyOfSqlite(string template)
    {
        var path = Path.Combine(Path.GetTempPath(), "escale-test-" + Guid.NewGuid().ToString("N") + ".db");
        File.Copy(template, path);
        if (File.Exists(template + "-wal"))
        {
            File.Copy(template + "-wal", path + "-wal"); // pages not yet written back into the file
        }
        return $"Data Source={path}";
    }
}
