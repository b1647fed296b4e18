using Escale.Core.Data;
using Escale.Core.Reference;
using Escale.Core.Territories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Escale.Bench;

/// <summary>A fresh, migrated database with the Lot and the reference data, on either provider.</summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string? _postgresAdmin;
    private readonly string? _sqlitePath;

    public string Provider { get; }
    public ServiceProvider Services { get; }

    private BenchDatabase(string provider, string connectionString, string? postgresAdmin, string? sqlitePath)
    {
        Provider = provider;
        _postgresAdmin = postgresAdmin;
        _sqlitePath = sqlitePath;
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
        Services = services.BuildServiceProvider();
    }

    public static async Task<BenchDatabase> CreateAsync(string provider, string repositoryRoot)
    {
        BenchDatabase database;
        if (provider == "sqlite")
        {
            var path = Path.Combine(Path.GetTempPath(), $"escale-bench-{Guid.NewGuid():N}.db");
            database = new BenchDatabase(provider, $"Data Source={path}", null, path);
        }
        else
        {
            var admin = Environment.GetEnvironmentVariable("ESCALE_BENCH_POSTGRES")
                ?? throw new InvalidOperationException("ESCALE_BENCH_POSTGRES is not set (bench/opportunities.sh starts a server).");
            var name = "escale_bench_" + Guid.NewGuid().ToString("N")[..10];
            await using (var connection = new NpgsqlConnection(admin))
            {
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
                await command.ExecuteNonQueryAsync();
            }
            database = new BenchDatabase(provider, new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString, admin, null);
        }
        await using var scope = database.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EscaleDbContext>();
        await db.Database.MigrateAsync();
        if (provider == "sqlite")
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
        await new TerritoryImporter(db, TimeProvider.System).ImportAsync(TerritoryPack.Load(Path.Combine(repositoryRoot, "territories", "lot")));
        await new ReferenceDataLoader(db, TimeProvider.System).LoadAsync(Path.Combine(repositoryRoot, "reference"));
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        var connectionString = Services.GetRequiredService<DbContextOptions<EscaleDbContext>>().Extensions
            .OfType<Microsoft.EntityFrameworkCore.Infrastructure.RelationalOptionsExtension>().Single().ConnectionString;
        await Services.DisposeAsync();
        if (_sqlitePath is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { _sqlitePath, _sqlitePath + "-wal", _sqlitePath + "-shm" })
            {
                File.Delete(file);
            }
        }
        else if (_postgresAdmin is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_postgresAdmin);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {new NpgsqlConnectionStringBuilder(connectionString).Database} WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
