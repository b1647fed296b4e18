namespace Escale.Core.Welcome.Matching;

/// <summary>
/// What a match proposes. Jobs and business projects are for one adult; temporary housing is for the whole household
/// and carries no adult. Schools are proposed per child, in <see cref="HouseholdMatches.Schools"/>.
/// </summary>
public enum HouseholdMatchKind
{
    /// <summary>A job offer or a health installation (an <see cref="Opportunities.Opportunity"/>).</summary>
    Job,
    /// <summary>A takeover or a creation opportunity (an <see cref="Opportunities.Opportunity"/>).</summary>
    Business,
    /// <summary>A temporary housing offer free at the household's arrival (a <see cref="Housing.HousingOffer"/>), for the whole household.</summary>
    Housing,
}

/// <summary>
/// One thing proposed to a household: the id of what is proposed (an opportunity's id for <see cref="HouseholdMatchKind.Job"/>
/// and <see cref="HouseholdMatchKind.Business"/>, a housing offer's for <see cref="HouseholdMatchKind.Housing"/>), the adult it is for (their index in the profile; null for the whole
/// household), a score from 0 to 100 and its reasons in plain French, most important first.
/// </summary>
public sealed record HouseholdMatch(HouseholdMatchKind Kind, int ItemId, int? AdultIndex, int Score, IReadOnlyList<string> Reasons)
{
    /// <summary>From this score a match is worth an e-mail: the same occupation (or activity) and most of the rest.</summary>
    public const int StrongScore = 70;

    public bool Strong => Score >= StrongScore;
}

/// <summary>The best matches of one kind for one adult (or for the household), best first.</summary>
public sealed record HouseholdMatchGroup(HouseholdMatchKind Kind, int? AdultIndex, IReadOnlyList<HouseholdMatch> Matches);

/// <summary>
/// Everything proposed to a household, grouped by adult and kind, in the order of the profile's adults, and the schools
/// for each child of school age.
/// </summary>
public sealed record HouseholdMatches(IReadOnlyList<HouseholdMatchGroup> Groups)
{
    public IReadOnlyList<ChildSchools> Schools { get; init; } = [];

    public IEnumerable<HouseholdMatch> All => Groups.SelectMany(g => g.Matches);

    /// <summary>The matches worth telling the household about by e-mail (the caller keeps which ones it has already told).</summary>
    public IEnumerable<HouseholdMatch> Strong => All.Where(m => m.Strong);

    public IReadOnlyList<HouseholdMatch> For(int? adultIndex, HouseholdMatchKind kind) =>
        Groups.FirstOrDefault(g => g.AdultIndex == adultIndex && g.Kind == kind)?.Matches ?? [];
}
