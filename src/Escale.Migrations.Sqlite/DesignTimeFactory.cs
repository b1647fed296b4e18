using Escale.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Escale.Migrations.Sqlite;

/// <summary>Lets `dotnet ef` build the SQLite model without starting the web application.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<EscaleDbContext>
{
    public EscaleDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<EscaleDbContext>()
            .UseSqlite("Data Source=design-time.db", sqlite => sqlite.MigrationsAssembly(typeof(DesignTimeFactory).Assembly.GetName().Name))
            .Options);
}
