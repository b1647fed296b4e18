using System.Reflection;
using Escale.Core.Data;
using Escale.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace Escale.Tests.Integration.Database;

/// <summary>Migrations are append-only, one per change for both providers (docs/adr/0009-migrations-are-append-only.md).</summary>
[Collection(IntegrationCollection.Name)]
public sealed class MigrationsTests(AppFixture apps)
{
    private const string HowToFix = "add a migration for both providers with `bash scripts/add-migration.sh NameOfTheChange` "
        + "(never regenerate a migration that has shipped: docs/adr/0009-migrations-are-append-only.md)";

    [Theory, EveryDatabase]
    public async Task Model_HasNoChangeThatNoMigrationHolds(DatabaseProvider provider)
    {
        var app = await apps.AppAsync(provider);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<EscaleDbContext>();

        var pendingChanges = db.Database.HasPendingModelChanges();
        var unapplied = await db.Database.GetPendingMigrationsAsync();

        Assert.False(pendingChanges, $"The model has changes that no {provider} migration holds: {HowToFix}.");
        Assert.Empty(unapplied);
    }

    [Fact]
    public void BothProviders_HaveTheSameMigrations_InTheSameOrder()
    {
        var sqlite = MigrationNames("Escale.Migrations.Sqlite");
        var postgres = MigrationNames("Escale.Migrations.PostgreSql");

        Assert.True(sqlite.SequenceEqual(postgres, StringComparer.Ordinal),
            $"SQLite has [{string.Join(", ", sqlite)}], PostgreSQL has [{string.Join(", ", postgres)}]: {HowToFix}.");
    }

    /// <summary>Migration ids are "yyyyMMddHHmmss_Name"; the names, in id order, must match across providers.</summary>
    private static List<string> MigrationNames(string assembly) =>
        [.. Assembly.Load(assembly).GetTypes()
            .Select(type => type.GetCustomAttribute<MigrationAttribute>()?.Id)
            .OfType<string>()
            .Order(StringComparer.Ordinal)
            .Select(id => id[(id.IndexOf('_', StringComparison.Ordinal) + 1)..])];
}
