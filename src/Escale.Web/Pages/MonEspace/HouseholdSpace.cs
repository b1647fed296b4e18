using Escale.Core.Data;
using Escale.Core.Welcome;

namespace Escale.Web.Pages.MonEspace;

/// <summary>The one access rule of the household's space: a newcomer sees the case their account owns, and no other.</summary>
public static class HouseholdSpace
{
    /// <summary>The household's case (its latest, should a second project ever be made).</summary>
    public static IQueryable<WelcomeCase> CaseOf(this EscaleDbContext db, string? userId) =>
        db.Cases.Where(c => userId != null && c.HouseholdUserId == userId).OrderByDescending(c => c.CreatedAt);

    public static CaseActor HouseholdActor(this WelcomeCase welcomeCase, string userId) => new(userId, welcomeCase.HouseholdName ?? "Le ménage");

    /// <summary>The first name of a referent as the household sees it ("Claire", not "Claire Dupont").</summary>
    public static string FirstName(string? displayName) =>
        string.IsNullOrWhiteSpace(displayName) ? "" : displayName.Trim().Split(' ', 2)[0];
}
