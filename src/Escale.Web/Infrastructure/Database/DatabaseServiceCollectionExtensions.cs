using Escale.Core.Content.Search;
using Escale.Core.Data;
using Escale.Core.Reference;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Escale.Web.Infrastructure.Database;

public static class DatabaseServiceCollectionExtensions
{
    /// <summary>
    /// One switch, <c>Database:Provider</c>, chooses the provider and the migration set that goes with it.
    /// See docs/adr/0001-two-database-providers.md.
    /// </summary>
    public static IServiceCollection AddEscaleDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var provider = configuration["Database:Provider"] ?? DatabaseProviders.Sqlite;
        // Pooled: every request needs a context, and setting a fresh one up was a visible share of an uncached page's time.
        switch (provider)
        {
            case DatabaseProviders.Sqlite:
                var sqlite = SqliteConnectionString(configuration, environment);
                services.AddDbContextPool<EscaleDbContext>((serviceProvider, options) => options.UseSqlite(sqlite,
                    o => o.MigrationsAssembly("Escale.Migrations.Sqlite")).AddInterceptors(Interceptors(serviceProvider)));
                break;
            case DatabaseProviders.Postgres:
                var postgres = configuration.GetConnectionString(DatabaseProviders.Postgres);
                if (string.IsNullOrWhiteSpace(postgres))
                {
                    throw new InvalidOperationException(
                        "Database:Provider is Postgres but ConnectionStrings:Postgres is empty (set ConnectionStrings__Postgres).");
                }
                postgres = WithAutomaticPreparation(postgres);
                services.AddDbContextPool<EscaleDbContext>((serviceProvider, options) => options.UseNpgsql(postgres,
                    o => o.MigrationsAssembly("Escale.Migrations.PostgreSql")).AddInterceptors(Interceptors(serviceProvider)));
                break;
            default:
                throw new InvalidOperationException($"Unknown Database:Provider '{provider}'. Use '{DatabaseProviders.Sqlite}' or '{DatabaseProviders.Postgres}'.");
        }
        services.AddScoped<ReferenceDataLoader>();
        services.AddSingleton<PlaceDataVersion>();
        services.AddSingleton<CallsDataVersion>();
        return services;
    }

    /// <summary>What every save does without the page asking: keep the content search current, stamp UpdatedAt, move the place and calls pages' cache keys.</summary>
    private static IInterceptor[] Interceptors(IServiceProvider services) =>
        [ContentSearchInterceptor.Instance, new UpdatedAtInterceptor(services.GetRequiredService<TimeProvider>()), services.GetRequiredService<PlaceDataVersion>(),
            services.GetRequiredService<CallsDataVersion>()];

    /// <summary>
    /// Statements the application runs again and again are prepared once per connection, so PostgreSQL stops planning
    /// them at every request (planning a page's small queries cost more than running them). A connection string that
    /// sets <c>Max Auto Prepare</c> itself keeps its value.
    /// </summary>
    internal static string WithAutomaticPreparation(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare == 0 && !connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase)
            && !connectionString.Contains("AutoPrepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxAutoPrepare = 100;
            builder.AutoPrepareMinUsages = 2;
        }
        return builder.ConnectionString;
    }

    private static string SqliteConnectionString(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration.GetConnectionString(DatabaseProviders.Sqlite);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }
        var folder = Path.Combine(environment.ContentRootPath, "data");
        Directory.CreateDirectory(folder);
        return $"Data Source={Path.Combine(folder, "escale.db")}";
    }
}
