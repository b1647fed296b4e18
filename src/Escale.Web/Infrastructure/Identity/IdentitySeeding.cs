using System.Security.Cryptography;
using Escale.Core.Data;
using Escale.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Infrastructure.Identity;

public static class IdentitySeeding
{
    /// <summary>
    /// Creates the roles, the first administrator named by <c>Admin:Email</c> / <c>Admin:Password</c> and, in
    /// Development only, one demo account per role. Runs after the database is prepared; idempotent.
    /// </summary>
    public static async Task SeedIdentityAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                try
                {
                    Ensure(await roles.CreateAsync(new IdentityRole(role)), "role " + role);
                }
                catch (Microsoft.EntityFrameworkCore.DbUpdateException)
                {
                    // Another instance starting at the same moment may have created it first (unique role name).
                    services.GetRequiredService<Escale.Core.Data.EscaleDbContext>().ChangeTracker.Clear();
                    if (!await roles.RoleExistsAsync(role))
                    {
                        throw;
                    }
                }
            }
        }

        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        await SeedFirstAdministratorAsync(app, users, now);
        if (app.Environment.IsDevelopment())
        {
            await SeedDemoAccountsAsync(users, now);
        }
    }

    private static async Task SeedFirstAdministratorAsync(WebApplication app, UserManager<ApplicationUser> users, DateTimeOffset now)
    {
        var email = app.Configuration["Admin:Email"];
        var password = app.Configuration["Admin:Password"];
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
        {
            return;
        }
        var admin = await users.FindByEmailAsync(email);
        if (admin is null)
        {
            admin = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Administrateur", CreatedAt = now };
            Ensure(await users.CreateAsync(admin, password), "first administrator (check Admin:Password against the password rules)");
            // Neither the address nor the password: logs are read by more people than the configuration.
            app.Logger.LogInformation("First administrator created from configuration");
        }
        if (!await users.IsInRoleAsync(admin, Roles.Administrator))
        {
            Ensure(await users.AddToRoleAsync(admin, Roles.Administrator), "administrator role");
        }
    }

    private static readonly (string Role, string LocalPart, string DisplayName)[] DemoAccounts =
    [
        (Roles.Administrator, "administrateur", "Administratrice de démonstration"),
        (Roles.Editor, "editeur", "Éditeur de démonstration"),
        (Roles.WelcomeReferent, "referent", "Référente accueil de démonstration"),
        // A coordinator of the departmental team, who sees every case (its memberships: DemoCaseFilesStartup).
        (Roles.WelcomeReferent, "coordination", "Coordinatrice départementale de démonstration"),
        (Roles.CommissionMember, "commission", "Membre de commission de démonstration"),
        (Roles.Ambassador, "ambassadeur", "Ambassadeur de démonstration"),
        (Roles.Partner, "partenaire", "Partenaire de démonstration"),
        (Roles.Newcomer, "nouvel-arrivant", "Nouvel arrivant de démonstration"),
        (Roles.Jury, "jury", "Juré de démonstration"),
    ];

    private static async Task SeedDemoAccountsAsync(UserManager<ApplicationUser> users, DateTimeOffset now)
    {
        var created = new List<(string Email, string Role, string Password)>();
        foreach (var (role, localPart, displayName) in DemoAccounts)
        {
            var email = localPart + "@demo.escale.test";
            if (await users.FindByEmailAsync(email) is not null)
            {
                continue;
            }
            var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, CreatedAt = now };
            var password = NewPassword();
            Ensure(await users.CreateAsync(user, password), "demo account " + localPart);
            Ensure(await users.AddToRoleAsync(user, role), "demo role " + role);
            created.Add((email, role, password));
        }
        if (created.Count == 0)
        {
            return;
        }
        // Console, not the logger: this is the only place these passwords are ever shown (they are not stored
        // in clear anywhere), and logs, which are shipped and kept, must never carry credentials.
        Console.WriteLine();
        Console.WriteLine("Comptes de démonstration créés (mots de passe affichés une seule fois) :");
        foreach (var (email, role, password) in created)
        {
            Console.WriteLine($"  {role,-17} {email,-40} {password}");
        }
        Console.WriteLine();
    }

    /// <summary>16 characters from an unambiguous alphabet, with at least one upper case, one lower case and one digit.</summary>
    internal static string NewPassword()
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
        const string lower = "abcdefghijkmnopqrstuvwxyz";
        const string digits = "23456789";
        var chars = RandomNumberGenerator.GetString(upper + lower + digits, 16).ToCharArray();
        chars[0] = upper[RandomNumberGenerator.GetInt32(upper.Length)];
        chars[1] = lower[RandomNumberGenerator.GetInt32(lower.Length)];
        chars[2] = digits[RandomNumberGenerator.GetInt32(digits.Length)];
        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }

    private static void Ensure(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not create the {what}: {string.Join(" ", result.Errors.Select(e => e.Code))}");
        }
    }
}
