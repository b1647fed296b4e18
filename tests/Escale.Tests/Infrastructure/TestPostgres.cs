using Npgsql;

namespace Escale.Tests.Infrastructure;

/// <summary>
/// The throwaway PostgreSQL server that test.sh starts on 127.0.0.1 and names in ESCALE_TEST_POSTGRES.
/// Each application under test gets a database of its own.
/// </summary>
public static class TestPostgres
{
    public const string EnvironmentVariable = "ESCALE_TEST_POSTGRES";

    private static string AdminConnectionString =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{EnvironmentVariable} is not set: the PostgreSQL tests need the server that 'bash test.sh' starts.");

    /// <param name="template">A database to copy (<see cref="SeededDatabase"/>), with no session open on it.</param>
    public static async Task<string> CreateDatabaseAsync(string? template = null)
    {
        var name = "escale_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(template is null ? $"CREATE DATABASE {name}" : $"CREATE DATABASE {name} TEMPLATE {template}", connection);
            await command.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
