using Escale.Core.Data;
using Escale.Core.Welcome;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.MonEspace;

/// <summary>The one access rule of the household's space: a newcomer sees the case their account owns, and no other.</summary>
public static class HouseholdSpace
{
    /// <summary>The household's case (its latest, should a second project ever be made).</summary>
    public static IQueryable<WelcomeCase> CaseOf(this EscaleDbContext db, string? userId) =>
        db.Cases.Where(c => userId != null && c.HouseholdUserId == userId).OrderByDescending(c => c.CreatedAt);

    /// <summary>
    /// Makes the household's requests on their case wait for each other, within the caller's transaction. On PostgreSQL a
    /// request both references the case (a key-share lock) and updates it; two hundred of them at once made the server fail
    /// one with « new multixact has more than one updating member » — a 500 for a double click. Holding the row first
    /// queues them instead. SQLite writes one transaction at a time already.
    /// </summary>
    public static async Task HoldAsync(this EscaleDbContext db, WelcomeCase welcomeCase, CancellationToken cancellationToken)
    {
        if (db.Database.ProviderName != DatabaseProviders.PostgresProviderName)
        {
            return;
        }
        var table = db.Model.FindEntityType(typeof(WelcomeCase))!.GetTableName();
#pragma warning disable EF1002 // the table's name comes from the model, the id is a parameter
        await db.Database.ExecuteSqlRawAsync($"SELECT 1 FROM \"{table}\" WHERE \"Id\" = {{0}} FOR NO KEY UPDATE", [welcomeCase.Id], cancellationToken);
#pragma warning restore EF1002
    }

    public static CaseActor HouseholdActor(this WelcomeCase welcomeCase, string userId) => new(userId, welcomeCase.HouseholdName ?? "Le ménage");

    /// <summary>The first name of a referent as the household sees it ("Claire", not "Claire Dupont").</summary>
    public static string FirstName(string? displayName) =>
        string.IsNullOrWhiteSpace(displayName) ? "" : displayName.Trim().Split(' ', 2)[0];
}
