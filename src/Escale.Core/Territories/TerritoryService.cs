namespace Escale.Core.Territories;

public enum TerritoryServiceKind
{
    School,
    HealthEstablishment,
    Station,
    FranceServices,
}

/// <summary>The school stages a family asks about; an école primaire is both <see cref="Preschool"/> and <see cref="Elementary"/>.</summary>
[Flags]
public enum SchoolLevels
{
    None = 0,
    /// <summary>École maternelle (3–6 years).</summary>
    Preschool = 1,
    /// <summary>École élémentaire (6–11 years).</summary>
    Elementary = 2,
    /// <summary>Collège (11–15 years).</summary>
    MiddleSchool = 4,
    /// <summary>Lycée (15–18 years).</summary>
    HighSchool = 8,
}

/// <summary>
/// A public service of the territory pack (school, hospital, station, France Services office), placed in its commune.
/// Matched at each import on <see cref="Kind"/> and <see cref="SourceKey"/> (UAI, FINESS, UIC code, France Services id).
/// </summary>
public sealed class TerritoryService
{
    public const int NameMaxLength = 300;
    public const int AddressMaxLength = 400;

    public int Id { get; set; }
    public TerritoryServiceKind Kind { get; set; }
    public required string SourceKey { get; set; }
    public required string Name { get; set; }
    public int CommuneId { get; set; }
    public Commune? Commune { get; set; }
    public double Latitude { get; set; }
    public double Longitude { get; set; }
    /// <summary>The data gives no position: the point is the commune's centre.</summary>
    public bool AtCommuneCentre { get; set; }
    public string? Address { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public SchoolLevels SchoolLevels { get; set; }
    public bool IsPrivate { get; set; }
    public bool HasEmergencyDepartment { get; set; }
    public bool HasMaternity { get; set; }
    public bool ByAppointment { get; set; }
    /// <summary>The data's own remark (France Services), as given.</summary>
    public string? Note { get; set; }
    public List<OpeningHours> OpeningHours { get; set; } = [];
}

public sealed class OpeningHours
{
    public DayOfWeek Day { get; set; }
    public required string Hours { get; set; }
}
