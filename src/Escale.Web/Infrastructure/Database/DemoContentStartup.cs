using Escale.Core.Content;
using Escale.Core.Data;
using Escale.Web.Infrastructure.Localization;
using Escale.Web.Infrastructure.Territory;

namespace Escale.Web.Infrastructure.Database;

public static class DemoContentStartup
{
    /// <summary>In Development only, adds the territory pack's fictional demo stories and events that are not there yet.</summary>
    public static async Task SeedDemoContentAsync(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            return;
        }
        var pack = TerritoryPackLocator.Resolve(app.Configuration, app.Environment);
        if (!File.Exists(Path.Combine(pack, "demo", DemoContent.FileName)))
        {
            return;
        }
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EscaleDbContext>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var added = await DemoContent.SeedAsync(db, DemoContent.Load(pack), clock.GetUtcNow(), ParisTime.Zone);
        if (added > 0)
        {
            app.Logger.LogInformation("Seeded {Count} demo stories and events", added);
        }
    }
}
