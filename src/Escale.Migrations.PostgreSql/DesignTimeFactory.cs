using Escale.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Escale.Migrations.PostgreSql;

/// <summary>Lets `dotnet ef` build the PostgreSQL model without a server or the web application.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<EscaleDbContext>
{
    public EscaleDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<EscaleDbContext>()
            .UseNpgsql("Host=127.0.0.1;Database=escale_design", npgsql => npgsql.MigrationsAssembly(typeof(DesignTimeFactory).Assembly.GetName().Name))
            .Options);
}
