using Escale.Core.Territories;

namespace Escale.Core.Welcome;

public enum WelcomeOrganisationKind
{
    /// <summary>An intercommunality's welcome service.</summary>
    IntercommunalityService,
    /// <summary>A consular chamber (commerce and industry, trades, agriculture): business projects of its activities.</summary>
    Chamber,
    /// <summary>The tourism agency: projects that began as holidays here.</summary>
    TourismAgency,
    /// <summary>The departmental team: cases with no single target intercommunality, and sight of every case.</summary>
    DepartmentalTeam,
}

/// <summary>
/// An organisation of welcome referents. Comes from the territory pack's <c>welcome.json</c> (one service per
/// intercommunality is made from the pack's intercommunalities), matched on <see cref="Key"/>.
/// </summary>
public sealed class WelcomeOrganisation
{
    public int Id { get; set; }
    /// <summary>Stable key from the pack: the intercommunality's SIREN for a service, the pack's key otherwise.</summary>
    public required string Key { get; set; }
    public required string Name { get; set; }
    public WelcomeOrganisationKind Kind { get; set; }
    public int? IntercommunalityId { get; set; }
    public Intercommunality? Intercommunality { get; set; }
    /// <summary>For a chamber: the NAF sections (one letter each) of the business projects it follows, e.g. "A".</summary>
    public List<string> NafSections { get; set; } = [];
    public string? Email { get; set; }
    public int Position { get; set; }
    public List<WelcomeOrganisationMember> Members { get; set; } = [];
}

public sealed class WelcomeOrganisationMember
{
    public int OrganisationId { get; set; }
    public WelcomeOrganisation? Organisation { get; set; }
    public required string UserId { get; set; }
    /// <summary>A coordinator assigns and reassigns the organisation's cases and manages its members.</summary>
    public bool IsCoordinator { get; set; }
}
