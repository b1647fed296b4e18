using Escale.Core.Opportunities;

namespace Escale.Core.Welcome;

public enum AdultWish
{
    /// <summary>Find a job here.</summary>
    Job,
    CreateBusiness,
    TakeOverBusiness,
    /// <summary>Keep a remote job and work from here.</summary>
    KeepRemoteJob,
    /// <summary>Retired, or not looking for work.</summary>
    NoWork,
}

public enum MoveTimeline
{
    WithinSixMonths,
    WithinYear,
    WithinTwoYears,
    NotDecided,
}

[Flags]
public enum HousingNeeds
{
    None = 0,
    Temporary = 1,
    Rent = 2,
    Buy = 4,
}

[Flags]
public enum HouseholdNeeds
{
    None = 0,
    School = 1,
    Childcare = 2,
    Health = 4,
    Mobility = 8,
    Broadband = 16,
}

public enum HeardFrom
{
    Campaign,
    Ambassador,
    Fair,
    Holidays,
    FamilyOrFriends,
    Media,
    Other,
}

/// <summary>What a household said it is looking for: the answers of "Mon projet d'installation". Stored as JSON on its case.</summary>
public sealed class HouseholdProject
{
    public List<HouseholdAdult> Adults { get; set; } = [];
    public List<int> ChildrenAges { get; set; } = [];
    /// <summary>Where they live now, as they wrote it (a town, a country).</summary>
    public string? CurrentPlace { get; set; }
    public List<int> TargetIntercommunalityIds { get; set; } = [];
    public List<int> TargetCommuneIds { get; set; } = [];
    public MoveTimeline Timeline { get; set; }
    /// <summary>The month they hope to arrive, when they know it (first day of the month).</summary>
    public DateOnly? ArrivalOn { get; set; }
    public HousingNeeds Housing { get; set; }
    public int? HousingBudget { get; set; }
    public int? HousingRooms { get; set; }
    public HouseholdNeeds Needs { get; set; }
    public HeardFrom HeardFrom { get; set; }
    /// <summary>The ambassador's code, the fair's name, or what "other" means.</summary>
    public string? HeardFromDetail { get; set; }
    public string? Phone { get; set; }
    public string? Message { get; set; }

    /// <summary>Anywhere in the territory: no intercommunality and no commune chosen.</summary>
    public bool Anywhere => TargetIntercommunalityIds.Count == 0 && TargetCommuneIds.Count == 0;

    public bool IsBusinessProject => Adults.Any(a => a.Wish is AdultWish.CreateBusiness or AdultWish.TakeOverBusiness);
}

public sealed class HouseholdAdult
{
    public required string FirstName { get; set; }
    public string? LastName { get; set; }
    /// <summary>ROME code of their occupation (five characters), chosen from the ROME search.</summary>
    public string? RomeCode { get; set; }
    public string? OccupationLabel { get; set; }
    public int? ExperienceYears { get; set; }
    public AdultWish Wish { get; set; }
    public List<ContractType> Contracts { get; set; } = [];
    public WorkingTime? WorkingTime { get; set; }
    /// <summary>For a business project: the NAF code of the activity (any level), e.g. "56.10A".</summary>
    public string? NafCode { get; set; }
    /// <summary>For a business project: the budget in euros.</summary>
    public int? Budget { get; set; }
}
