namespace Escale.Core.Territories;

public sealed record ServiceAtDistance(TerritoryService Service, double DistanceKm);

/// <summary>The schools of one level: those in the commune, or else the nearest ones.</summary>
public sealed record SchoolLevelServices(SchoolLevels Level, IReadOnlyList<ServiceAtDistance> InCommune, IReadOnlyList<ServiceAtDistance> Nearest);

/// <summary>What a household asks before moving to a commune: schools for each age, emergencies, maternity, train, France Services.</summary>
public sealed record NearbyServices(
    IReadOnlyList<SchoolLevelServices> Schools, ServiceAtDistance? EmergencyDepartment, ServiceAtDistance? Maternity,
    ServiceAtDistance? Station, ServiceAtDistance? FranceServices)
{
    public const int NearestSchoolCount = 3;

    public static readonly SchoolLevels[] Levels = [SchoolLevels.Preschool, SchoolLevels.Elementary, SchoolLevels.MiddleSchool, SchoolLevels.HighSchool];

    /// <summary>Every service the commune's page names, each once (for its map).</summary>
    public IEnumerable<ServiceAtDistance> All =>
        Schools.SelectMany(s => s.InCommune.Concat(s.Nearest))
            .Concat(new[] { EmergencyDepartment, Maternity, Station, FranceServices }.OfType<ServiceAtDistance>())
            .DistinctBy(s => s.Service.Id);

    /// <summary>
    /// Measured in memory over the territory's few hundred services, from the commune's centre (great-circle distance).
    /// </summary>
    public static NearbyServices For(int communeId, double latitude, double longitude, IReadOnlyList<TerritoryService> services)
    {
        var measured = services
            .Select(s => new ServiceAtDistance(s, GeoDistance.Kilometres(latitude, longitude, s.Latitude, s.Longitude)))
            .OrderBy(s => s.DistanceKm)
            .ThenBy(s => s.Service.Name, StringComparer.Ordinal)
            .ToList();
        var schools = Levels.Select(level =>
        {
            var ofLevel = measured.Where(s => s.Service.Kind == TerritoryServiceKind.School && s.Service.SchoolLevels.HasFlag(level)).ToList();
            var inCommune = ofLevel.Where(s => s.Service.CommuneId == communeId).OrderBy(s => s.Service.Name, StringComparer.CurrentCulture).ToList();
            var nearest = inCommune.Count > 0 ? [] : ofLevel.Take(NearestSchoolCount).ToList();
            return new SchoolLevelServices(level, inCommune, nearest);
        }).ToList();
        return new NearbyServices(
            schools,
            measured.FirstOrDefault(s => s.Service.HasEmergencyDepartment),
            measured.FirstOrDefault(s => s.Service.HasMaternity),
            measured.FirstOrDefault(s => s.Service.Kind == TerritoryServiceKind.Station),
            measured.FirstOrDefault(s => s.Service.Kind == TerritoryServiceKind.FranceServices));
    }
}
