using Escale.Core.Data;
using Escale.Core.Territories;
using Escale.Core.Welcome;

namespace Escale.Core.WelcomeNetworks;

/// <summary>What a welcome structure is. Stored as text: append freely, never rename.</summary>
public enum WelcomeStructureKind
{
    TownHall,
    TouristOffice,
    FranceServices,
    Association,
    Chamber,
    Other,
    /// <summary>An intercommunality's welcome service, or the departmental team.</summary>
    WelcomeService,
}

/// <summary>What a member does in their structure. Stored as text.</summary>
public enum WelcomeMemberRole
{
    Referent,
    /// <summary>Manages the structure's members, events and mailings (needs a linked account).</summary>
    Coordinator,
    Volunteer,
    ElectedOfficial,
    Staff,
}

/// <summary>
/// A place of the local welcome network (réseau d'accueil): a town hall, a tourist office, a France Services office, an
/// association, a chamber. Those the territory's data already knows are made from it and kept in step at each import
/// (<see cref="TerritoryServiceId"/>, <see cref="WelcomeOrganisationId"/>); town halls and associations are added by hand.
/// A structure without an intercommunality serves the whole territory (a chamber, the tourism agency).
/// </summary>
public sealed class WelcomeStructure : IHasUpdatedAt
{
    public const int NameMaxLength = 300;

    public int Id { get; set; }
    public required string Name { get; set; }
    public WelcomeStructureKind Kind { get; set; }
    public int? IntercommunalityId { get; set; }
    public Intercommunality? Intercommunality { get; set; }
    public int? CommuneId { get; set; }
    public Commune? Commune { get; set; }
    public string? Address { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Website { get; set; }
    public string? Description { get; set; }
    /// <summary>The France Services office it is made from; its place is the office's.</summary>
    public int? TerritoryServiceId { get; set; }
    public TerritoryService? TerritoryService { get; set; }
    /// <summary>The welcome organisation it is made from; its referents are its members.</summary>
    public int? WelcomeOrganisationId { get; set; }
    public WelcomeOrganisation? WelcomeOrganisation { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public List<WelcomeStructureMember> Members { get; set; } = [];

    /// <summary>Made from the territory's data: its name, kind and place follow the data and are not edited by hand.</summary>
    public bool FromData => TerritoryServiceId is not null || WelcomeOrganisationId is not null;
}

/// <summary>A person of a welcome structure, shown in the public directory only when <see cref="InDirectory"/>.</summary>
public sealed class WelcomeStructureMember : IPartOf<WelcomeStructure>
{
    public int Id { get; set; }
    public int StructureId { get; set; }
    public WelcomeStructure? Structure { get; set; }
    public required string Name { get; set; }
    public WelcomeMemberRole Role { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    /// <summary>The person's account: a coordinator needs one to manage the structure.</summary>
    public string? UserId { get; set; }
    public bool InDirectory { get; set; }
    /// <summary>A referent of the linked welcome organisation, kept in step with it at each import.</summary>
    public bool FromOrganisation { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
