using Escale.Core.Data;
using Escale.Core.Opportunities;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Infrastructure.Database;

public static class DemoOpportunitiesStartup
{
    /// <summary>In Development only, fills an offer-less database with <see cref="DemoOpportunities"/> so every page has something to show.</summary>
    public static async Task SeedDemoOpportunitiesAsync(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            return;
        }
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EscaleDbContext>();
        if (await db.Opportunities.AnyAsync())
        {
            return;
        }
        var places = await db.Communes.AsNoTracking()
            .Select(c => new DemoOpportunities.Place(c.Id, c.InseeCode, c.Name, c.Population, c.IntercommunalityId, c.Latitude, c.Longitude))
            .ToListAsync();
        var occupations = await db.RomeOccupations.AsNoTracking()
            .Select(r => new DemoOpportunities.Occupation(r.Code, r.Label, r.DomainCode, r.GrandDomainCode))
            .ToListAsync();
        if (places.Count == 0 || occupations.Count == 0)
        {
            return;
        }
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        db.Opportunities.AddRange(DemoOpportunities.Generate(places, occupations, DemoOpportunities.DevelopmentCount, seed: 46, clock.GetUtcNow()));
        await db.SaveChangesAsync();
        app.Logger.LogInformation("Seeded {Count} demo offers", DemoOpportunities.DevelopmentCount);
    }
}
