using Escale.Core.Identity;
using Escale.Core.WelcomeNetworks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Escale.Tests.Infrastructure;

/// <summary>Welcome structures, members and newcomer events made directly in the database, each test its own.</summary>
public static class NetworkSteps
{
    public sealed record SignedInPerson(ApplicationUser User, HttpClient Client);

    public static async Task<SignedInPerson> SignedInAsync(EscaleAppFactory app, params string[] roles)
    {
        var user = await MailAppFixture.CreateUserAsync(app, true, roles);
        var client = app.CreateBrowserlessClient();
        await client.SignInAsync(user.Email!, MailAppFixture.Password);
        return new SignedInPerson(user, client);
    }

    public static async Task<SignedInPerson> SignedInAdministratorAsync(EscaleAppFactory app)
    {
        var client = app.CreateBrowserlessClient();
        await client.SignInAsync(MailAppFixture.AdminEmail, MailAppFixture.Password);
        var user = await app.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == MailAppFixture.AdminEmail));
        return new SignedInPerson(user, client);
    }

    /// <summary>A structure added by hand, with a unique name, in the intercommunality of <paramref name="communeInsee"/>.</summary>
    public static async Task<WelcomeStructure> StructureAsync(
        EscaleAppFactory app, string communeInsee = "46102", WelcomeStructureKind kind = WelcomeStructureKind.TownHall, params WelcomeStructureMember[] members)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<Escale.Core.Data.EscaleDbContext>();
        var commune = await db.Communes.SingleAsync(c => c.InseeCode == communeInsee);
        var structure = new WelcomeStructure
        {
            Name = $"Structure {Guid.NewGuid().ToString("N")[..8]}",
            Kind = kind,
            IntercommunalityId = commune.IntercommunalityId,
            CommuneId = commune.Id,
            CreatedAt = DateTimeOffset.UtcNow,
            Members = [.. members],
        };
        db.WelcomeStructures.Add(structure);
        await db.SaveChangesAsync();
        return structure;
    }

    public static WelcomeStructureMember Member(string name, WelcomeMemberRole role, string? email = null, string? userId = null, bool inDirectory = true) =>
        new() { Name = name, Role = role, Email = email, UserId = userId, InDirectory = inDirectory, CreatedAt = DateTimeOffset.UtcNow };

    public static async Task<NewcomerEvent> EventAsync(EscaleAppFactory app, int structureId, int capacity, DateTimeOffset? startsAt = null)
    {
        var starts = startsAt ?? DateTimeOffset.UtcNow.AddDays(20);
        var welcomeEvent = new NewcomerEvent
        {
            StructureId = structureId,
            Title = $"Soirée des nouveaux arrivants {Guid.NewGuid().ToString("N")[..6]}",
            StartsAt = starts.ToUniversalTime(),
            EndsAt = starts.AddHours(2).ToUniversalTime(),
            Place = "Salle des fêtes",
            Capacity = capacity,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<Escale.Core.Data.EscaleDbContext>();
        db.NewcomerEvents.Add(welcomeEvent);
        await db.SaveChangesAsync();
        return welcomeEvent;
    }
}
