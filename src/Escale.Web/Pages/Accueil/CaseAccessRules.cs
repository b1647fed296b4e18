using Escale.Core.Data;
using Escale.Core.Welcome;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Accueil;

/// <summary>An organisation a referent acts for.</summary>
public sealed record ViewerOrganisation(int Id, string Name, WelcomeOrganisationKind Kind, bool IsCoordinator);

/// <summary>A referent as the case rules see them: their name, their organisations, and whether they see every case.</summary>
public sealed record CaseViewer(string UserId, string Name, IReadOnlyList<ViewerOrganisation> Organisations)
{
    /// <summary>A member of the departmental team sees every case of the territory.</summary>
    public bool SeesAll => Organisations.Any(o => o.Kind == WelcomeOrganisationKind.DepartmentalTeam);

    public IReadOnlyList<int> OrganisationIds => [.. Organisations.Select(o => o.Id)];

    public bool IsCoordinatorOf(int organisationId) => Organisations.Any(o => o.Id == organisationId && o.IsCoordinator);

    public bool IsCoordinator => Organisations.Any(o => o.IsCoordinator);

    public CaseActor Actor => new(UserId, Name);

    /// <summary>The organisation named in the audit log: the one that follows the case, else the first.</summary>
    public ViewerOrganisation? ActingFor(IEnumerable<int> caseOrganisationIds)
    {
        var ids = caseOrganisationIds.ToHashSet();
        return Organisations.FirstOrDefault(o => ids.Contains(o.Id)) ?? (Organisations.Count > 0 ? Organisations[0] : null);
    }
}

/// <summary>
/// Which cases a referent may see, in one place: the departmental team sees every case; any other referent sees the cases
/// one of their organisations follows now (an active assignment), and the closed cases their organisation followed
/// when they closed. A case outside these is answered 404 (never 403: its existence is not told either). Every look at
/// a case and every change is written to <see cref="CaseAccess"/>, which the household reads in its space.
/// </summary>
public static class CaseAccessRules
{
    /// <summary>The signed-in referent with their welcome organisations; null when the account does not exist.</summary>
    public static async Task<CaseViewer?> ViewerAsync(EscaleDbContext db, string? userId, CancellationToken cancellationToken = default)
    {
        if (userId is null)
        {
            return null;
        }
        // One round trip: the account and its memberships (a left join, so an account without any still answers).
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new
            {
                u.DisplayName,
                u.Email,
                Organisations = db.WelcomeOrganisationMembers.Where(m => m.UserId == u.Id)
                    .OrderBy(m => m.Organisation!.Position).ThenBy(m => m.OrganisationId)
                    .Select(m => new ViewerOrganisation(m.OrganisationId, m.Organisation!.Name, m.Organisation.Kind, m.IsCoordinator))
                    .ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        return user is null ? null : new CaseViewer(userId, user.DisplayName ?? user.Email ?? "Référent", user.Organisations);
    }

    /// <summary>The cases <paramref name="viewer"/> may see, as a query to filter further.</summary>
    public static IQueryable<WelcomeCase> Visible(IQueryable<WelcomeCase> cases, CaseViewer viewer)
    {
        if (viewer.SeesAll)
        {
            return cases;
        }
        var ids = viewer.OrganisationIds;
        return cases.Where(c => c.Assignments.Any(a => ids.Contains(a.OrganisationId)
            && (a.EndedAt == null || (c.Stage == CaseStage.Closed && a.EndReason == AssignmentEndReason.Closed))));
    }

    public static Task<bool> CanSeeAsync(EscaleDbContext db, CaseViewer viewer, int caseId, CancellationToken cancellationToken = default) =>
        Visible(db.Cases, viewer).AnyAsync(c => c.Id == caseId, cancellationToken);

    /// <summary>Writes who looked at or changed the case (saved with the caller's next <c>SaveChanges</c>).</summary>
    public static void Record(EscaleDbContext db, int caseId, CaseViewer viewer, IEnumerable<int> caseOrganisationIds, CaseAccessAction action, DateTimeOffset now) =>
        db.CaseAccesses.Add(new CaseAccess
        {
            CaseId = caseId,
            UserId = viewer.UserId,
            ActorName = viewer.Name,
            OrganisationName = viewer.ActingFor(caseOrganisationIds)?.Name,
            Action = action,
            At = now,
        });
}
