using Escale.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Escale.Tests.Infrastructure;

/// <summary>
/// One application per database provider whose e-mail goes to a <see cref="SmtpSink"/>, with a first administrator
/// from configuration. Shared by the account and back-office tests; each test makes its own users.
/// </summary>
public class MailAppFixture : IAsyncLifetime
{
    public const string AdminEmail = "premier-admin@test.escale";
    public const string Password = "Un-Mot-De-Passe-12";

    private readonly Dictionary<DatabaseProvider, EscaleAppFactory> _apps = [];
    private readonly SemaphoreSlim _lock = new(1, 1);

    public SmtpSink Mail { get; private set; } = null!;

    /// <summary>Settings of this fixture's applications besides the mail server and the first administrator.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    /// <summary>Services of this fixture's applications that replace the application's own (e.g. a fake clock).</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public async Task<EscaleAppFactory> AppAsync(DatabaseProvider provider)
    {
        await _lock.WaitAsync();
        try
        {
            if (!_apps.TryGetValue(provider, out var app))
            {
                var settings = new Dictionary<string, string?>(Settings)
                {
                    ["Smtp:Port"] = Mail.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["Admin:Email"] = AdminEmail,
                    ["Admin:Password"] = Password,
                };
                app = await EscaleAppFactory.CreateAsync(provider, settings, ConfigureServices);
                _ = app.Services;
                _apps[provider] = app;
            }
            return app;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>A user made directly in the database, with a unique address.</summary>
    public static async Task<ApplicationUser> CreateUserAsync(EscaleAppFactory app, bool confirmed = true, params string[] roles)
    {
        await using var scope = app.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var email = $"u-{Guid.NewGuid():N}@test.escale";
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = confirmed, DisplayName = "Personne de test" };
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Code)));
        if (roles.Length > 0)
        {
            await users.AddToRolesAsync(user, roles);
        }
        return user;
    }

    public Task InitializeAsync() => InitializeSinkAsync();

    private async Task InitializeSinkAsync() => Mail = await SmtpSink.StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var app in _apps.Values)
        {
            await app.DisposeAsync();
        }
        await Mail.DisposeAsync();
        _lock.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class AccountsCollection : ICollectionFixture<MailAppFixture>
{
    public const string Name = "Accounts";
}
