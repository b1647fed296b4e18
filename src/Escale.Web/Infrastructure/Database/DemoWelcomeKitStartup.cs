using Escale.Core.Data;
using Escale.Core.Welcome.Kits;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Infrastructure.Database;

/// <summary>
/// In Development only: a few generic first steps for each persona's welcome kit, when no persona has any, so that the
/// kits show their checklist. The real ones are written by the editorial team in /admin/kits.
/// </summary>
public static class DemoWelcomeKitStartup
{
    private static readonly (string Text, string English)[] Steps =
    [
        ("Prendre contact avec le service d’accueil de votre intercommunalité (exemple de démonstration)", "Get in touch with your intercommunality's welcome service (demo example)"),
        ("Prévoir les démarches administratives avec l’espace France services (exemple de démonstration)", "Plan your paperwork with the France Services office (demo example)"),
        ("Repérer les écoles, la santé et les transports dans ce kit (exemple de démonstration)", "Look up schools, health and transport in this kit (demo example)"),
    ];

    public static async Task SeedDemoWelcomeKitStepsAsync(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            return;
        }
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EscaleDbContext>();
        if (await db.WelcomeKitSteps.AnyAsync())
        {
            return;
        }
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var personas = await db.Personas.Select(p => p.Id).ToListAsync();
        foreach (var persona in personas)
        {
            db.WelcomeKitSteps.AddRange(Steps.Select((step, i) => new WelcomeKitStep
            {
                PersonaId = persona, Position = i + 1, Text = step.Text, TextEnglish = step.English, Link = i == 2 ? "/kits-accueil" : null,
                CreatedAt = now, UpdatedAt = now,
            }));
        }
        await db.SaveChangesAsync();
    }
}
