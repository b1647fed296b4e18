using System.Globalization;
using Escale.Core.Opportunities;
using Escale.Core.Welcome;

namespace Escale.Web.Pages.MonProjet;

/// <summary>
/// Every answer of « Mon projet d'installation », bound whole on each step. The steps a visitor is not on travel as
/// hidden fields (<see cref="Carried"/>), not in a server-side draft: nothing is stored before the household agrees
/// to it on the last step, an abandoned form leaves nothing behind to expire, and « Précédent » or a restart of the
/// server loses nothing. The password alone is never carried: it is typed on the last step and posted once.
/// </summary>
public sealed class ProjectForm
{
    public const int MaxAdults = 6;

    public Guid SubmissionKey { get; set; }

    // Step 1: the household.
    public List<AdultInput> Adults { get; set; } = [];
    /// <summary>As typed: "6, 11".</summary>
    public string? ChildrenAges { get; set; }

    // Step 2: who they are, where from, where to, when.
    public int? PersonaId { get; set; }
    public string? CurrentPlace { get; set; }
    public bool Anywhere { get; set; }
    public List<int> IntercommunalityIds { get; set; } = [];
    public List<int> CommuneIds { get; set; } = [];
    public MoveTimeline? Timeline { get; set; }
    /// <summary>An <c>input type=month</c> value, "2027-03".</summary>
    public string? ArrivalMonth { get; set; }

    // Step 3: housing and needs.
    public List<HousingNeeds> Housing { get; set; } = [];
    public int? HousingBudget { get; set; }
    public int? HousingRooms { get; set; }
    public List<HouseholdNeeds> Needs { get; set; } = [];

    // Step 4: how they heard of the territory, and how to reach them.
    public HeardFrom? HeardFrom { get; set; }
    public string? HeardFromDetail { get; set; }
    public string? Phone { get; set; }
    public string? Message { get; set; }

    // Step 5: the account and the consents.
    public string? Name { get; set; }
    public string? Email { get; set; }
    public string? Password { get; set; }
    public string? ConfirmPassword { get; set; }
    public bool ConsentAccompaniment { get; set; }
    public bool ConsentMatchEmails { get; set; }
    public bool ConsentFollowUp { get; set; }

    /// <summary>The fields of every step but <paramref name="step"/>, as name/value pairs for hidden inputs (never the password).</summary>
    public IEnumerable<KeyValuePair<string, string>> Carried(int step)
    {
        var fields = new List<KeyValuePair<string, string>>();
        void Add(string name, object? value)
        {
            var text = value switch
            {
                null => null,
                bool b => b ? "true" : null,
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => value.ToString(),
            };
            if (!string.IsNullOrEmpty(text))
            {
                fields.Add(new("Input." + name, text));
            }
        }
        if (step != 1)
        {
            // Only the rows in use, numbered again from 0: a list binds only while its indexes run without a gap.
            var named = NamedAdults.ToList();
            for (var i = 0; i < named.Count; i++)
            {
                var adult = named[i];
                var prefix = $"Adults[{i.ToString(CultureInfo.InvariantCulture)}].";
                Add(prefix + nameof(AdultInput.FirstName), adult.FirstName);
                Add(prefix + nameof(AdultInput.LastName), adult.LastName);
                Add(prefix + nameof(AdultInput.OccupationQuery), adult.OccupationQuery);
                Add(prefix + nameof(AdultInput.RomeCode), adult.RomeCode);
                Add(prefix + nameof(AdultInput.ExperienceYears), adult.ExperienceYears);
                Add(prefix + nameof(AdultInput.Wish), adult.Wish);
                adult.Contracts.ForEach(c => Add(prefix + nameof(AdultInput.Contracts), c));
                Add(prefix + nameof(AdultInput.WorkingTime), adult.WorkingTime);
                Add(prefix + nameof(AdultInput.NafCode), adult.NafCode);
                Add(prefix + nameof(AdultInput.Budget), adult.Budget);
            }
            Add(nameof(ChildrenAges), ChildrenAges);
        }
        if (step != 2)
        {
            Add(nameof(PersonaId), PersonaId);
            Add(nameof(CurrentPlace), CurrentPlace);
            Add(nameof(Anywhere), Anywhere);
            IntercommunalityIds.ForEach(id => Add(nameof(IntercommunalityIds), id));
            CommuneIds.ForEach(id => Add(nameof(CommuneIds), id));
            Add(nameof(Timeline), Timeline);
            Add(nameof(ArrivalMonth), ArrivalMonth);
        }
        if (step != 3)
        {
            Housing.ForEach(h => Add(nameof(Housing), h));
            Add(nameof(HousingBudget), HousingBudget);
            Add(nameof(HousingRooms), HousingRooms);
            Needs.ForEach(n => Add(nameof(Needs), n));
        }
        if (step != 4)
        {
            Add(nameof(HeardFrom), HeardFrom);
            Add(nameof(HeardFromDetail), HeardFromDetail);
            Add(nameof(Phone), Phone);
            Add(nameof(Message), Message);
        }
        if (step != 5)
        {
            Add(nameof(Name), Name);
            Add(nameof(Email), Email);
            Add(nameof(ConsentAccompaniment), ConsentAccompaniment);
            Add(nameof(ConsentMatchEmails), ConsentMatchEmails);
            Add(nameof(ConsentFollowUp), ConsentFollowUp);
        }
        return fields;
    }

