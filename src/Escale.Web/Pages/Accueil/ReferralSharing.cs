using System.Globalization;
using Escale.Core.Data;
using Escale.Core.Welcome;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Accueil;

/// <summary>
/// What a referral shares, field by field, with its value: the household reads exactly this before it consents, and
/// the partner sees exactly this and nothing else of the case. One function for both, so they cannot differ.
/// </summary>
public static class ReferralSharing
{
    public sealed record SharedValue(SharedFields Field, string Label, string Value);

    public static async Task<IReadOnlyList<SharedValue>> ValuesAsync(EscaleDbContext db, SharedFields fields, int? adultIndex, int caseId, CancellationToken cancellationToken)
    {
        var source = await db.Cases.AsNoTracking().Where(c => c.Id == caseId)
            .Select(c => new { c.HouseholdName, c.HouseholdUserId, c.Project }).SingleAsync(cancellationToken);
        var project = source.Project;
        var adults = adultIndex is { } i && i >= 0 && i < project.Adults.Count ? [project.Adults[i]] : project.Adults;
        var values = new List<SharedValue>();
        foreach (var (field, label) in WelcomeLabels.SharedFieldChoices.Where(f => fields.HasFlag(f.Field)))
        {
            var value = field switch
            {
                SharedFields.Name => adultIndex is not null && adults.Count == 1
                    ? string.Join(' ', new[] { adults[0].FirstName, adults[0].LastName }.Where(n => !string.IsNullOrWhiteSpace(n)))
                    : source.HouseholdName ?? "",
                SharedFields.Email => source.HouseholdUserId is null ? "" : await db.Users.Where(u => u.Id == source.HouseholdUserId).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken) ?? "",
                SharedFields.Phone => project.Phone ?? "",
                SharedFields.Occupation => string.Join(", ", adults.Select(a => a.OccupationLabel ?? a.RomeCode).Where(o => !string.IsNullOrWhiteSpace(o))),
                SharedFields.Experience => string.Join(", ", adults.Where(a => a.ExperienceYears is not null)
                    .Select(a => a.ExperienceYears == 1 ? "1 an" : $"{a.ExperienceYears!.Value.ToString(CultureInfo.InvariantCulture)} ans")),
                SharedFields.Household => Household(project),
                SharedFields.Timeline => WelcomeLabels.Timeline(project.Timeline)
                    + (project.ArrivalOn is { } arrival ? ", arrivée espérée en " + arrival.ToString("MMMM yyyy", CultureInfo.GetCultureInfo("fr-FR")) : ""),
                SharedFields.TargetPlaces => await PlacesAsync(db, project, cancellationToken),
                SharedFields.Housing => WelcomeLabels.Housing(project.Housing)
                    + (project.HousingBudget is { } budget ? $", budget {budget.ToString("N0", CultureInfo.GetCultureInfo("fr-FR"))} €" : "")
                    + (project.HousingRooms is { } rooms ? $", {rooms.ToString(CultureInfo.InvariantCulture)} pièces" : ""),
                _ => "",
            };
            values.Add(new SharedValue(field, label, value.Length == 0 ? "—" : value));
        }
        return values;
    }

    public static string Household(HouseholdProject project)
    {
        var adults = project.Adults.Count == 1 ? "1 adulte" : $"{project.Adults.Count.ToString(CultureInfo.InvariantCulture)} adultes";
        if (project.ChildrenAges.Count == 0)
        {
            return adults;
        }
        var ages = project.ChildrenAges.Order().Select(a => a.ToString(CultureInfo.InvariantCulture)).ToList();
        var children = project.ChildrenAges.Count == 1 ? "1 enfant" : $"{project.ChildrenAges.Count.ToString(CultureInfo.InvariantCulture)} enfants";
        var list = ages.Count == 1 ? ages[0] : string.Join(", ", ages[..^1]) + " et " + ages[^1];
        return $"{adults}, {children} ({list} ans)";
    }

    public static async Task<string> PlacesAsync(EscaleDbContext db, HouseholdProject project, CancellationToken cancellationToken)
    {
        if (project.Anywhere)
        {
            return "Tout le territoire";
        }
        var epcis = await db.Intercommunalities.Where(e => project.TargetIntercommunalityIds.Contains(e.Id)).OrderBy(e => e.Name).Select(e => e.Name).ToListAsync(cancellationToken);
        var communes = await db.Communes.Where(c => project.TargetCommuneIds.Contains(c.Id)).OrderBy(c => c.Name).Select(c => c.Name).ToListAsync(cancellationToken);
        return string.Join(", ", epcis.Concat(communes));
    }
}
