namespace Escale.Tests.Infrastructure;

/// <summary>One running application per database provider, shared by the integration tests of a run.</summary>
public sealed class AppFixture : IAsyncLifetime
{
    private readonly Dictionary<DatabaseProvider, EscaleAppFactory> _apps = [];
    private readonly SemaphoreSlim _lock = new(1, 1);

    public async Task<EscaleAppFactory> AppAsync(DatabaseProvider provider)
    {
        await _lock.WaitAsync();
        try
        {
            if (!_apps.TryGetValue(provider, out var app))
            {
                app = await EscaleAppFactory.CreateAsync(provider);
                _ = app.Services; // start it now, so that migration and seeding happen once
                _apps[provider] = app;
            }
            return app;
        }
        finally
        {
            _lock.Release();
        }
    }

    public async Task<HttpClient> ClientAsync(DatabaseProvider provider) => (await AppAsync(provider)).CreateBrowserlessClient();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var app in _apps.Values)
        {
            await app.DisposeAsync();
        }
        _lock.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class IntegrationCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "Integration";
}