    /// <summary>The ages typed, or null when one of them is not a whole number.</summary>
    public List<int>? ParsedChildrenAges()
    {
        var ages = new List<int>();
        foreach (var part in (ChildrenAges ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part.Replace("ans", "", StringComparison.OrdinalIgnoreCase), NumberStyles.None, CultureInfo.InvariantCulture, out var age))
            {
                return null;
            }
            ages.Add(age);
        }
        return ages;
    }

    /// <summary>The first day of the arrival month, or null when none or not a month.</summary>
    public DateOnly? ParsedArrival() =>
        DateOnly.TryParseExact(ArrivalMonth + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) ? month : null;

    /// <summary>The adults with a first name: a blank row is a row the visitor did not use.</summary>
    public IEnumerable<AdultInput> NamedAdults => Adults.Where(a => !string.IsNullOrWhiteSpace(a.FirstName));

    /// <summary>The project as stored on the case (call once every step is valid).</summary>
    public HouseholdProject ToProject() => new()
    {
        Adults = NamedAdults.Select(a => new HouseholdAdult
        {
            FirstName = a.FirstName!.Trim(),
            LastName = Trimmed(a.LastName),
            RomeCode = a.RomeCode,
            OccupationLabel = a.OccupationLabel,
            ExperienceYears = a.ExperienceYears,
            Wish = a.Wish ?? AdultWish.NoWork,
            Contracts = a.Wish is AdultWish.Job ? [.. a.Contracts.Distinct()] : [],
            WorkingTime = a.Wish is AdultWish.Job ? a.WorkingTime : null,
            NafCode = a.IsBusiness ? a.NafCode : null,
            Budget = a.IsBusiness ? a.Budget : null,
        }).ToList(),
        ChildrenAges = ParsedChildrenAges() ?? [],
        CurrentPlace = Trimmed(CurrentPlace),
        TargetIntercommunalityIds = Anywhere ? [] : [.. IntercommunalityIds.Distinct()],
        TargetCommuneIds = Anywhere ? [] : [.. CommuneIds.Distinct()],
        Timeline = Timeline ?? MoveTimeline.NotDecided,
        ArrivalOn = ParsedArrival(),
        Housing = Housing.Aggregate(HousingNeeds.None, (all, h) => all | h),
        HousingBudget = HousingBudget,
        HousingRooms = HousingRooms,
        Needs = Needs.Aggregate(HouseholdNeeds.None, (all, n) => all | n),
        HeardFrom = HeardFrom ?? Core.Welcome.HeardFrom.Other,
        HeardFromDetail = Trimmed(HeardFromDetail),
        Phone = Trimmed(Phone),
        Message = Trimmed(Message),
    };

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

public sealed class AdultInput
{
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    /// <summary>What the visitor typed to search the ROME occupations.</summary>
    public string? OccupationQuery { get; set; }
    public string? RomeCode { get; set; }
    /// <summary>Filled from the ROME table on submission, never posted.</summary>
    public string? OccupationLabel { get; set; }
    public int? ExperienceYears { get; set; }
    public AdultWish? Wish { get; set; }
    public List<ContractType> Contracts { get; set; } = [];
    public WorkingTime? WorkingTime { get; set; }
    /// <summary>A NAF division ("56") for a business project.</summary>
    public string? NafCode { get; set; }
    public int? Budget { get; set; }

    public bool IsBusiness => Wish is AdultWish.CreateBusiness or AdultWish.TakeOverBusiness;
}
