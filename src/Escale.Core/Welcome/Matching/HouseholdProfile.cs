using Escale.Core.Opportunities;

namespace Escale.Core.Welcome.Matching;

/// <summary>One adult of a household, as the matching reads them from the project.</summary>
public sealed record AdultProfile
{
    public AdultWish Wish { get; init; }

    /// <summary>Occupation, ROME code ("J1506"); its domain ("J15") and grand domain ("J") are its first characters when not given.</summary>
    public string? RomeCode { get; init; }

    public string? RomeDomainCode { get; init; }

    public string? RomeGrandDomainCode { get; init; }

    /// <summary>Contracts the adult would take; empty means any.</summary>
    public IReadOnlySet<ContractType> Contracts { get; init; } = new HashSet<ContractType>();

    /// <summary>Full or part time; null means either.</summary>
    public WorkingTime? WorkingTime { get; init; }

    /// <summary>A business project's activity: a NAF rév. 2 code at any level ("56.10A", "56.10", "56") or its section letter ("I").</summary>
    public string? BusinessActivity { get; init; }

    /// <summary>A business project's budget, euros.</summary>
    public int? BusinessBudget { get; init; }

    /// <summary>The adult's own wished places (their spouse profile's area); null: the household's.</summary>
    public IReadOnlyList<TargetPlace>? Places { get; init; }

    /// <summary>The adult's own distance around the places; null: the household's.</summary>
    public int? MaxDistanceKm { get; init; }

    /// <summary>The occupation and area come from the adult's spouse profile, which the reasons say.</summary>
    public bool FromSpouseProfile { get; init; }

    internal string? Domain => RomeDomainCode ?? (RomeCode is { Length: >= 3 } code ? code[..3] : null);
}

/// <summary>A commune the household would like to live in or near.</summary>
public sealed record TargetPlace(string Name, double Latitude, double Longitude);

/// <summary>A household's project as the matching needs it.</summary>
public sealed record HouseholdProfile
{
    public const int DefaultMaxDistanceKm = 30;

    public IReadOnlyList<AdultProfile> Adults { get; init; } = [];

    /// <summary>Target communes; empty means "anywhere in the territory".</summary>
    public IReadOnlyList<TargetPlace> Places { get; init; } = [];

    /// <summary>How far from the nearest target commune an opportunity may be.</summary>
    public int MaxDistanceKm { get; init; } = DefaultMaxDistanceKm;

    /// <summary>The day the household hopes to arrive (never before today); null when it does not know yet.</summary>
    public DateOnly? ArrivalOn { get; init; }

    /// <summary>Adults and children: the persons a housing offer must sleep.</summary>
    public int Persons { get; init; }

    /// <summary>The household's monthly housing budget, euros; null when not given.</summary>
    public int? HousingBudget { get; init; }

    /// <summary>Whether the household asked for temporary housing in its project.</summary>
    public bool WantsTemporaryHousing { get; init; }
}
