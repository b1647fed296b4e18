using System.Diagnostics;
using Escale.Tests.Infrastructure;

namespace Escale.Tests.Integration.Commands;

/// <summary>Runs the application's command line as an operator would: `Escale.Web import-territory PATH`.</summary>
public sealed class ImportTerritoryCommandTests
{
    private static async Task<(int ExitCode, string Output, string Errors)> RunAsync(string database, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Escale.Web.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["ConnectionStrings__Sqlite"] = $"Data Source={database}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["Site__BaseUrl"] = EscaleAppFactory.BaseUrl;
        start.Environment["AllowedHosts"] = "localhost";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await errors);
    }

    [Fact]
    public async Task MalformedPack_IsRefusedWithFileLineAndField_AndTheDatabaseStaysAsItWas()
    {
        var database = Path.Combine(Path.GetTempPath(), $"escale-cli-{Guid.NewGuid():N}.db");
        var folder = RepoPaths.CopyOfLotPack();
        var path = Path.Combine(folder, "communes.csv");
        var lines = await File.ReadAllLinesAsync(path);
        lines[5] = lines[5].Replace(",46,", ",46,", StringComparison.Ordinal).Replace(lines[5].Split(',')[0], "4X999", StringComparison.Ordinal);
        await File.WriteAllLinesAsync(path, lines);
        try
        {
            var migrate = await RunAsync(database, "import-territory", RepoPaths.LotPack);
            var refused = await RunAsync(database, "import-territory", folder);

            Assert.Equal(0, migrate.ExitCode);
            Assert.Contains("312 communes", migrate.Output, StringComparison.Ordinal);
            Assert.Equal(1, refused.ExitCode);
            Assert.Contains("communes.csv:6 [code_insee]", refused.Errors, StringComparison.Ordinal);
            Assert.Contains("4X999", refused.Errors, StringComparison.Ordinal);
            await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database}");
            await connection.OpenAsync();
            await using var count = connection.CreateCommand();
            count.CommandText = "SELECT COUNT(*) FROM Communes WHERE InseeCode LIKE '46%'";
            Assert.Equal(312L, (long)(await count.ExecuteScalarAsync())!);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(database);
        }
    }
}
