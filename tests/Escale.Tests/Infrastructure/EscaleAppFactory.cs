using Escale.Core.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Escale.Tests.Infrastructure;

/// <summary>The whole application on a database of its own (a temporary SQLite file or a fresh PostgreSQL database).</summary>
public sealed class EscaleAppFactory : WebApplicationFactory<Program>
{
    private readonly string _connectionString;
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;
    private readonly string _mediaFolder = Path.Combine(Path.GetTempPath(), "escale-media-" + Guid.NewGuid().ToString("N"));

    /// <summary>The <c>Site:BaseUrl</c> every absolute link of a test application starts with (unless a test gives its own).</summary>
    public const string BaseUrl = "http://localhost:5080";

    public DatabaseProvider Provider { get; }

    private EscaleAppFactory(DatabaseProvider provider, string connectionString, Dictionary<string, string?> settings, Action<IServiceCollection>? services)
    {
        Provider = provider;
        _connectionString = connectionString;
        _settings = settings;
        _services = services;
    }

    /// <param name="services">Replacements registered after the application's own (e.g. a <c>FakeTimeProvider</c>).</param>
    public static async Task<EscaleAppFactory> CreateAsync(DatabaseProvider provider, IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        var connectionString = await SeededDatabase.CopyAsync(provider,
            template => new EscaleAppFactory(provider, template, [], null) { _keepsDatabase = true });
        return new EscaleAppFactory(provider, connectionString, new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()), services);
    }

    /// <summary>The template's application: started once to migrate and seed its database, which outlives it.</summary>
    private bool _keepsDatabase;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Outside Development the site refuses to start without its public address and its host names.
        builder.UseSetting("Site:BaseUrl", BaseUrl);
        builder.UseSetting("AllowedHosts", "localhost;127.0.0.1");
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting($"ConnectionStrings:{Provider}", _connectionString);
        builder.UseSetting("RateLimiting:PostsPerMinute", "10000");
        builder.UseSetting("Search:FreshnessMilliseconds", "0"); // a test sees its own writes at once
        builder.UseSetting("Content:FreshnessMilliseconds", "0"); // the same for the content listings and cached pages
        builder.UseSetting("Jobs:Enabled", "false"); // tests run jobs themselves, at the time they choose
        builder.UseSetting("Media:Folder", _mediaFolder); // uploads stay out of the source tree
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        if (_services is not null)
        {
            builder.ConfigureTestServices(_services);
        }
    }

    public HttpClient CreateBrowserlessClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A scope for arranging data or asserting on it directly in the database.</summary>
    public AsyncServiceScope Scope() => Services.CreateAsyncScope();

    public async Task<T> WithDbAsync<T>(Func<EscaleDbContext, Task<T>> action)
    {
        await using var scope = Scope();
        return await action(scope.ServiceProvider.GetRequiredService<EscaleDbContext>());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_keepsDatabase)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Npgsql.NpgsqlConnection.ClearAllPools();
        }
        else if (Provider == DatabaseProvider.Postgres)
        {
            await TestPostgres.DropDatabaseAsync(_connectionString);
        }
        else
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            var path = _connectionString["Data Source=".Length..];
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(file);
            }
        }
        if (Directory.Exists(_mediaFolder))
        {
            Directory.Delete(_mediaFolder, recursive: true);
        }
        GC.SuppressFinalize(this);
    }
}
