using Escale.Core.Territories;

namespace Escale.Core.Welcome.Matching;

/// <summary>
/// A school proposed for a child, in the commune <paramref name="SchoolCommune"/>, measured in a straight line from the
/// centre of the target commune <paramref name="FromCommune"/>.
/// </summary>
public sealed record SchoolMatch(TerritoryService School, string SchoolCommune, double DistanceKm, string FromCommune);

/// <summary>The schools proposed for one child (their index in the project's ages), nearest first.</summary>
public sealed record ChildSchools(int ChildIndex, int Age, SchoolLevels Level, IReadOnlyList<SchoolMatch> Schools);

/// <summary>A commune the household named, with the services around it as its commune page measures them.</summary>
public sealed record TargetCommuneServices(string Name, NearbyServices Services);

/// <summary>
/// Proposes to each child of school age the schools of their level for each commune the household named: the
/// commune's own schools of that level, or else the nearest ones (the commune page's rule, <see cref="NearbyServices"/>).
/// A school proposed for several communes keeps its nearest distance.
/// </summary>
public static class SchoolMatcher
{
    /// <summary>
    /// The school a child of this age goes to: maternelle 3–5, élémentaire 6–10, collège 11–14, lycée 15–17; none
    /// before 3 or from 18.
    /// </summary>
    public static SchoolLevels LevelFor(int age) => age switch
    {
        >= 3 and <= 5 => SchoolLevels.Preschool,
        >= 6 and <= 10 => SchoolLevels.Elementary,
        >= 11 and <= 14 => SchoolLevels.MiddleSchool,
        >= 15 and <= 17 => SchoolLevels.HighSchool,
        _ => SchoolLevels.None,
    };

    /// <param name="communeName">The name of a school's commune (most schools outside the target communes share a name such as « Ecole primaire publique »).</param>
    public static IReadOnlyList<ChildSchools> Match(IReadOnlyList<int> childrenAges, IReadOnlyList<TargetCommuneServices> communes, Func<TerritoryService, string> communeName)
    {
        var children = new List<ChildSchools>();
        if (communes.Count == 0)
        {
            return children;
        }
        for (var i = 0; i < childrenAges.Count; i++)
        {
            var level = LevelFor(childrenAges[i]);
            if (level == SchoolLevels.None)
            {
                continue;
            }
            var schools = communes
                .SelectMany(commune => commune.Services.Schools.Where(s => s.Level == level)
                    .SelectMany(s => s.InCommune.Count > 0 ? s.InCommune : s.Nearest)
                    .Select(s => new SchoolMatch(s.Service, communeName(s.Service), s.DistanceKm, commune.Name)))
                .OrderBy(s => s.DistanceKm)
                .ThenBy(s => s.School.Name, StringComparer.Ordinal)
                .DistinctBy(s => s.School.Id)
                .ToList();
            children.Add(new ChildSchools(i, childrenAges[i], level, schools));
        }
        return children;
    }
}
